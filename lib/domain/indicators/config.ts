import { DomainError } from "@/lib/domain/errors";
import type { IndicatorConfig } from "./types";

/** Larger periods are refused: they would never be stable over any lookback the product stores. */
export const MAX_PERIOD = 10_000;

/** "ema(20)", "bollinger(20,2)", "macd(12,26,9)", "vwap" — the name clones and the Latest Data drawer see. */
export function indicatorKey(config: IndicatorConfig): string {
  switch (config.kind) {
    case "ema":
    case "sma":
    case "rsi":
    case "atr":
    case "realized-vol":
      return `${config.kind}(${config.period})`;
    case "bollinger":
      return `bollinger(${config.period},${config.stdDev})`;
    case "macd":
      return `macd(${config.fast},${config.slow},${config.signal})`;
    case "vwap":
      return "vwap";
  }
}

/**
 * Candles needed before the first value. These follow the conventions of the
 * implementations (see library.ts): EMA and ATR are stable after `period`
 * inputs; RSI and realized volatility need `period` price changes, hence one
 * more candle; MACD waits until its signal EMA has seen `signal` MACD values.
 */
export function candlesNeeded(config: IndicatorConfig): number {
  switch (config.kind) {
    case "ema":
    case "sma":
    case "atr":
    case "bollinger":
      return config.period;
    case "rsi":
    case "realized-vol":
      return config.period + 1;
    case "macd":
      return config.slow + config.signal - 1;
    case "vwap":
      return 1;
  }
}

/** A period validateIndicatorConfig accepts (from `min`, 1 unless said). */
export const validPeriod = (value: number, min = 1): boolean => Number.isInteger(value) && value >= min && value <= MAX_PERIOD;

function requirePeriod(value: number, field: string, min = 1): void {
  if (!validPeriod(value, min)) {
    throw new DomainError("VALIDATION_FAILED", `${field} must be a whole number from ${min} to ${MAX_PERIOD}, got ${value}`, field);
  }
}

/** Refuses configs no indicator can honour, naming the field (the graph validator maps it to its block). */
export function validateIndicatorConfig(config: IndicatorConfig): void {
  switch (config.kind) {
    case "ema":
    case "sma":
    case "atr":
      requirePeriod(config.period, "period");
      return;
    case "rsi":
      // trading-signals' RSI(1) keeps a one-price buffer and never answers; RSI(1) is 0 or 100 anyway
      requirePeriod(config.period, "period", 2);
      return;
    case "realized-vol":
      // a sample standard deviation needs at least two returns
      requirePeriod(config.period, "period", 2);
      return;
    case "bollinger":
      requirePeriod(config.period, "period");
      if (!Number.isFinite(config.stdDev) || config.stdDev <= 0) {
        throw new DomainError("VALIDATION_FAILED", `stdDev must be a positive number, got ${config.stdDev}`, "stdDev");
      }
      return;
    case "macd":
      requirePeriod(config.fast, "fast");
      requirePeriod(config.slow, "slow");
      requirePeriod(config.signal, "signal");
      if (config.fast >= config.slow) {
        throw new DomainError("VALIDATION_FAILED", `fast (${config.fast}) must be shorter than slow (${config.slow})`, "fast");
      }
      return;
    case "vwap":
      return;
  }
}
