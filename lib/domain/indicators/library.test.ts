import { describe, expect, it } from "vitest";
import type { Candle } from "@/lib/domain/market/types";
import { EMA } from "trading-signals";
import { computeIndicators } from "./compute";
import { emaLatest, emaLatestPair, emaStepper } from "./library";
import {
  refAtrWilder,
  refBollinger,
  refEmaFirstSeeded,
  refEmaSmaSeeded,
  refMacd,
  refRsiWilder,
  refSma,
  refTrueRange,
} from "./textbook-reference";
import { TUTORIAL_CLOSES, WAVE_CLOSES, candlesOf, closesOf, hlcCandles } from "./test-fixtures";
import type { IndicatorConfig, IndicatorValue } from "./types";

/** The indicator's value at every candle (null where it has none), read through the public API. */
function valuesAt(candles: readonly Candle[], config: IndicatorConfig): (IndicatorValue | null)[] {
  const [result] = computeIndicators(candles, [config], { seriesLength: candles.length });
  const byTime = new Map(result?.series.map((p) => [p.time, p.value]));
  return candles.map((c) => byTime.get(c.openTime) ?? null);
}

const fromCloses = (closes: readonly number[]) => candlesOf(closes.map((close) => ({ close })));

function expectClose(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

/** Same null positions, and every value within 1e-9 (relative) of the reference, field by field. */
function expectSeries(actual: readonly (IndicatorValue | null)[], expected: readonly (number | object | null)[]) {
  expect(actual.map((v) => v === null)).toEqual(expected.map((v) => v === null));
  actual.forEach((a, i) => {
    const e = expected[i];
    if (a === null || e === null || e === undefined) return;
    if (typeof a === "number") return expectClose(a, e as number);
    for (const [field, value] of Object.entries(e)) expectClose((a as unknown as Record<string, number>)[field] as number, value as number);
  });
}

describe("SMA (trading-signals) vs the mean of each window", () => {
  it("by hand: sma(3) of 1..5", () => {
    expect(valuesAt(fromCloses([1, 2, 3, 4, 5]), { kind: "sma", period: 3 })).toEqual([null, null, 2, 3, 4]);
  });

  it.each([
    { name: "tutorial", closes: TUTORIAL_CLOSES, period: 5 },
    { name: "tutorial", closes: TUTORIAL_CLOSES, period: 14 },
    { name: "wave", closes: WAVE_CLOSES, period: 1 },
    { name: "wave", closes: WAVE_CLOSES, period: 20 },
    { name: "wave", closes: WAVE_CLOSES, period: 60 },
  ])("$name sma($period)", ({ closes, period }) => {
    expectSeries(valuesAt(fromCloses(closes), { kind: "sma", period }), refSma(closes, period));
  });
});

describe("EMA (trading-signals): alpha 2/(n+1), seeded with the first price, reported from the n-th", () => {
  it("by hand: ema(3) of 1..5 (alpha 1/2: 1, 1.5, 2.25, 3.125, 4.0625)", () => {
    expect(valuesAt(fromCloses([1, 2, 3, 4, 5]), { kind: "ema", period: 3 })).toEqual([null, null, 2.25, 3.125, 4.0625]);
  });

  it.each([
    { name: "tutorial", closes: TUTORIAL_CLOSES, period: 10 },
    { name: "wave", closes: WAVE_CLOSES, period: 1 },
    { name: "wave", closes: WAVE_CLOSES, period: 9 },
    { name: "wave", closes: WAVE_CLOSES, period: 26 },
  ])("$name ema($period)", ({ closes, period }) => {
    expectSeries(valuesAt(fromCloses(closes), { kind: "ema", period }), refEmaFirstSeeded(closes, period));
  });

  it("differs from the SMA-seeded (TA-Lib) EMA only by a gap that decays by (1 − alpha) per bar", () => {
    const n = 10;
    const alpha = 2 / (n + 1);
    const ours = valuesAt(fromCloses(WAVE_CLOSES), { kind: "ema", period: n }) as (number | null)[];
    const taLib = refEmaSmaSeeded(WAVE_CLOSES, n);
    const gap0 = (ours[n - 1] as number) - (taLib[n - 1] as number);
    for (let i = n; i < WAVE_CLOSES.length; i++) {
      expectClose((ours[i] as number) - (taLib[i] as number), gap0 * (1 - alpha) ** (i - n + 1));
    }
  });
});

describe("RSI (trading-signals) vs Wilder's RSI", () => {
  it("by hand: the first 14 changes gain 3.34 and lose 1.40 in total; the 15th loses 0.28", () => {
    const rsi = valuesAt(fromCloses(TUTORIAL_CLOSES), { kind: "rsi", period: 14 }) as (number | null)[];
    expect(rsi.slice(0, 14).every((v) => v === null)).toBe(true);
    expectClose(rsi[14] as number, 100 - 100 / (1 + 3.34 / 1.4));
    const gain = ((3.34 / 14) * 13 + 0) / 14;
    const loss = ((1.4 / 14) * 13 + 0.28) / 14;
    expect(Math.abs((rsi[15] as number) - (100 - 100 / (1 + gain / loss)))).toBeLessThan(1e-9);
  });

  it.each([
    { name: "tutorial", closes: TUTORIAL_CLOSES, period: 14 },
    { name: "tutorial", closes: TUTORIAL_CLOSES, period: 2 },
    { name: "wave", closes: WAVE_CLOSES, period: 7 },
    { name: "wave", closes: WAVE_CLOSES, period: 30 },
  ])("$name rsi($period)", ({ closes, period }) => {
    expectSeries(valuesAt(fromCloses(closes), { kind: "rsi", period }), refRsiWilder(closes, period));
  });

  it.each([
    { name: "only rising", closes: [1, 2, 3, 4, 5], expected: 100 },
    { name: "only falling", closes: [5, 4, 3, 2, 1], expected: 0 },
    // the library's (and TradingView's) convention: no loss at all reads as 100
    { name: "flat", closes: [3, 3, 3, 3, 3], expected: 100 },
  ])("$name closes give $expected", ({ closes, expected }) => {
    expect(valuesAt(fromCloses(closes), { kind: "rsi", period: 3 }).at(-1)).toBe(expected);
  });
});

describe("ATR (trading-signals) vs Wilder's ATR (first true range = high − low)", () => {
  it("by hand: true ranges 1, 1.0, 0.9, 0.4, 1.1 give atr(3) 2.9/3, then Wilder steps", () => {
    expect(refTrueRange(hlcCandles()).slice(0, 5).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([1, 1, 0.9, 0.4, 1.1]);
    const atr = valuesAt(hlcCandles(), { kind: "atr", period: 3 }).slice(0, 5) as (number | null)[];
    expect(atr.slice(0, 2)).toEqual([null, null]);
    expectClose(atr[2] as number, 2.9 / 3);
    expectClose(atr[3] as number, ((2.9 / 3) * 2 + 0.4) / 3);
    expectClose(atr[4] as number, ((((2.9 / 3) * 2 + 0.4) / 3) * 2 + 1.1) / 3);
  });

  it.each([1, 3, 5, 14, 18])("atr(%i)", (period) => {
    const candles = hlcCandles();
    expectSeries(valuesAt(candles, { kind: "atr", period }), refAtrWilder(candles, period));
  });
});

describe("Bollinger Bands (trading-signals) vs SMA ± k × population stdev", () => {
  it("by hand: 2,4,4,4,5,5,7,9 has mean 5 and population stdev 2 (sample stdev would be 2.14)", () => {
    const [bands] = valuesAt(fromCloses([2, 4, 4, 4, 5, 5, 7, 9]), { kind: "bollinger", period: 8, stdDev: 2 }).slice(-1);
    expect(bands).toEqual({ lower: 1, middle: 5, upper: 9 });
  });

  it.each([
    { name: "tutorial", closes: TUTORIAL_CLOSES, period: 5, stdDev: 2 },
    { name: "tutorial", closes: TUTORIAL_CLOSES, period: 20, stdDev: 2 },
    { name: "wave", closes: WAVE_CLOSES, period: 20, stdDev: 1.5 },
    { name: "wave", closes: WAVE_CLOSES, period: 10, stdDev: 3 },
    { name: "wave", closes: WAVE_CLOSES, period: 1, stdDev: 2 },
  ])("$name bollinger($period,$stdDev)", ({ closes, period, stdDev }) => {
    expectSeries(valuesAt(fromCloses(closes), { kind: "bollinger", period, stdDev }), refBollinger(closes, period, stdDev));
  });
});

describe("MACD (trading-signals) vs EMA(fast) − EMA(slow) with an EMA(signal) of it", () => {
  it("by hand: macd(1,2,2) of 1, 2, 4 is 7/9 with signal 17/27", () => {
    const [, , last] = valuesAt(fromCloses([1, 2, 4]), { kind: "macd", fast: 1, slow: 2, signal: 2 });
    expectSeries([last ?? null], [{ macd: 7 / 9, signal: 17 / 27, histogram: 4 / 27 }]);
  });

  it.each([
    { name: "wave", closes: WAVE_CLOSES, fast: 12, slow: 26, signal: 9 },
    { name: "wave", closes: WAVE_CLOSES, fast: 5, slow: 10, signal: 3 },
    { name: "tutorial", closes: TUTORIAL_CLOSES, fast: 3, slow: 6, signal: 4 },
    { name: "tutorial", closes: TUTORIAL_CLOSES, fast: 12, slow: 26, signal: 1 },
  ])("$name macd($fast,$slow,$signal)", ({ closes, fast, slow, signal }) => {
    expectSeries(valuesAt(fromCloses(closes), { kind: "macd", fast, slow, signal }), refMacd(closes, fast, slow, signal));
  });
});

it("fixtures are what the tables above assume", () => {
  expect(closesOf(fromCloses(WAVE_CLOSES))).toEqual(WAVE_CLOSES);
  expect(WAVE_CLOSES.every((c) => c > 0)).toBe(true);
});

describe("emaStepper is trading-signals' EMA, value for value", () => {
  it.each([2, 3, 12, 20, 48, 200])("ema(%i) over a random walk equals EMA.add bit for bit", (period) => {
    let seed = period;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let price = 100;
    const closes = Array.from({ length: 1_000 }, () => (price *= 1 + (rand() - 0.5) / 50));
    const ema = new EMA(period);
    const step = emaStepper(period);
    closes.forEach((close, i) => {
      const reference = ema.add(close);
      const value = step({ openTime: i, closeTime: i, open: close, high: close, low: close, close, volume: 0, trades: 0 });
      expect(value).toBe(i + 1 < period ? null : reference);
    });
  });
});

describe("emaLatest is emaStepper's last value", () => {
  it.each([1, 2, 12, 48, 200])("ema(%i) over every prefix of a random walk, bit for bit, from an array or a Float64Array", (period) => {
    let seed = period + 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let price = 95_000;
    const closes = Array.from({ length: 300 }, () => (price *= 1 + (rand() - 0.5) / 50));
    const step = emaStepper(period);
    closes.forEach((close, i) => {
      const value = step({ openTime: i, closeTime: i, open: close, high: close, low: close, close, volume: 0, trades: 0 });
      const prefix = closes.slice(0, i + 1);
      expect(Object.is(emaLatest(prefix, period), value)).toBe(true);
      expect(Object.is(emaLatest(Float64Array.from(prefix), period), value)).toBe(true);
      // over a range of a longer column
      const longer = Float64Array.from([1, 2, ...prefix, 3]);
      expect(emaLatest(longer, period, 2, 2 + prefix.length)).toBe(value);
      expect(emaLatestPair(longer, period, 9, 2, 2 + prefix.length)[0]).toBe(value);
      // and as either half of a pair, with a longer and a shorter period
      expect(emaLatestPair(prefix, period, 26)[0]).toBe(value);
      expect(emaLatestPair(Float64Array.from(prefix), 5, period)[1]).toBe(value);
    });
    expect(emaLatestPair([], period, 3)).toEqual([null, null]);
    expect(emaLatest([], period)).toBeNull();
  });
});
