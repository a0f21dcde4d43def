/**
 * The replay source's public face: deterministic market data for a seed, in the
 * product's own records, so the ingestion path consumes it like a live source.
 * Every function is pure in its arguments (caches only save work): the same seed
 * and time give the same numbers, whatever was asked before.
 */
import type { Candle, FundingRate, MidPrice } from "../types";
import { HOUR_MS, MINUTES_PER_DAY, MINUTE_MS, REPLAY_ANCHOR, REPLAY_PERPS, replayPerp, roundTo } from "./assets";
import { perpDay, type ReplaySeed } from "./paths";
import { checkWindow, firstMark, quoteAt } from "./quotes";

export { REPLAY_ANCHOR, REPLAY_HORIZON_DAYS, REPLAY_PERPS, REPLAY_SYMBOLS, UPDOWN_WINDOW_MS } from "./assets";
export type { ReplayPerp } from "./assets";
export { clearReplayCaches, type ReplaySeed } from "./paths";
export { replayBook } from "./book";
export { replayAssetContexts } from "./contexts";
export { replayPredictionMarkets, replayPredictionPrices } from "./prediction-markets";

/** 1-minute candles with openTime in [fromMs, toMs). */
export function replayCandles(seed: ReplaySeed, symbol: string, fromMs: number, toMs: number): Candle[] {
  replayPerp(symbol);
  checkWindow(fromMs, toMs);
  const out: Candle[] = [];
  for (let t = firstMark(fromMs, MINUTE_MS); t < toMs; ) {
    const minute = (t - REPLAY_ANCHOR) / MINUTE_MS;
    const day = Math.floor(minute / MINUTES_PER_DAY);
    const track = perpDay(seed, symbol, day);
    for (let m = minute - day * MINUTES_PER_DAY; m < MINUTES_PER_DAY && t < toMs; m++, t += MINUTE_MS) {
      out.push({
        openTime: t,
        closeTime: t + MINUTE_MS - 1,
        open: track.open[m] ?? 0,
        high: track.high[m] ?? 0,
        low: track.low[m] ?? 0,
        close: track.close[m] ?? 0,
        volume: track.volume[m] ?? 0,
        trades: track.trades[m] ?? 0,
      });
    }
  }
  return out;
}

/** Mid of every replay perp at atMs, inside the range of the minute containing it. */
export function replayMids(seed: ReplaySeed, atMs: number): MidPrice[] {
  return REPLAY_PERPS.map((perp) => ({ symbol: perp.symbol, time: atMs, price: quoteAt(seed, perp, atMs).mid }));
}

/** Hourly funding with time in [fromMs, toMs), stamped on the hour. */
export function replayFunding(seed: ReplaySeed, symbol: string, fromMs: number, toMs: number): FundingRate[] {
  const perp = replayPerp(symbol);
  checkWindow(fromMs, toMs);
  const out: FundingRate[] = [];
  for (let t = firstMark(fromMs, HOUR_MS); t < toMs; t += HOUR_MS) {
    const { track, m } = quoteAt(seed, perp, t);
    out.push({ symbol, time: t, rate: track.funding[m] ?? 0, premium: roundTo(track.premium[m] ?? 0, 8) });
  }
  return out;
}
