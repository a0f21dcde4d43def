/**
 * Coarser candles derived from stored 1-minute candles (market memory keeps only
 * 1m): open of the first minute, close of the last, extreme high/low, summed
 * volume and trades. A bucket is aligned to UTC multiples of its interval.
 */
import type { Candle } from "./types";

export const INTERVALS = { "1m": 60_000, "5m": 300_000, "15m": 900_000, "1h": 3_600_000, "4h": 14_400_000, "1d": 86_400_000 } as const;
export type Interval = keyof typeof INTERVALS;

export function isInterval(value: string): value is Interval {
  return value in INTERVALS;
}

/**
 * @param minutes 1-minute candles, ascending by openTime
 * @param complete when true, buckets missing any minute are dropped (a decision
 *   must not read a bar that is still forming or has a hole); when false they are
 *   kept, built from the minutes present
 */
export function resample(minutes: readonly Candle[], interval: Interval, complete = false): Candle[] {
  const size = INTERVALS[interval];
  if (size === 60_000) return [...minutes];
  const perBucket = size / 60_000;
  const out: Candle[] = [];
  // one pass, a bucket's fields in locals: the bar object is built once, when the bucket
  // is whole (a backtest resamples a year of minutes; spreading per minute cost ~1 s)
  for (let i = 0; i < minutes.length; ) {
    const first = minutes[i]!;
    const start = Math.floor(first.openTime / size) * size;
    let { high, low, close, volume, trades } = first;
    let j = i + 1;
    for (; j < minutes.length; j++) {
      const m = minutes[j]!;
      if (m.openTime >= start + size) break;
      high = Math.max(high, m.high);
      low = Math.min(low, m.low);
      close = m.close;
      volume += m.volume;
      trades += m.trades;
    }
    if (!complete || j - i === perBucket) out.push({ ...first, openTime: start, closeTime: start + size - 1, high, low, close, volume, trades });
    i = j;
  }
  return out;
}
