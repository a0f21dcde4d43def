import { describe, expect, it } from "vitest";
import type { Candle } from "./types";
import { resample } from "./resample";

const m = (i: number, o: number, h: number, l: number, c: number): Candle => ({
  openTime: i * 60_000, closeTime: i * 60_000 + 59_999, open: o, high: h, low: l, close: c, volume: 1, trades: 2,
});

describe("resample", () => {
  const minutes = [m(0, 10, 12, 9, 11), m(1, 11, 15, 10, 14), m(2, 14, 14, 8, 9), m(3, 9, 10, 9, 10), m(4, 10, 11, 10, 11), m(5, 11, 11, 11, 11)];
  it("builds 5-minute bars from their minutes", () => {
    expect(resample(minutes, "5m")).toEqual([
      { openTime: 0, closeTime: 299_999, open: 10, high: 15, low: 8, close: 11, volume: 5, trades: 10 },
      { openTime: 300_000, closeTime: 599_999, open: 11, high: 11, low: 11, close: 11, volume: 1, trades: 2 },
    ]);
  });
  it("drops incomplete buckets when asked", () => {
    expect(resample(minutes, "5m", true).map((c) => c.openTime)).toEqual([0]);
    expect(resample(minutes.filter((c) => c.openTime !== 120_000), "5m", true)).toEqual([]);
  });
  it("1m is the identity", () => expect(resample(minutes, "1m")).toEqual(minutes));
});

/** The first implementation, kept as the reference the one-pass version must match field for field. */
function referenceResample(minutes: readonly Candle[], size: number, complete: boolean): Candle[] {
  const out: (Candle & { count: number })[] = [];
  let current: (Candle & { count: number }) | null = null;
  for (const x of minutes) {
    const start = Math.floor(x.openTime / size) * size;
    if (!current || current.openTime !== start) {
      if (current) out.push(current);
      current = { ...x, openTime: start, closeTime: start + size - 1, count: 0 };
    } else {
      current.high = Math.max(current.high, x.high);
      current.low = Math.min(current.low, x.low);
      current.close = x.close;
      current.volume += x.volume;
      current.trades += x.trades;
    }
    current.count++;
  }
  if (current) out.push(current);
  return out.filter((c) => !complete || c.count === size / 60_000).map(({ count: _count, ...c }) => c);
}

describe("resample matches its reference on random minutes with holes", () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const minutes: Candle[] = [];
  for (let i = 0, px = 100; i < 5_000; i++) {
    if (rand() < 0.03) continue; // a missing minute
    const o = px;
    px *= 1 + (rand() - 0.5) / 100;
    minutes.push({ openTime: i * 60_000, closeTime: i * 60_000 + 59_999, open: o, high: Math.max(o, px) * 1.001, low: Math.min(o, px) * 0.999, close: px, volume: rand() * 10, trades: Math.floor(rand() * 50) });
  }
  it.each(["5m", "15m", "1h", "4h", "1d"] as const)("%s, complete and not", (interval) => {
    for (const complete of [true, false]) {
      const actual = resample(minutes, interval, complete);
      const expected = referenceResample(minutes, { "5m": 300_000, "15m": 900_000, "1h": 3_600_000, "4h": 14_400_000, "1d": 86_400_000 }[interval], complete);
      expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
    }
  });
});
