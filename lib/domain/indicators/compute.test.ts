import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/domain/errors";
import type { Candle } from "@/lib/domain/market/types";
import { DEFAULT_SERIES_LENGTH, LatestIndicators, computeIndicators } from "./compute";
import { candlesOf, randomWalk } from "./test-fixtures";
import type { IndicatorConfig, IndicatorResult } from "./types";

const ALL: { config: IndicatorConfig; key: string; needed: number }[] = [
  { config: { kind: "ema", period: 20 }, key: "ema(20)", needed: 20 },
  { config: { kind: "sma", period: 50 }, key: "sma(50)", needed: 50 },
  { config: { kind: "rsi", period: 14 }, key: "rsi(14)", needed: 15 },
  { config: { kind: "atr", period: 14 }, key: "atr(14)", needed: 14 },
  { config: { kind: "bollinger", period: 20, stdDev: 2 }, key: "bollinger(20,2)", needed: 20 },
  { config: { kind: "macd", fast: 12, slow: 26, signal: 9 }, key: "macd(12,26,9)", needed: 34 },
  { config: { kind: "vwap" }, key: "vwap", needed: 1 },
  { config: { kind: "realized-vol", period: 30 }, key: "realized-vol(30)", needed: 31 },
];
const CONFIGS = ALL.map((a) => a.config);

/** every number a result carries, in latest and in the series */
function numbersIn(results: readonly IndicatorResult[]): number[] {
  const flat = (v: unknown): number[] => (typeof v === "number" ? [v] : v && typeof v === "object" ? Object.values(v).flatMap(flat) : []);
  return results.flatMap((r) => [...flat(r.latest), ...r.series.flatMap((p) => [p.time, ...flat(p.value)])]);
}

const withVolume = (candles: Candle[]) => candles.map((c) => ({ ...c, volume: 1 }));

describe("computeIndicators", () => {
  it("answers one result per config, in order, with its key and the candles it needs", () => {
    const results = computeIndicators(randomWalk(100), CONFIGS);
    expect(results.map((r) => [r.config, r.key, r.candlesNeeded])).toEqual(ALL.map((a) => [a.config, a.key, a.needed]));
  });

  it.each(ALL)("$key: latest is null with one candle fewer than candlesNeeded ($needed), a value with exactly that many", ({ config, needed }) => {
    const candles = withVolume(randomWalk(needed));
    const [short] = computeIndicators(candles.slice(0, needed - 1), [config]);
    const [enough] = computeIndicators(candles, [config]);
    expect(short?.latest).toBeNull();
    expect(short?.series).toEqual([]);
    expect(enough?.latest).not.toBeNull();
    expect(enough?.series).toHaveLength(1);
  });

  it("over no candles every latest is null and every series empty", () => {
    for (const r of computeIndicators([], CONFIGS)) {
      expect(r.latest).toBeNull();
      expect(r.series).toEqual([]);
    }
  });

  it("keeps the last 50 points by default, or seriesLength; the last point is latest at the last candle", () => {
    const candles = randomWalk(200);
    const last = candles.at(-1) as Candle;
    for (const r of computeIndicators(candles, CONFIGS)) {
      expect(r.series).toHaveLength(DEFAULT_SERIES_LENGTH);
      expect(r.series.at(-1)).toEqual({ time: last.openTime, value: r.latest });
    }
    expect(computeIndicators(candles, CONFIGS, { seriesLength: 5 }).map((r) => r.series.length)).toEqual(CONFIGS.map(() => 5));
    const none = computeIndicators(candles, CONFIGS, { seriesLength: 0 });
    expect(none.every((r) => r.series.length === 0 && r.latest !== null)).toBe(true);
  });

  it("a short lookback gives a series of only the points that have values", () => {
    const [macd] = computeIndicators(randomWalk(40), [{ kind: "macd", fast: 12, slow: 26, signal: 9 }]);
    expect(macd?.series).toHaveLength(40 - 34 + 1);
  });

  it.each([
    { name: "a random walk", candles: randomWalk(3_000) },
    { name: "a flat price", candles: candlesOf(Array.from({ length: 100 }, () => ({ close: 7, volume: 1 }))) },
    { name: "tiny prices", candles: randomWalk(300, 7, 1e-8) },
    { name: "huge prices", candles: randomWalk(300, 9, 1e12) },
    { name: "zero volume throughout", candles: randomWalk(300).map((c) => ({ ...c, volume: 0 })) },
  ])("never yields NaN or Infinity for positive prices: $name", ({ candles }) => {
    const numbers = numbersIn(computeIndicators(candles, CONFIGS, { seriesLength: candles.length }));
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.filter((n) => !Number.isFinite(n))).toEqual([]);
  });

  it("has no lookahead: the value at candle k is the same whether or not later candles are given", () => {
    const candles = randomWalk(400, 3);
    const full = computeIndicators(candles, CONFIGS, { seriesLength: candles.length });
    for (const k of [0, 13, 14, 19, 25, 33, 34, 60, 199, 250, 399]) {
      const prefix = computeIndicators(candles.slice(0, k + 1), CONFIGS, { seriesLength: k + 1 });
      prefix.forEach((r, i) => {
        const time = (candles[k] as Candle).openTime;
        const inFull = full[i]?.series.find((p) => p.time === time)?.value ?? null;
        expect(r.latest, `${r.key} at ${k}`).toEqual(inFull);
        expect(r.series, `${r.key} up to ${k}`).toEqual(full[i]?.series.filter((p) => p.time <= time));
      });
    }
  });

  it("is unchanged by any change to candles after k", () => {
    const candles = randomWalk(120, 5);
    const k = 80;
    const shocked = candles.map((c, i) => (i > k ? { ...c, close: c.close * 3, high: c.high * 3, low: c.low * 0.5, volume: 1e6 } : c));
    const at = (rs: IndicatorResult[]) => rs.map((r) => r.series.filter((p) => p.time <= (candles[k] as Candle).openTime));
    expect(at(computeIndicators(shocked, CONFIGS, { seriesLength: 120 }))).toEqual(at(computeIndicators(candles, CONFIGS, { seriesLength: 120 })));
  });
});

