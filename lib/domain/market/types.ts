/**
 * Market memory in the product's own shape. Every source client (Hyperliquid,
 * Polymarket, DefiLlama, the replay generator, the file importer) turns its wire
 * format into these records, and one ingestion path stores them.
 *
 * Times are epoch milliseconds (UTC). Prices and sizes are numbers parsed from the
 * wire's decimal strings: a float64 keeps 15-17 significant digits, more than any
 * venue quotes, and parsing refuses anything that is not a finite decimal.
 */

export const MARKET_SOURCES = ["hyperliquid", "polymarket", "defillama", "replay"] as const;
export type MarketSource = (typeof MARKET_SOURCES)[number];

export const VENUES = ["HYPERLIQUID", "POLYMARKET", "DEFILLAMA"] as const;
export type Venue = (typeof VENUES)[number];

export const ASSET_KINDS = ["PERP", "PREDICTION", "MACRO"] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** An asset's identity: the venue it trades on and its symbol there ("HYPERLIQUID:BTC"). */
export interface AssetRef {
  venue: Venue;
  symbol: string;
}

export const assetKey = (a: AssetRef) => `${a.venue}:${a.symbol}`;

export interface Candle {
  /** open time, ms; for 1-minute candles a multiple of 60_000 */
  openTime: number;
  /** close time, ms (Hyperliquid: openTime + interval - 1) */
  closeTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
  /** base-asset volume */
  volume: number;
  trades: number;
}

export interface MidPrice {
  symbol: string;
  time: number;
  price: number;
}

/** Hyperliquid's per-asset context (metaAndAssetCtxs), at the time it was read. */
export interface AssetContext {
  symbol: string;
  time: number;
  /** hourly funding rate */
  funding: number;
  /** base units */
  openInterest: number;
  markPx: number;
  oraclePx: number;
  midPx: number | null;
  premium: number | null;
  prevDayPx: number;
  /** USD notional traded over the last day */
  dayNtlVlm: number;
  dayBaseVlm: number | null;
  impactBidPx: number | null;
  impactAskPx: number | null;
  /** from the universe entry */
  maxLeverage: number | null;
  szDecimals: number | null;
}

export interface FundingRate {
  symbol: string;
  time: number;
  rate: number;
  premium: number;
}

export interface BookLevel {
  px: number;
  sz: number;
  /** number of orders at the level, when the venue says */
  n: number | null;
}

export interface OrderBook {
  symbol: string;
  time: number;
  /** best first: bids descending, asks ascending (clients sort; venues differ) */
  bids: BookLevel[];
  asks: BookLevel[];
}

export interface PredictionMarketInfo {
  /** Gamma's market id (numeric string) */
  id: string;
  conditionId: string;
  slug: string;
  question: string;
  outcomes: string[];
  outcomePrices: number[];
  /** CLOB token id per outcome, index-aligned with outcomes */
  tokenIds: string[];
  endDate: number | null;
  active: boolean;
  closed: boolean;
  volume: number | null;
  liquidity: number | null;
  bestBid: number | null;
  bestAsk: number | null;
}

export interface PredictionPricePoint {
  tokenId: string;
  time: number;
  price: number;
}

/** One point of a DefiLlama series: a day (or a timestamp) and a USD value. */
export interface MacroPoint {
  time: number;
  value: number;
}

/** The DefiLlama series the product keeps. */
export const MACRO_SERIES = ["tvl", "stablecoins", "dex-volume", "fees"] as const;
export type MacroSeries = (typeof MACRO_SERIES)[number];
