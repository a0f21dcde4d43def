/**
 * EMA, SMA, RSI, ATR, Bollinger Bands and MACD come from `trading-signals`
 * rather than being written here: it is maintained, strictly typed, has no
 * runtime dependencies, is checked against Tulip Indicators, and streams (one
 * `add` per candle), which makes "no lookahead" hold by construction.
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

export function emaStepper(period: number): Stepper<number> {
  const ema = new EMA(period);
  let prices = 0;
  return (c) => {
    // EMA.add answers from the first price; the result is reported from `period` prices
    const value = ema.add(c.close);
    return ++prices < period ? null : value;
  };
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
