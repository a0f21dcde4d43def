import { beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "../../errors";
import {
  REPLAY_ANCHOR,
  REPLAY_SYMBOLS,
  clearReplayCaches,
  replayAssetContexts,
  replayCandles,
  replayFunding,
  replayMids,
} from "./generator";

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const at = (day: number, hours = 0, minutes = 0) => REPLAY_ANCHOR + day * DAY + hours * HOUR + minutes * MIN;

beforeEach(() => clearReplayCaches());

describe("determinism", () => {
  it.each(REPLAY_SYMBOLS)("the same seed gives byte-identical candles for %s, whatever was generated before", (symbol) => {
    const first = JSON.stringify(replayCandles("seed-1", symbol, at(3), at(4)));
    clearReplayCaches();
    replayCandles("seed-1", symbol, at(5), at(6)); // warm the caches in another order
    const second = JSON.stringify(replayCandles("seed-1", symbol, at(3), at(4)));
    expect(second).toBe(first);
    expect(JSON.parse(first)).toHaveLength(1440);
  });

  it.each(REPLAY_SYMBOLS)("different seeds give different candles for %s", (symbol) => {
    const a = replayCandles("seed-1", symbol, at(1), at(2));
    const b = replayCandles("seed-2", symbol, at(1), at(2));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
  });

  it("treats a numeric seed like its string", () => {
    expect(replayCandles(42, "ETH", at(0), at(0, 1))).toEqual(replayCandles("42", "ETH", at(0), at(0, 1)));
  });

  it("pins the first minutes of a seed, so a change of model cannot pass unnoticed", () => {
    expect(replayCandles("golden", "BTC", at(0), at(0, 0, 2))).toEqual(GOLDEN_BTC);
    // a month later: any drift in the stream or the model compounds into this minute
    expect(replayCandles("golden", "BTC", at(30) - MIN, at(30))).toEqual([GOLDEN_BTC_DAY_30]);
  });
});

describe("windows", () => {
  it("agrees on overlapping windows minute for minute", () => {
    const a = replayCandles("w", "SOL", at(2, 10), at(2, 11));
    const b = replayCandles("w", "SOL", at(2, 10, 30), at(2, 12));
    expect(b.slice(0, 30)).toEqual(a.slice(30));
  });

  it.each([
    ["on minute marks", at(1, 3), at(1, 4), 60, at(1, 3)],
    ["rounding a ragged start up to the next minute", at(1, 3) + 1, at(1, 4), 59, at(1, 3, 1)],
    ["an empty window", at(1, 3), at(1, 3), 0, undefined],
  ])("selects openTime in [from, to): %s", (_name, from, to, count, firstOpen) => {
    const candles = replayCandles("w", "BTC", from, to);
    expect(candles).toHaveLength(count);
    expect(candles[0]?.openTime).toBe(firstOpen);
    for (const c of candles) expect(c.closeTime).toBe(c.openTime + 59_999);
  });

  it.each(REPLAY_SYMBOLS)("chains %s minutes: each open is the previous close, across day boundaries too", (symbol) => {
    const candles = replayCandles("w", symbol, at(0, 22), at(3, 2));
    for (let i = 1; i < candles.length; i++) expect(candles[i]?.open).toBe(candles[i - 1]?.close);
    const around = replayCandles("w", symbol, at(2) - MIN, at(2) + MIN);
    expect(around[1]?.open).toBe(around[0]?.close);
  });

  it.each([
    ["before the anchor", () => replayCandles("w", "BTC", REPLAY_ANCHOR - MIN, REPLAY_ANCHOR + MIN), "starts at 2026-01-01"],
    ["a reversed window", () => replayCandles("w", "BTC", at(1), at(0)), "not a window"],
    ["an unknown symbol", () => replayCandles("w", "PEPE", at(0), at(1)), "no perp \"PEPE\""],
    ["mids before the anchor", () => replayMids("w", REPLAY_ANCHOR - 1), "before it"],
    ["beyond the horizon", () => replayFunding("w", "BTC", at(4000), at(4001)), "ends 3660 days"],
  ])("refuses %s with a clear error", (_name, call, message) => {
    expect(call).toThrow(DomainError);
    expect(call).toThrow(message);
  });
});

describe("candles", () => {
  it.each(REPLAY_SYMBOLS)("keep OHLC invariants over a week of %s", (symbol) => {
    const candles = replayCandles("ohlc", symbol, at(0), at(7));
    expect(candles).toHaveLength(7 * 1440);
    for (const c of candles) {
      expect(c.low).toBeLessThanOrEqual(Math.min(c.open, c.close));
      expect(c.high).toBeGreaterThanOrEqual(Math.max(c.open, c.close));
      expect(c.low).toBeGreaterThan(0);
      expect(c.volume).toBeGreaterThan(0);
      expect(Number.isInteger(c.trades) && c.trades >= 1).toBe(true);
    }
  });

  it.each([
    ["BTC", 95_000, 0, 5],
    ["ETH", 3_400, 1, 4],
    ["SOL", 190, 2, 2],
    ["DOGE", 0.32, 5, 0],
  ])("start %s near %s, prices on a %s-decimal tick and sizes on %s decimals", (symbol, start, pxDecimals, szDecimals) => {
    const candles = replayCandles("ticks", symbol, at(0), at(0, 6));
    expect(candles[0]?.open).toBe(start);
    for (const c of candles) {
      for (const px of [c.open, c.high, c.low, c.close]) expect(decimals(px)).toBeLessThanOrEqual(pxDecimals);
      expect(decimals(c.volume)).toBeLessThanOrEqual(szDecimals);
    }
  });
});

describe("mids, funding and contexts", () => {
  it("puts every mid inside the range of the minute it falls in, and on the open at the minute", () => {
    for (const t of [at(4, 7, 13) + 1, at(4, 7, 13) + 29_999, at(4, 7, 13) + 59_999, at(9, 23, 59) + 45_000]) {
      for (const mid of replayMids("mids", t)) {
        const minute = Math.floor(t / MIN) * MIN;
        const [c] = replayCandles("mids", mid.symbol, minute, minute + MIN);
        expect(mid.price).toBeGreaterThanOrEqual(c?.low ?? Infinity);
        expect(mid.price).toBeLessThanOrEqual(c?.high ?? -Infinity);
      }
    }
    const [c] = replayCandles("mids", "ETH", at(4, 5), at(4, 5, 1));
    expect(replayMids("mids", at(4, 5)).find((m) => m.symbol === "ETH")?.price).toBe(c?.open);
  });

  it("does not give the minute's close away mid-minute (no straight line from open to close)", () => {
    const candles = replayCandles("mids", "BTC", at(6), at(6, 2));
    const revealing = candles.filter((c) => {
      const mid = replayMids("mids", c.openTime + 30_000)[0]?.price ?? NaN;
      return Math.abs(2 * mid - c.open - c.close) <= 1;
    });
    expect(revealing.length / candles.length).toBeLessThan(0.2);
    const t = at(6, 1, 7) + 20_000;
    expect(replayMids("mids", t + 999)).toEqual(replayMids("mids", t).map((m) => ({ ...m, time: t + 999 })));
  });

  it.each(REPLAY_SYMBOLS)("stamps %s funding on the hour, within sane bounds, leaning with the trend", (symbol) => {
    const rates = replayFunding("fund", symbol, at(0) + 1, at(30));
    expect(rates).toHaveLength(30 * 24 - 1);
    for (const f of rates) {
      expect(f.time % HOUR).toBe(0);
      expect(Math.abs(f.rate)).toBeLessThan(0.001);
      expect(Math.abs(f.premium)).toBeLessThan(0.001);
    }
    // not a constant: the rate moves hour to hour and takes both signs' worth of range
    const values = rates.map((f) => f.rate);
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(0.00002);
  });

  it("describes every perp like Hyperliquid's metaAndAssetCtxs", () => {
    const t = at(12, 9, 30) + 12_345;
    const contexts = replayAssetContexts("ctx", t);
    expect(contexts.map((c) => c.symbol)).toEqual([...REPLAY_SYMBOLS]);
    const mids = replayMids("ctx", t);
    for (const c of contexts) {
      const mid = mids.find((m) => m.symbol === c.symbol)?.price ?? NaN;
      expect(c.midPx).toBe(mid);
      expect(c.markPx).toBe(mid);
      expect(Math.abs(c.oraclePx / mid - 1)).toBeLessThan(0.002);
      expect(c.openInterest).toBeGreaterThan(0);
      expect(c.dayNtlVlm).toBeGreaterThan(0);
      expect(c.dayBaseVlm).toBeGreaterThan(0);
      expect(c.impactBidPx ?? Infinity).toBeLessThan(mid);
      expect(c.impactAskPx ?? -Infinity).toBeGreaterThan(mid);
      expect(c.prevDayPx).toBe(replayMids("ctx", t - DAY).find((m) => m.symbol === c.symbol)?.price);
    }
    expect(contexts.map((c) => [c.maxLeverage, c.szDecimals])).toEqual([[40, 5], [25, 4], [20, 2], [10, 0]]);
  });

  it("sums a day's volume from the candles of the last 24 hours", () => {
    const t = at(5, 12);
    const btc = replayAssetContexts("ctx", t)[0];
    const candles = replayCandles("ctx", "BTC", t - DAY, t);
    expect(btc?.dayBaseVlm).toBeCloseTo(candles.reduce((s, c) => s + c.volume, 0), 4);
    expect(replayAssetContexts("ctx", REPLAY_ANCHOR)[0]).toMatchObject({ dayBaseVlm: 0, prevDayPx: 95_000 });
  });
});

function decimals(x: number): number {
  const s = String(x);
  return s.includes(".") ? (s.split(".")[1]?.length ?? 0) : 0;
}

const GOLDEN_BTC = [
  { openTime: at(0), closeTime: at(0) + 59_999, open: 95_000, high: 95_022, low: 94_929, close: 94_941, volume: 8.29226, trades: 254 },
  { openTime: at(0, 0, 1), closeTime: at(0, 0, 1) + 59_999, open: 94_941, high: 94_948, low: 94_807, close: 94_861, volume: 15.2708, trades: 463 },
];
const GOLDEN_BTC_DAY_30 = { openTime: at(30) - MIN, closeTime: at(30) - 1, open: 92_017, high: 92_102, low: 91_995, close: 92_071, volume: 8.80403, trades: 160 };
