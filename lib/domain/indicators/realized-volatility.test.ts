import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/domain/errors";
import type { Candle } from "@/lib/domain/market/types";
import { computeIndicators } from "./compute";
import { logReturnStdev } from "./realized-volatility";
import { HOUR_MS, candlesOf } from "./test-fixtures";
import type { ComputeOptions } from "./types";

const DAY_MS = 86_400_000;
const HOURS_PER_YEAR = 365 * 24;

function realizedVol(candles: Candle[], period: number, options: ComputeOptions = {}) {
  const [result] = computeIndicators(candles, [{ kind: "realized-vol", period }], { seriesLength: candles.length, ...options });
  if (!result) throw new Error("one config gives one result");
  return { result, at: candles.map((c) => result.series.find((p) => p.time === c.openTime)?.value ?? null) };
}

const fromCloses = (closes: number[], barMs = HOUR_MS) => candlesOf(closes.map((close) => ({ close })), barMs);

describe("realized volatility = sample stdev of log returns × sqrt(bars per year)", () => {
  it("by hand: returns ±ln 1.1 have mean 0 and sample variance 4·ln²1.1 / 3", () => {
    const a = Math.log(1.1);
    const { at, result } = realizedVol(fromCloses([100, 110, 100, 110, 100]), 4);
    expect(at.slice(0, 4)).toEqual([null, null, null, null]);
    expect(result.latest).toBeCloseTo(a * Math.sqrt(4 / 3) * Math.sqrt(HOURS_PER_YEAR), 12);
    expect(result.candlesNeeded).toBe(5);
  });

  it("uses the sample (n − 1) estimator, not the population one", () => {
    // returns ln 2, 0: mean ln2/2; squared deviations sum ln²2/2; over (2 − 1)
    expect(logReturnStdev([1, 2, 2])).toBeCloseTo(Math.log(2) / Math.SQRT2, 14);
  });

  it("is 0 for constant growth and for a flat price", () => {
    expect(realizedVol(fromCloses([100, 110, 121, 133.1]), 3).result.latest).toBeCloseTo(0, 12);
    expect(realizedVol(fromCloses([5, 5, 5, 5]), 3).result.latest).toBe(0);
  });

  it("rolls: each value reads only the last period + 1 closes", () => {
    const { at } = realizedVol(fromCloses([100, 200, 100, 110, 100, 110]), 2);
    const expected = [2, 3, 4, 5].map((k) => logReturnStdev([100, 200, 100, 110, 100, 110].slice(k - 2, k + 1)));
    expect(at.slice(2)).toEqual(expected.map((s) => (s as number) * Math.sqrt(HOURS_PER_YEAR)));
  });

  it.each([
    { name: "1m", barMs: 60_000, bars: 525_600 },
    { name: "1h", barMs: HOUR_MS, bars: 8_760 },
    { name: "4h", barMs: 4 * HOUR_MS, bars: 2_190 },
    { name: "1d", barMs: DAY_MS, bars: 365 },
  ])("annualizes $name bars (from closeTime − openTime + 1) by sqrt($bars)", ({ barMs, bars }) => {
    const closes = [100, 101, 99, 102];
    const sigma = logReturnStdev(closes) as number;
    expect(realizedVol(fromCloses(closes, barMs), 3).result.latest).toBeCloseTo(sigma * Math.sqrt(bars), 12);
  });

  it("takes the bar length from options over the candles", () => {
    const closes = [100, 101, 99, 102];
    const sigma = logReturnStdev(closes) as number;
    expect(realizedVol(fromCloses(closes, HOUR_MS), 3, { barMs: DAY_MS }).result.latest).toBeCloseTo(sigma * Math.sqrt(365), 12);
  });

  it("has no value while a non-positive close is in the window (no log return exists)", () => {
    const { at } = realizedVol(fromCloses([1, 2, 0, 2, 3, 4, 5]), 2);
    expect(at.map((v) => v !== null)).toEqual([false, false, false, false, false, true, true]);
  });

  it("refuses a bar length it cannot annualize by", () => {
    const candles = fromCloses([1, 2, 3]).map((c) => ({ ...c, closeTime: c.openTime - 5 }));
    expect(() => realizedVol(candles, 2)).toThrow(DomainError);
    expect(() => realizedVol(fromCloses([1, 2, 3]), 2, { barMs: 0 })).toThrow(/bar length/);
  });
});
