/**
 * EMA, SMA, RSI, ATR, Bollinger Bands and MACD come from `trading-signals`
 * rather than being written here: it is maintained, strictly typed, has no
 * runtime dependencies, is checked against Tulip Indicators, and streams (one
 * `add` per candle), which makes "no lookahead" hold by construction. (The EMA's
 * one-line update is written out below for speed, pinned to the library's.)
 *
 * Conventions of trading-signals 8.3.0 (read from its source; the tests pin them
 * against textbook references in textbook-reference.ts):
 * - EMA: alpha = 2 / (period + 1), seeded with the FIRST price (not the SMA of
 *   the first `period` prices as TA-Lib does); reported once `period` prices were
 *   seen. The two seedings differ by (1 − alpha)^k after k more prices.
 * - RSI: Wilder smoothing (WSMA): average gain/loss seeded with the simple mean
 *   of the first `period` changes, then avg += (x − avg) / period. An average
 *   loss of 0 gives 100 — including a perfectly flat series.
 * - ATR: true range of the first candle is high − low (no previous close); Wilder
 *   smoothing seeded with the mean of the first `period` true ranges.
 * - Bollinger: middle = SMA(period); bands = middle ± stdDev × POPULATION
 *   standard deviation (divide by period), as Bollinger defines them.
 * - MACD: EMA(fast) − EMA(slow) (both seeded with the first price), reported from
 *   the `slow`-th price; signal = EMA(signal) of MACD seeded with its first
 *   value. The library already answers at `slow` prices with a one-value signal;
 *   we wait until the signal EMA is stable by the library's own rule.
 */
import { ATR, BollingerBands, EMA, MACD, RSI, SMA } from "trading-signals";
import type { BollingerValue, MacdValue, Stepper } from "./types";

// The library tells "not stable yet" by throwing and catching an Error in getResult()
// and EMA.isStable (~7 µs each, ~0.35 ms per decision for an EMA 48): the steppers
// count their inputs instead, by the library's own rule (stable from `period` prices).

/**
 * The EMA is trading-signals' own update, written out: the same expression in the
 * same order (price × w + previous × (1 − w), previous = the first price at the
 * start), so every value is the same double (library.test.ts pins it against
 * EMA.add). The class costs ~34 ns an update in signal bookkeeping; a backtest
 * recomputes an EMA over each decision's window, ~30 million updates a year.
 */
export function emaStepper(period: number): Stepper<number> {
  const weight = 2 / (period + 1);
  let previous: number | undefined;
  let prices = 0;
  return (c) => {
    const price = c.close;
    previous = price * weight + (previous ?? price) * (1 - weight);
    // reported from `period` prices, as EMA.getResultOrThrow does
    return ++prices < period ? null : previous;
  };
}

/**
 * emaStepper's value after the last of closes[from..to), null before `period` of
 * them: the same expression over the same prices in the same order, so the same
 * double, in a plain loop (a backtest asks for the latest EMA of each decision's
 * window only, a range of a year's closes).
 */
export function emaLatest(closes: ArrayLike<number>, period: number, from = 0, to = closes.length): number | null {
  if (to - from < period || to <= from) return null;
  const weight = 2 / (period + 1);
  const keep = 1 - weight; // the stepper's (1 − weight), the same double every time
  // at the first price previous is that price, as `previous ?? price` gives it in emaStepper
  let previous = closes[from]!;
  for (let i = from; i < to; i++) previous = closes[i]! * weight + previous * keep;
  return previous;
}

/**
 * emaLatest of two periods over the same closes in one pass: the two recurrences do
 * not wait on each other, so the processor runs them side by side (each waits on its
 * own previous value; one after the other they take twice as long). Each value is
 * emaLatest's, the same expression over the same prices in the same order.
 */
export function emaLatestPair(closes: ArrayLike<number>, periodA: number, periodB: number, from = 0, to = closes.length): [number | null, number | null] {
  const n = to - from;
  if (n <= 0) return [null, null];
  const weightA = 2 / (periodA + 1);
  const keepA = 1 - weightA;
  const weightB = 2 / (periodB + 1);
  const keepB = 1 - weightB;
  let a = closes[from]!;
  let b = a;
  for (let i = from; i < to; i++) {
    const price = closes[i]!;
    a = price * weightA + a * keepA;
    b = price * weightB + b * keepB;
  }
  return [n < periodA ? null : a, n < periodB ? null : b];
}

export function smaStepper(period: number): Stepper<number> {
  const sma = new SMA(period);
  return (c) => sma.add(c.close);
}

export function rsiStepper(period: number): Stepper<number> {
  const rsi = new RSI(period);
  return (c) => rsi.add(c.close);
}

export function atrStepper(period: number): Stepper<number> {
  const atr = new ATR(period);
  return (c) => atr.add({ high: c.high, low: c.low, close: c.close });
}

export function bollingerStepper(period: number, stdDev: number): Stepper<BollingerValue> {
  const bands = new BollingerBands(period, stdDev);
  return (c) => {
    const r = bands.add(c.close);
    return r ? { lower: r.lower, middle: r.middle, upper: r.upper } : null;
  };
}

export function macdStepper(fast: number, slow: number, signal: number): Stepper<MacdValue> {
  const macd = new MACD(new EMA(fast), new EMA(slow), new EMA(signal));
  // the signal EMA gets one value per MACD result, and is stable from `signal` of them
  let signalInputs = 0;
  return (c) => {
    const r = macd.add(c.close);
    if (!r || ++signalInputs < signal) return null;
    return { macd: r.macd, signal: r.signal, histogram: r.histogram };
  };
}
