/**
 * Coarser candles derived from stored 1-minute candles (market memory keeps only
 * 1m): open of the first minute, close of the last, extreme high/low, summed
 * volume and trades. A bucket is aligned to UTC multiples of its interval.
 */
import { minuteColumns, type MinuteColumns } from "./minute-columns";
import type { Candle } from "./types";

export const INTERVALS = { "1m": 60_000, "5m": 300_000, "15m": 900_000, "1h": 3_600_000, "4h": 14_400_000, "1d": 86_400_000 } as const;
export type Interval = keyof typeof INTERVALS;

export function isInterval(value: string): value is Interval {
  return value in INTERVALS;
}

/** A bucket of minutes, minutes[from..to), and the fields its bar takes from them. */
export interface Bucket {
  from: number;
  to: number;
  openTime: number;
  closeTime: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  trades: number;
}

/**
 * The one aggregation: each bucket of `minutes` in order, with its bar's fields (high,
 * low, close, volume, trades over its minutes in order; the rest are its first
 * minute's). One object is refilled for every bucket: `visit` reads it and keeps
 * nothing of it. resample builds its bars from it; a backtest reads a year of buckets
 * into columns without making a bar of each.
 * @param complete as for resample
 */
export function eachBucket(minutes: MinuteColumns, interval: Interval, complete: boolean, visit: (bucket: Readonly<Bucket>) => void): void {
  const size = INTERVALS[interval];
  const perBucket = size / 60_000;
  const bucket: Bucket = { from: 0, to: 0, openTime: 0, closeTime: 0, high: 0, low: 0, close: 0, volume: 0, trades: 0 };
  const { length, openTime: openTimes, high: highs, low: lows, close: closes, volume: volumes, trades: tradeCounts } = minutes;
  // one pass over the columns, a bucket's fields in locals (a backtest resamples a year of minutes)
  for (let i = 0; i < length; ) {
    const start = Math.floor(openTimes[i]! / size) * size;
    let high = highs[i]!;
    let low = lows[i]!;
    let close = closes[i]!;
    let volume = volumes[i]!;
    let trades = tradeCounts[i]!;
    let j = i + 1;
    for (; j < length; j++) {
      if (openTimes[j]! >= start + size) break;
      high = Math.max(high, highs[j]!);
      low = Math.min(low, lows[j]!);
      close = closes[j]!;
      volume += volumes[j]!;
      trades += tradeCounts[j]!;
    }
    if (!complete || j - i === perBucket) {
      bucket.from = i;
      bucket.to = j;
      bucket.openTime = start;
      bucket.closeTime = start + size - 1;
      bucket.high = high;
      bucket.low = low;
      bucket.close = close;
      bucket.volume = volume;
      bucket.trades = trades;
      visit(bucket);
    }
    i = j;
  }
}

/** A bucket's bar: its first minute's fields, with the bucket's own. */
export function barOf(first: Candle, b: Readonly<Bucket>): Candle {
  return { ...first, openTime: b.openTime, closeTime: b.closeTime, high: b.high, low: b.low, close: b.close, volume: b.volume, trades: b.trades };
}

/**
 * @param minutes 1-minute candles, ascending by openTime
 * @param complete when true, buckets missing any minute are dropped (a decision
 *   must not read a bar that is still forming or has a hole); when false they are
 *   kept, built from the minutes present
 */
export function resample(minutes: readonly Candle[], interval: Interval, complete = false): Candle[] {
  if (INTERVALS[interval] === 60_000) return [...minutes];
  const out: Candle[] = [];
  eachBucket(minuteColumns(minutes), interval, complete, (b) => out.push(barOf(minutes[b.from]!, b)));
  return out;
}
