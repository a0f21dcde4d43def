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