describe("computeIndicators refuses", () => {
  it.each([
    { config: { kind: "ema", period: 0 }, field: "period" },
    { config: { kind: "sma", period: 2.5 }, field: "period" },
    { config: { kind: "atr", period: Number.NaN }, field: "period" },
    { config: { kind: "rsi", period: 1 }, field: "period" },
    { config: { kind: "realized-vol", period: 1 }, field: "period" },
    { config: { kind: "ema", period: 1_000_000 }, field: "period" },
    { config: { kind: "bollinger", period: 20, stdDev: 0 }, field: "stdDev" },
    { config: { kind: "bollinger", period: 20, stdDev: Number.POSITIVE_INFINITY }, field: "stdDev" },
    { config: { kind: "macd", fast: 26, slow: 12, signal: 9 }, field: "fast" },
    { config: { kind: "macd", fast: 12, slow: 26, signal: 0 }, field: "signal" },
  ] satisfies { config: IndicatorConfig; field: string }[])("$config.kind $config with a bad $field", ({ config, field }) => {
    expect(() => computeIndicators(randomWalk(10), [config])).toThrow(expect.objectContaining({ code: "VALIDATION_FAILED", field }));
  });

  it.each([
    { name: "out of order", swap: true },
    { name: "a repeated openTime", swap: false },
  ])("candles with $name", ({ swap }) => {
    const candles = randomWalk(5);
    const bad = swap ? [candles[0], candles[2], candles[1]] : [candles[0], candles[1], candles[1]];
    expect(() => computeIndicators(bad as Candle[], CONFIGS)).toThrow(DomainError);
  });

  it("a negative seriesLength", () => {
    expect(() => computeIndicators(randomWalk(5), CONFIGS, { seriesLength: -1 })).toThrow(/seriesLength/);
  });
});

describe("LatestIndicators answers computeIndicators' latest", () => {
  const candles = withVolume(randomWalk(300));
  const options = { seriesLength: 0, barMs: 300_000 };
  const typed = { bars: candles, closes: Float64Array.from(candles, (c) => c.close), openTimes: Float64Array.from(candles, (c) => c.openTime) };

  it.each(ALL)("$key, from the bars alone and with their typed closes and open times, over windows of every length", ({ config }) => {
    for (const length of [0, 1, 13, 14, 15, 34, 60, 300]) {
      const bars = candles.slice(candles.length - length);
      const [expected] = computeIndicators(bars, [config], options);
      const from = candles.length - length;
      const window = { bars, closes: typed.closes.subarray(from), openTimes: typed.openTimes.subarray(from) };
      // the whole columns, read in place from the window's first bar (ordered or checked)
      const inPlace = { bars, closes: typed.closes, openTimes: typed.openTimes, from, to: candles.length, ascending: length % 2 === 0 };
      // and a range that ends before the columns do
      const head = candles.slice(0, length);
      const [expectedHead] = computeIndicators(head, [config], options);
      const headInPlace = new LatestIndicators({ bars: head, closes: typed.closes, openTimes: typed.openTimes, from: 0, to: length }, options);
      expect(headInPlace.get(0, config)).toStrictEqual(expectedHead!.latest);
      for (const run of [{ bars }, window, inPlace]) {
        const latest = new LatestIndicators(run, options);
        expect(latest.get(0, config)).toStrictEqual(expected!.latest);
        // asked again, the kept value
        expect(latest.get(0, config)).toStrictEqual(expected!.latest);
      }
    }
  });

  it("two EMAs of the caller's configs come in one pass, each its own value; an invalid one among them refuses only itself", () => {
    const configs: IndicatorConfig[] = [{ kind: "ema", period: 12 }, { kind: "rsi", period: 14 }, { kind: "ema", period: 0 }, { kind: "ema", period: 48 }, { kind: "ema", period: 5 }];
    for (const length of [0, 5, 12, 48, 300]) {
      const bars = candles.slice(candles.length - length);
      const latest = new LatestIndicators({ bars, closes: Float64Array.from(bars, (c) => c.close), ascending: true }, options, configs);
      for (const slot of [3, 0, 4, 1]) expect(latest.get(slot, configs[slot]!)).toStrictEqual(computeIndicators(bars, [configs[slot]!], options)[0]!.latest);
      expect(() => latest.get(2, configs[2]!)).toThrow(DomainError);
    }
  });

  it("refuses what computeIndicators refuses, with its error: candles out of order, a config no indicator can honour", () => {
    const swapped = [candles[1]!, candles[0]!, ...candles.slice(2, 40)];
    const message = `candles must be strictly ascending by openTime: #1 (${candles[0]!.openTime}) follows ${candles[1]!.openTime}`;
    expect(() => computeIndicators(swapped, [{ kind: "ema", period: 5 }])).toThrow(message);
    const typedSwapped = { bars: swapped, closes: Float64Array.from(swapped, (c) => c.close), openTimes: Float64Array.from(swapped, (c) => c.openTime) };
    for (const run of [{ bars: swapped }, typedSwapped]) {
      expect(() => new LatestIndicators(run).get(0, { kind: "ema", period: 5 })).toThrow(message);
    }
    expect(() => new LatestIndicators({ bars: candles }).get(0, { kind: "rsi", period: 1 })).toThrow(DomainError);
  });
});
