/**
 * Market memory for a backtest window, loaded once: per perp its closed minutes
 * (window plus warm-up), mids, tops of book, funding and asset contexts, all
 * ascending. A decision at T reads them exactly as the live "before T" reads do:
 * a minute once closed (openTime + 1 min <= T), every other point stamped
 * strictly before T, the newest N of them.
 */
import type { BookTopRow, ContextRow, FundingRow } from "@/lib/domain/decisions/build-packet";
import type { MarketQuote } from "@/lib/domain/paper/execution";
import type { MinuteColumns } from "@/lib/domain/market/minute-columns";

const M = 60_000;

export interface PerpSeries {
  symbol: string;
  /** the asset's size decimals and exchange index, from its meta */
  szDecimals: number;
  assetIndex?: number;
  /** closed 1-minute candles, as columns */
  minutes: MinuteColumns;
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
// They search times in a typed array: the minutes' own open-time column, and each other
// series' stamps copied once (per loaded array, kept while the array lives): over a year
// of row objects every step of a search reads a cold object (~2 µs a search), over the
// times alone the steps stay in cache. Series are never changed once loaded (readonly),
// so the copy stays true.

const stampTimes = new WeakMap<readonly { time: number }[], Float64Array>();

function stampTimesOf(rows: readonly { time: number }[]): Float64Array {
  let times = stampTimes.get(rows);
  if (!times || times.length !== rows.length) {
    times = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) times[i] = rows[i]!.time;
    stampTimes.set(rows, times);
  }
  return times;
}

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
  return rows.length === 0 ? 0 : countBelow(stampTimesOf(rows), T);
}

/** Candles that opened before x (from index lo). */
export function countOpenedBefore(minutes: MinuteColumns, x: number, lo = 0): number {
  if (lo >= minutes.length) return lo;
  const times = minutes.openTime;
  // Minutes open on whole minutes, and a window of market memory mostly has no holes: the
  // count is then the minutes from the first open to x. Tried first, and taken only when
  // it is the answer (the last minute before it opened before x, the one at it did not),
  // which is the search's answer over ascending times; otherwise (a hole) searched.
  const guess = Math.min(times.length, Math.max(lo, Math.ceil((x - times[0]!) / M)));
  if ((guess === lo || times[guess - 1]! < x) && (guess === times.length || times[guess]! >= x)) return guess;
  return countBelow(times, x, lo);
}

/** Minutes closed by T: a candle opened at t is complete only if t + 1 min <= T. */
export const minutesClosedBy = (minutes: MinuteColumns, T: number) => countOpenedBefore(minutes, T - M + 1);

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
  const midAt = countBefore(p.mids, T);
  const mid = midAt > 0 ? p.mids[midAt - 1]! : null;
  const candlePrice = closed > 0 ? { price: p.minutes.close[closed - 1]!, time: p.minutes.openTime[closed - 1]! + M } : null;
  const latest = mid && (!candlePrice || mid.time >= candlePrice.time) ? mid : candlePrice;
  if (!latest) return null;
  const bookAt = countBefore(p.books, T);
  const book = bookAt > 0 ? p.books[bookAt - 1]! : null;
  // the optional fields added in place, in this order (as spreads of them would add them): asked at every decision
  const quote: MarketQuote = { referencePrice: latest.price, priceTime: latest.time, szDecimals: p.szDecimals };
  if (p.assetIndex !== undefined && p.assetIndex >= 0) quote.assetIndex = p.assetIndex;
  if (book) {
    quote.bestBid = book.bestBid;
    quote.bestAsk = book.bestAsk;
    quote.bidDepthUsd = book.bidDepthUsd;
    quote.askDepthUsd = book.askDepthUsd;
  }
  return quote;
}
