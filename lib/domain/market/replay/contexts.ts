/**
 * Per-perp context as Hyperliquid's metaAndAssetCtxs reports it, read off the
 * replay paths at a time: the day's volumes sum the completed minutes of the last
 * 24 hours (fewer right after the anchor), and impact prices walk the replay book.
 */
import type { AssetContext } from "../types";
import { DAY_MS, MINUTE_MS, REPLAY_ANCHOR, REPLAY_PERPS, roundTo, type ReplayPerp } from "./assets";
import { impactPx, replayBook } from "./book";
import { perpMinute, replayMinute, type ReplaySeed } from "./paths";
import { quoteAt } from "./quotes";

export function replayAssetContexts(seed: ReplaySeed, atMs: number): AssetContext[] {
  return REPLAY_PERPS.map((perp) => contextOf(seed, perp, atMs));
}

function contextOf(seed: ReplaySeed, perp: ReplayPerp, atMs: number): AssetContext {
  const { track, m, mid } = quoteAt(seed, perp, atMs);
  const premium = roundTo(track.premium[m] ?? 0, 8);
  const book = replayBook(seed, perp.symbol, atMs);
  const { base, notional } = dayVolume(seed, perp, atMs);
  return {
    symbol: perp.symbol,
    time: atMs,
    funding: track.funding[m] ?? 0,
    openInterest: track.openInterest[m] ?? 0,
    markPx: mid,
    oraclePx: roundTo(mid / (1 + premium), perp.pxDecimals),
    midPx: mid,
    premium,
    prevDayPx: atMs - DAY_MS >= REPLAY_ANCHOR ? quoteAt(seed, perp, atMs - DAY_MS).mid : perp.startPx,
    dayNtlVlm: roundTo(notional, 2),
    dayBaseVlm: roundTo(base, perp.szDecimals),
    impactBidPx: impactPx(book.bids, perp.impactNotionalUsd, perp.pxDecimals + 1),
    impactAskPx: impactPx(book.asks, perp.impactNotionalUsd, perp.pxDecimals + 1),
    maxLeverage: perp.maxLeverage,
    szDecimals: perp.szDecimals,
  };
}

function dayVolume(seed: ReplaySeed, perp: ReplayPerp, atMs: number): { base: number; notional: number } {
  const current = replayMinute(atMs, "atMs");
  const first = Math.max(0, current - DAY_MS / MINUTE_MS);
  let base = 0;
  let notional = 0;
  for (let minute = first; minute < current; minute++) {
    const { track, m } = perpMinute(seed, perp.symbol, minute);
    const v = track.volume[m] ?? 0;
    base += v;
    notional += v * (((track.high[m] ?? 0) + (track.low[m] ?? 0) + (track.close[m] ?? 0)) / 3);
  }
  return { base, notional };
}
