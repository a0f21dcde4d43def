import { describe, expect, it } from "vitest";
import { computeIndicators } from "./compute";
import { HOUR_MS, candlesOf } from "./test-fixtures";

const DAY_MS = 86_400_000;
/** 2024-01-01T22:00:00Z: two hours before a UTC midnight */
const LATE = Date.UTC(2024, 0, 1, 22);

function vwap(...args: Parameters<typeof candlesOf>) {
  const candles = candlesOf(...args);
  const [result] = computeIndicators(candles, [{ kind: "vwap" }], { seriesLength: candles.length });
  if (!result) throw new Error("one config gives one result");
  return { candles, result, at: candles.map((c) => result.series.find((p) => p.time === c.openTime)?.value ?? null) };
}

describe("session VWAP = Σ typical × volume / Σ volume since UTC midnight", () => {
  it("accumulates within a day and resets at midnight (by hand)", () => {
    const { at, result } = vwap(
      [
        { high: 11, low: 9, close: 10, volume: 2 }, // 22:00, typical 10
        { high: 13, low: 11, close: 12, volume: 3 }, // 23:00, typical 12 → (20 + 36) / 5
        { high: 21, low: 19, close: 20, volume: 1 }, // 00:00 next day: new session
        { high: 16, low: 14, close: 15, volume: 3 }, // 01:00, typical 15 → (20 + 45) / 4
        { high: 101, low: 99, close: 100, volume: 0 }, // no volume: no weight
      ],
      HOUR_MS,
      LATE,
    );
    expect(at).toEqual([10, 11.2, 20, 16.25, 16.25]);
    expect(result.latest).toBe(16.25);
    expect(result.candlesNeeded).toBe(1);
  });

  it("uses the typical price (H + L + C) / 3, not the close", () => {
    const { at } = vwap([{ high: 12, low: 6, close: 6, volume: 5 }]);
    expect(at).toEqual([8]);
  });

  it.each([
    { name: "the first candle", volumes: [0, 2], expected: [null, 10] },
    { name: "a whole session", volumes: [0, 0], expected: [null, null] },
  ])("has no value while $name has no volume", ({ volumes, expected }) => {
    const { at, result } = vwap(volumes.map((volume) => ({ close: 10, volume })));
    expect(at).toEqual(expected);
    expect(result.latest).toBe(expected.at(-1));
  });

  it("on daily candles every session is one candle, so it is each candle's typical price", () => {
    const { at } = vwap(
      [
        { high: 12, low: 8, close: 10, volume: 100 },
        { high: 30, low: 24, close: 27, volume: 1 },
        { high: 3, low: 0.5, close: 1, volume: 7 },
      ],
      DAY_MS,
    );
    expect(at).toEqual([10, 27, 1.5]);
  });

  it("keys on the candle's openTime: a candle opening at 23:59 belongs to the day it opens", () => {
    const start = Date.UTC(2024, 0, 1, 23, 59);
    const { at } = vwap([{ close: 10, volume: 1 }, { close: 20, volume: 1 }, { close: 30, volume: 1 }], 60_000, start);
    expect(at).toEqual([10, 20, 25]);
  });
});
