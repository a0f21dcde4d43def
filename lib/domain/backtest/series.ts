/**
 * Market memory for a backtest window, loaded once: per perp its closed minutes
 * (window plus warm-up), mids, tops of book, funding and asset contexts, all
 * ascending. A decision at T reads them exactly as the live "before T" reads do:
 * a minute once closed (openTime + 1 min <= T), every other point stamped
 * strictly before T, the newest N of them.
 */
import type { BookTopRow, ContextRow, FundingRow } from "@/lib/domain/decisions/build-packet";
import type { MarketQuote } from "@/lib/domain/paper/execution";
import type { Candle } from "@/lib/domain/market/types";

const M = 60_000;

export interface PerpSeries {
  symbol: string;
  /** the asset's size decimals and exchange index, from its meta */
  szDecimals: number;
  assetIndex?: number;
  minutes: readonly Candle[];
  mids: readonly { time: number; price: number }[];
  books: readonly BookTopRow[];
  funding: readonly FundingRow[];
  contexts: readonly ContextRow[];
}

export interface PredictionSeries {
  prices: readonly { time: number; price: number }[];
  /** the market's volume/liquidity snapshot and when it was last updated */
  snapshot: { volume: number | null; liquidity: number | null; updatedAt: number } | null;
}

export interface MarketSeries {
  perps: ReadonlyMap<string, PerpSeries>;
  predictions: ReadonlyMap<string, PredictionSeries>;
  macro: ReadonlyMap<string, readonly { time: number; value: number }[]>;
}

// Binary searches written out, without a predicate closure: they run at every decision.

/** How many of the ascending `values` (from index lo) are below x. */
export function countBelow(values: ArrayLike<number>, x: number, lo = 0): number {
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Points stamped strictly before T. */
export function countBefore(rows: readonly { time: number }[], T: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.time < T) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Candles that opened before x (from index lo). */
export function countOpenedBefore(minutes: readonly Candle[], x: number, lo = 0): number {
  let hi = minutes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (minutes[mid]!.openTime < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Minutes closed by T: a candle opened at t is complete only if t + 1 min <= T. */
export const minutesClosedBy = (minutes: readonly Candle[], T: number) => countOpenedBefore(minutes, T - M + 1);

/** The newest `n` of the first `end` rows (a copy of at most n references). */
export function newestOf<R>(rows: readonly R[], end: number, n: number): R[] {
  return rows.slice(Math.max(0, end - n), end);
}

/**
 * The market as an order placed at T meets it (server/services/paper/market-at.ts):
 * the latest mid, or the last closed minute's close when that is as new or newer,
 * and the newest book before T, however old.
 */
export function marketAtT(p: PerpSeries, T: number): MarketQuote | null {
  const closed = minutesClosedBy(p.minutes, T);
  const candle = closed > 0 ? p.minutes[closed - 1]! : null;
  const midAt = countBefore(p.mids, T);
  const mid = midAt > 0 ? p.mids[midAt - 1]! : null;
  const candlePrice = candle && { price: candle.close, time: candle.openTime + M };
  const latest = mid && (!candlePrice || mid.time >= candlePrice.time) ? mid : candlePrice;
  if (!latest) return null;
  const bookAt = countBefore(p.books, T);
  const book = bookAt > 0 ? p.books[bookAt - 1]! : null;
  return {
    referencePrice: latest.price,
    priceTime: latest.time,
    szDecimals: p.szDecimals,
    ...(p.assetIndex !== undefined && p.assetIndex >= 0 && { assetIndex: p.assetIndex }),
    ...(book && { bestBid: book.bestBid, bestAsk: book.bestAsk, bidDepthUsd: book.bidDepthUsd, askDepthUsd: book.askDepthUsd }),
  };
}
