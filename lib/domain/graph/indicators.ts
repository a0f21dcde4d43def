/**
 * Indicator configurations a Data Stream Block may ask for. Bounds keep a
 * misconfigured clone from requesting a 10,000-bar EMA that no lookback can feed.
 */
import { z } from "zod";
import { candlesNeeded } from "../indicators/config";

const period = (min: number, max: number) => z.number().int().min(min).max(max);

export const emaIndicatorSchema = z.strictObject({ kind: z.literal("ema"), period: period(2, 500) });
export const smaIndicatorSchema = z.strictObject({ kind: z.literal("sma"), period: period(2, 500) });
export const rsiIndicatorSchema = z.strictObject({ kind: z.literal("rsi"), period: period(2, 100) });
export const atrIndicatorSchema = z.strictObject({ kind: z.literal("atr"), period: period(2, 100) });
export const bollingerIndicatorSchema = z.strictObject({
  kind: z.literal("bollinger"),
  period: period(2, 200),
  stdDev: z.number().min(0.5).max(4),
});
export const macdIndicatorSchema = z
  .strictObject({ kind: z.literal("macd"), fast: period(2, 100), slow: period(3, 200), signal: period(2, 100) })
  .superRefine((m, ctx) => {
    if (m.fast >= m.slow) {
      ctx.addIssue({
        code: "custom",
        path: ["fast"],
        message: `MACD fast period (${m.fast}) must be shorter than the slow period (${m.slow})`,
      });
    }
  });
export const vwapIndicatorSchema = z.strictObject({ kind: z.literal("vwap") });
export const realizedVolIndicatorSchema = z.strictObject({ kind: z.literal("realized-vol"), period: period(2, 500) });

export const indicatorSchema = z.discriminatedUnion("kind", [
  emaIndicatorSchema,
  smaIndicatorSchema,
  rsiIndicatorSchema,
  atrIndicatorSchema,
  bollingerIndicatorSchema,
  macdIndicatorSchema,
  vwapIndicatorSchema,
  realizedVolIndicatorSchema,
]);

export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorKind = Indicator["kind"];
export const INDICATOR_KINDS = ["ema", "sma", "rsi", "atr", "bollinger", "macd", "vwap", "realized-vol"] as const satisfies readonly IndicatorKind[];

/**
 * Bars needed before the indicator's latest value is meaningful. RSI, ATR and
 * realized volatility work on bar-to-bar changes, so they need one bar more than
 * their period; MACD's signal line is an EMA of the MACD line, which itself needs
 * the slow period.
 */
/** Bars an indicator needs before its first value: the rule of lib/domain/indicators, which computes them. */
export function indicatorWarmupBars(indicator: Indicator): number {
  return candlesNeeded(indicator);
}

/** A short human name ("EMA 12", "MACD 12/26/9"), also the key the context packet reports values under. */
export function indicatorLabel(indicator: Indicator): string {
  switch (indicator.kind) {
    case "ema":
      return `EMA ${indicator.period}`;
    case "sma":
      return `SMA ${indicator.period}`;
    case "rsi":
      return `RSI ${indicator.period}`;
    case "atr":
      return `ATR ${indicator.period}`;
    case "bollinger":
      return `Bollinger ${indicator.period}/${indicator.stdDev}`;
    case "macd":
      return `MACD ${indicator.fast}/${indicator.slow}/${indicator.signal}`;
    case "vwap":
      return "VWAP";
    case "realized-vol":
      return `Realized vol ${indicator.period}`;
  }
}
