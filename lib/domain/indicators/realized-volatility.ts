/**
 * Realized volatility: the sample standard deviation of the last `period` log
 * returns of closes, annualized by the square root of the number of bars in a year.
 *
 *   r_i   = ln(close_i / close_{i−1})
 *   σ_bar = sqrt( Σ (r_i − r̄)² / (period − 1) )      over the last `period` returns
 *   σ_ann = σ_bar × sqrt(YEAR_MS / barMs)
 *
 * The sample (n − 1) estimator because this estimates the volatility of the
 * process, unlike Bollinger's band width which is defined on the population.
 * A year is 365 days of 24 hours: crypto and prediction markets never close, so
 * the equities convention of 252 trading days would understate it. The value is a
 * fraction (0.65 = 65% a year).
 */
import type { Stepper } from "./types";

const YEAR_MS = 365 * 86_400_000;

export function realizedVolatilityStepper(period: number, barMs: number): Stepper<number> {
  const annualization = Math.sqrt(YEAR_MS / barMs);
  const closes: number[] = [];
  return (c) => {
    closes.push(c.close);
    if (closes.length > period + 1) closes.shift();
    if (closes.length < period + 1) return null;
    const sigma = logReturnStdev(closes);
    return sigma === null ? null : sigma * annualization;
  };
}

/** Sample stdev of the log returns of `closes`; null when a close is not positive (no log return exists). */
export function logReturnStdev(closes: readonly number[]): number | null {
  const returns: number[] = [];
  for (let i = 1; i < closes.length; i++) {
    const prev = closes[i - 1] as number;
    const cur = closes[i] as number;
    if (!(prev > 0) || !(cur > 0)) return null;
    returns.push(Math.log(cur / prev));
  }
  if (returns.length < 2) return null;
  const mean = returns.reduce((s, r) => s + r, 0) / returns.length;
  // two passes (mean, then squared deviations): no cancellation for near-constant returns
  const squares = returns.reduce((s, r) => s + (r - mean) * (r - mean), 0);
  return Math.sqrt(squares / (returns.length - 1));
}
