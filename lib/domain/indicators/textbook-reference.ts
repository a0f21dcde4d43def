/**
 * Textbook formulas, written naively and independently of trading-signals, for
 * the tests to check the library against. Not used by the product: a second
 * implementation in production would let the two drift apart unnoticed.
 *
 * Each function returns one entry per input, null where the indicator has no value.
 */
import type { Candle } from "@/lib/domain/market/types";

type Series = (number | null)[];

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

export function refSma(closes: readonly number[], n: number): Series {
  return closes.map((_, i) => (i + 1 < n ? null : mean(closes.slice(i + 1 - n, i + 1))));
}

/** alpha = 2/(n+1), seeded with the first price (trading-signals' convention); reported from the n-th price */
export function refEmaFirstSeeded(closes: readonly number[], n: number): Series {
  const alpha = 2 / (n + 1);
  const out: Series = [];
  let ema = closes[0] ?? 0;
  closes.forEach((p, i) => {
    if (i > 0) ema = alpha * p + (1 - alpha) * ema;
    out.push(i + 1 < n ? null : ema);
  });
  return out;
}

/** alpha = 2/(n+1), seeded with the SMA of the first n prices (TA-Lib's convention) */
export function refEmaSmaSeeded(closes: readonly number[], n: number): Series {
  const alpha = 2 / (n + 1);
  const out: Series = [];
  let ema = 0;
  closes.forEach((p, i) => {
    if (i + 1 < n) return out.push(null);
    ema = i + 1 === n ? mean(closes.slice(0, n)) : alpha * p + (1 - alpha) * ema;
    out.push(ema);
  });
  return out;
}

/** Wilder's smoothing: first value the mean of the first n inputs, then (prev × (n−1) + x) / n */
function wilder(xs: readonly number[], n: number): Series {
  const out: Series = [];
  let avg = 0;
  xs.forEach((x, i) => {
    if (i + 1 < n) return out.push(null);
    avg = i + 1 === n ? mean(xs.slice(0, n)) : (avg * (n - 1) + x) / n;
    out.push(avg);
  });
  return out;
}

/** Wilder's RSI: 100 − 100 / (1 + avgGain / avgLoss); 100 when avgLoss is 0 */
export function refRsiWilder(closes: readonly number[], n: number): Series {
  const changes = closes.slice(1).map((p, i) => p - (closes[i] as number));
  const gains = wilder(changes.map((d) => Math.max(d, 0)), n);
  const losses = wilder(changes.map((d) => Math.max(-d, 0)), n);
  return [null, ...gains.map((g, i) => {
    const l = losses[i] ?? null;
    if (g === null || l === null) return null;
    return l === 0 ? 100 : 100 - 100 / (1 + g / l);
  })];
}

/** true range: max(H − L, |H − prevC|, |L − prevC|); the first candle has no prevC, so H − L */
export function refTrueRange(candles: readonly Candle[]): number[] {
  return candles.map((c, i) => {
    const prev = candles[i - 1];
    if (!prev) return c.high - c.low;
    return Math.max(c.high - c.low, Math.abs(c.high - prev.close), Math.abs(c.low - prev.close));
  });
}

export function refAtrWilder(candles: readonly Candle[], n: number): Series {
  return wilder(refTrueRange(candles), n);
}

export interface RefBands {
  lower: number;
  middle: number;
  upper: number;
}

/** middle = SMA(n); bands = middle ± k × population stdev (Σ(x − mean)² / n) */
export function refBollinger(closes: readonly number[], n: number, k: number): (RefBands | null)[] {
  return closes.map((_, i) => {
    if (i + 1 < n) return null;
    const window = closes.slice(i + 1 - n, i + 1);
    const m = mean(window);
    let squares = 0;
    for (const x of window) squares += (x - m) ** 2;
    const sd = Math.sqrt(squares / n);
    return { lower: m - k * sd, middle: m, upper: m + k * sd };
  });
}

export interface RefMacd {
  macd: number;
  signal: number;
  histogram: number;
}

/**
 * MACD = EMA(fast) − EMA(slow), both first-price seeded over all closes, defined
 * from the slow-th close; signal = EMA(signal) of MACD seeded with the first MACD;
 * reported once the signal has seen `signal` MACD values.
 */
export function refMacd(closes: readonly number[], fast: number, slow: number, signal: number): (RefMacd | null)[] {
  const alphaF = 2 / (fast + 1);
  const alphaS = 2 / (slow + 1);
  const alphaSig = 2 / (signal + 1);
  let ef = closes[0] ?? 0;
  let es = ef;
  let sig = 0;
  return closes.map((p, i) => {
    if (i > 0) {
      ef = alphaF * p + (1 - alphaF) * ef;
      es = alphaS * p + (1 - alphaS) * es;
    }
    const first = slow - 1;
    if (i < first) return null;
    const macd = ef - es;
    sig = i === first ? macd : alphaSig * macd + (1 - alphaSig) * sig;
    if (i < first + signal - 1) return null;
    return { macd, signal: sig, histogram: macd - sig };
  });
}
