/** Building blocks the templates are assembled from, with the defaults they share. */
import type { AssetBlock } from "./asset";
import type { DataStreamBlock, Lookback } from "./data-stream";
import type { Indicator } from "./indicators";
import type { Granularity } from "./vocabulary";

export const TEMPLATE_SYMBOL = "BTC";

export function candleStream(
  id: string,
  granularity: Granularity,
  lookback: Lookback,
  retrievalDepth: number,
  indicators: Indicator[],
): DataStreamBlock {
  return {
    id,
    type: "data-stream",
    source: "hyperliquid",
    dataset: "candles",
    include: true,
    lookback,
    granularity,
    datapoints: ["open", "high", "low", "close", "volume"],
    retrievalDepth,
    indicators,
  };
}

/** Hourly funding: Hyperliquid settles it every hour, so coarser steps would hide the carry. */
export function fundingStream(id: string, days: number): DataStreamBlock {
  return {
    id,
    type: "data-stream",
    source: "hyperliquid",
    dataset: "funding",
    include: true,
    lookback: { amount: days, unit: "days" },
    granularity: "1h",
    datapoints: ["funding", "premium"],
    retrievalDepth: days * 24,
    indicators: [],
  };
}

export function openInterestStream(id: string): DataStreamBlock {
  return {
    id,
    type: "data-stream",
    source: "hyperliquid",
    dataset: "open-interest",
    include: true,
    lookback: { amount: 1, unit: "days" },
    granularity: "1h",
    datapoints: ["openInterest", "markPrice", "dayVolume"],
    retrievalDepth: 24,
    indicators: [],
  };
}

export function perpAsset(symbol: string, streams: readonly DataStreamBlock[]): AssetBlock {
  return { id: "asset-1", type: "asset", venue: "HYPERLIQUID", symbol, enabled: true, streams: streams.map((s) => s.id) };
}

export const ALL_ACTIONS = ["open_long", "open_short", "close", "hold"] as const;

export const LLM_DISCRETIONARY_PROMPT = `You are a disciplined discretionary trader running a synthetic paper account on a Hyperliquid perpetual.

Each decision you receive the recent candles, derived indicators (EMA 20/50, RSI, ATR, Bollinger bands, MACD, VWAP, realized volatility), hourly funding, open interest, and your account with any open position and its exit plan.

How to decide:
- Trade only when trend, momentum and positioning agree. When the evidence is mixed or the market is choppy, hold.
- Prefer trading in the direction of the EMA 50 slope. Treat RSI above 70 or below 30 as stretched: do not chase into it.
- Size by volatility: risk less when ATR or realized volatility is high. Never exceed the risk limits you are given.
- Every entry needs a stop-loss placed beyond recent structure (about 1.5 ATR) and a take-profit at least twice as far as the stop.
- Crowded positioning (funding strongly positive with rising open interest) argues against new longs; the reverse argues against new shorts.
- If you hold a position, close it when the reason you opened it no longer holds; otherwise let the exit plan work.
- Data marked stale or missing means hold.

Give a confidence between 0 and 1 and explain your reasoning in two or three short sentences a spectator could follow.`;
