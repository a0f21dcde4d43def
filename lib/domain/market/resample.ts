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
  const out: (Candle & { count: number })[] = [];
  let current: (Candle & { count: number }) | null = null;
  for (const m of minutes) {
    const start = Math.floor(m.openTime / size) * size;
    if (!current || current.openTime !== start) {
      if (current) out.push(current);
      current = { ...m, openTime: start, closeTime: start + size - 1, count: 0 };
    } else {
      current.high = Math.max(current.high, m.high);
      current.low = Math.min(current.low, m.low);
      current.close = m.close;
      current.volume += m.volume;
      current.trades += m.trades;
    }
    current.count++;
  }
  if (current) out.push(current);
  return out
    .filter((c) => !complete || c.count === perBucket)
    .map(({ count: _count, ...c }) => c);
}
