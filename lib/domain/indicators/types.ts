import type { Candle } from "@/lib/domain/market/types";

/**
 * The indicators a Data Stream Block can derive from its candles (PRODUCT.md §4).
 *
 * A config is a flat record with a `kind` and plain numeric fields, so the
 * clone-graph schema can describe it with one discriminated union and the same
 * field names (period, stdDev, fast, slow, signal).
 */

export const INDICATOR_KINDS = ["ema", "sma", "rsi", "atr", "bollinger", "macd", "vwap", "realized-vol"] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export type IndicatorConfig =
  | { kind: "ema"; period: number }
  | { kind: "sma"; period: number }
  | { kind: "rsi"; period: number }
  | { kind: "atr"; period: number }
  /** stdDev: the band width in population standard deviations (Bollinger's own definition) */
  | { kind: "bollinger"; period: number; stdDev: number }
  | { kind: "macd"; fast: number; slow: number; signal: number }
  /** session VWAP, reset at each UTC midnight */
  | { kind: "vwap" }
  /** period: number of log returns in the window (needs period + 1 candles) */
  | { kind: "realized-vol"; period: number };

export interface BollingerValue {
  lower: number;
  middle: number;
  upper: number;
}

export interface MacdValue {
  /** EMA(fast) − EMA(slow) of closes */
  macd: number;
  /** EMA(signal) of macd */
  signal: number;
  /** macd − signal */
  histogram: number;
}

export type IndicatorValue = number | BollingerValue | MacdValue;

export interface IndicatorPoint<V extends IndicatorValue = IndicatorValue> {
  /** openTime of the candle whose close completes this value (aligns with candle charts) */
  time: number;
  value: V;
}

export interface IndicatorResult<V extends IndicatorValue = IndicatorValue> {
  config: IndicatorConfig;
  /** stable, human-readable identity: "ema(20)", "bollinger(20,2)", "macd(12,26,9)", "vwap" */
  key: string;
  /** the value at the last candle given; null while fewer than candlesNeeded candles (or no session volume for VWAP) */
  latest: V | null;
  /** how many candles the first value needs */
  candlesNeeded: number;
  /** the last points that have a value, ascending, at most `seriesLength` of them */
  series: IndicatorPoint<V>[];
}

export interface ComputeOptions {
  /** how many trailing points each series keeps (default 50) */
  seriesLength?: number;
  /**
   * Bar length in ms, used to annualize realized volatility. Defaults to the first
   * candle's closeTime − openTime + 1 (the market layer's convention).
   */
  barMs?: number;
}

/** One indicator's running state: fed each candle in order, it answers the value at that candle (null while warming up). */
export type Stepper<V> = (candle: Candle) => V | null;
