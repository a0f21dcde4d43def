/**
 * Hyperliquid's wire shapes (MARKET-APIS.md §1), shared by the parser and the
 * local fake venue so both speak exactly the same format: decimal strings for
 * prices and sizes, epoch-ms integers for times.
 */

export const CANDLE_INTERVALS = ["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "8h", "12h", "1d", "3d", "1w", "1M"] as const;
export type CandleInterval = (typeof CANDLE_INTERVALS)[number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Nominal length of an interval. "1M" is calendar-based on the venue; 28 days is
 * the shortest month, so estimates derived from it never undercount candles.
 */
export const INTERVAL_MS: Record<CandleInterval, number> = {
  "1m": MINUTE,
  "3m": 3 * MINUTE,
  "5m": 5 * MINUTE,
  "15m": 15 * MINUTE,
  "30m": 30 * MINUTE,
  "1h": HOUR,
  "2h": 2 * HOUR,
  "4h": 4 * HOUR,
  "8h": 8 * HOUR,
  "12h": 12 * HOUR,
  "1d": DAY,
  "3d": 3 * DAY,
  "1w": 7 * DAY,
  "1M": 28 * DAY,
};

export const isCandleInterval = (s: unknown): s is CandleInterval =>
  typeof s === "string" && (CANDLE_INTERVALS as readonly string[]).includes(s);

export interface WireCandle {
  /** open time, ms */
  t: number;
  /** close time, ms (open + interval - 1) */
  T: number;
  s: string;
  i: string;
  o: string;
  c: string;
  h: string;
  l: string;
  v: string;
  n: number;
}

export interface WireUniverseEntry {
  name: string;
  szDecimals: number;
  maxLeverage: number;
  onlyIsolated?: boolean;
  isDelisted?: boolean;
}

export interface WireAssetCtx {
  funding: string;
  openInterest: string;
  prevDayPx: string;
  dayNtlVlm: string;
  premium: string | null;
  oraclePx: string;
  markPx: string;
  midPx: string | null;
  impactPxs: [string, string] | null;
  dayBaseVlm?: string;
}

export type WireMetaAndAssetCtxs = [{ universe: WireUniverseEntry[] }, WireAssetCtx[]];

export interface WireFunding {
  coin: string;
  fundingRate: string;
  premium: string;
  time: number;
}

export interface WireLevel {
  px: string;
  sz: string;
  n: number;
}

export interface WireL2Book {
  coin: string;
  time: number;
  levels: [WireLevel[], WireLevel[]];
}

export type Subscription = { type: "allMids" } | { type: "candle"; coin: string; interval: CandleInterval };

/** One key per distinct subscription, as the venue distinguishes them. */
export const subscriptionKey = (s: { type: string; coin?: string; interval?: string }): string =>
  s.type === "candle" ? `candle:${s.coin}:${s.interval}` : s.type;
