/**
 * Indicators over a decision's candles. Pure and deterministic: the context
 * resolver, the Latest Data drawer and replays all call this one function, so a
 * clone sees the same numbers wherever they are shown.
 *
 * Every indicator streams over the candles in order and each value is read right
 * after its own candle was fed, so a value never depends on a later candle.
 */
import { DomainError } from "@/lib/domain/errors";
import type { Candle } from "@/lib/domain/market/types";
import { candlesNeeded, indicatorKey, validateIndicatorConfig, validPeriod } from "./config";
import { atrStepper, bollingerStepper, emaLatest, emaLatestPair, emaStepper, macdStepper, rsiStepper, smaStepper } from "./library";
import { realizedVolatilityStepper } from "./realized-volatility";
import { sessionVwapStepper } from "./session-vwap";
import type { ComputeOptions, IndicatorConfig, IndicatorPoint, IndicatorResult, IndicatorValue, Stepper } from "./types";

export type * from "./types";
export { INDICATOR_KINDS } from "./types";
export { candlesNeeded, indicatorKey, validateIndicatorConfig } from "./config";

export const DEFAULT_SERIES_LENGTH = 50;

/**
 * @param candles ascending by openTime, already at the decision's granularity
 * @param configs one result per config, in the same order
 */
export function computeIndicators(
  candles: readonly Candle[],
  configs: readonly IndicatorConfig[],
  options: ComputeOptions = {},
): IndicatorResult[] {
  const seriesLength = options.seriesLength ?? DEFAULT_SERIES_LENGTH;
  if (!Number.isInteger(seriesLength) || seriesLength < 0) {
    throw new DomainError("VALIDATION_FAILED", `seriesLength must be a whole number >= 0, got ${seriesLength}`, "seriesLength");
  }
  requireAscending(candles);
  configs.forEach(validateIndicatorConfig);
  return configs.map((config) => computeOne(candles, config, seriesLength, options));
}

/**
 * Candles for LatestIndicators. A source that keeps their closes and open times in
 * typed arrays (a backtest) hands those over too: bar i's at index from + i of a
 * column (a longer series' column, read in place). They are read instead of the bars
 * where they suffice (an EMA, the order check), and `bars` may then be a getter that
 * copies them out only when read.
 */
export interface CandleRun {
  readonly bars: readonly Candle[];
  readonly closes?: ArrayLike<number>;
  readonly openTimes?: ArrayLike<number>;
  /** the bars' range [from, to) in the columns (the whole columns unless said) */
  readonly from?: number;
  readonly to?: number;
  /** true when the source has checked that the bars are in strictly ascending order (a run of bars it checked whole) */
  readonly ascending?: boolean;
}

/**
 * Latest values over one run of candles, each computed when first asked for:
 * computeIndicators(bars, [config], options)[0].latest, with the same checks (the
 * order checked once) and the same value, without the series. An EMA's comes from
 * emaLatest (its stepper's arithmetic in a plain loop over the closes), two EMAs of
 * the caller's configs at a time (emaLatestPair); every other indicator's from its
 * stepper.
 */
export class LatestIndicators {
  private ascending = false;
  private closes: ArrayLike<number> | undefined;
  /** the bars' range in `closes` */
  private from: number;
  private to: number;
  private readonly values: (IndicatorValue | null)[];
  private readonly known: boolean[];

  /** @param configs the caller's, by slot (asked for one EMA, the next unknown EMA among them comes in the same pass) */
  constructor(
    private readonly run: CandleRun,
    private readonly options: ComputeOptions = {},
    private readonly configs: readonly IndicatorConfig[] = [],
  ) {
    this.closes = run.closes;
    // the range from the columns: reading `bars` could copy them out (see CandleRun)
    this.from = run.closes ? (run.from ?? 0) : 0;
    this.to = run.closes ? (run.to ?? run.closes.length) : 0;
    this.values = new Array<IndicatorValue | null>(configs.length);
    this.known = new Array<boolean>(configs.length);
  }

  /** @param slot where this config's value is kept (its index among the caller's configs) */
  get(slot: number, config: IndicatorConfig): IndicatorValue | null {
    if (this.known[slot]) return this.values[slot]!;
    if (!this.ascending && !this.run.ascending) {
      const times = this.run.openTimes;
      // the bars' own check when there are no times, or they are out of order (its error names the candle)
      if (!times || !ascendingTimes(times, this.run.from ?? 0, this.run.to ?? times.length)) requireAscending(this.run.bars);
      this.ascending = true;
    }
    validateIndicatorConfig(config);
    if (config.kind === "ema") {
      const closes = this.closesOf();
      const other = this.nextEma(slot);
      if (other >= 0) {
        const [value, otherValue] = emaLatestPair(closes, config.period, (this.configs[other] as { period: number }).period, this.from, this.to);
        this.keep(other, finiteOrNull(otherValue));
        return this.keep(slot, finiteOrNull(value));
      }
      return this.keep(slot, finiteOrNull(emaLatest(closes, config.period, this.from, this.to)));
    }
    return this.keep(slot, computeOne(this.run.bars, config, 0, this.options).latest);
  }

  /** the source's closes column, or the bars' closes (read out once) */
  private closesOf(): ArrayLike<number> {
    if (!this.closes) {
      this.closes = Float64Array.from(this.run.bars, (c) => c.close);
      this.from = 0;
      this.to = this.closes.length;
    }
    return this.closes;
  }

  private keep(slot: number, value: IndicatorValue | null): IndicatorValue | null {
    this.values[slot] = value;
    this.known[slot] = true;
    return value;
  }

  /** another EMA among the configs, not yet known and valid (an invalid one throws when asked for itself), or -1 */
  private nextEma(slot: number): number {
    for (let j = 0; j < this.configs.length; j++) {
      const c = this.configs[j]!;
      if (j !== slot && c.kind === "ema" && !this.known[j] && validPeriod(c.period)) return j;
    }
    return -1;
  }
}

function computeOne(
  candles: readonly Candle[],
  config: IndicatorConfig,
  seriesLength: number,
  options: ComputeOptions,
): IndicatorResult {
  const step = stepperFor(config, candles, options);
  const firstKept = candles.length - seriesLength;
  const series: IndicatorPoint[] = [];
  let latest: IndicatorValue | null = null;
  for (let i = 0; i < candles.length; i++) {
    const candle = candles[i] as Candle;
    latest = finiteOrNull(step(candle));
    if (latest !== null && i >= firstKept) series.push({ time: candle.openTime, value: latest });
  }
  return { config, key: indicatorKey(config), latest, candlesNeeded: candlesNeeded(config), series };
}

function stepperFor(config: IndicatorConfig, candles: readonly Candle[], options: ComputeOptions): Stepper<IndicatorValue> {
  switch (config.kind) {
    case "ema":
      return emaStepper(config.period);
    case "sma":
      return smaStepper(config.period);
    case "rsi":
      return rsiStepper(config.period);
    case "atr":
      return atrStepper(config.period);
    case "bollinger":
      return bollingerStepper(config.period, config.stdDev);
    case "macd":
      return macdStepper(config.fast, config.slow, config.signal);
    case "vwap":
      return sessionVwapStepper();
    case "realized-vol":
      return candles.length === 0 ? () => null : realizedVolatilityStepper(config.period, barLength(candles, options));
  }
}

/**
 * The bar length comes from the caller or from the FIRST candle (never a later
 * one, so a prefix of the candles annualizes exactly like the whole).
 */
function barLength(candles: readonly Candle[], options: ComputeOptions): number {
  const first = candles[0] as Candle;
  const barMs = options.barMs ?? first.closeTime - first.openTime + 1;
  if (!Number.isFinite(barMs) || barMs < 1) {
    throw new DomainError("VALIDATION_FAILED", `cannot annualize volatility: bar length ${barMs} ms`, "barMs");
  }
  return barMs;
}

/** requireAscending's test over open times alone */
function ascendingTimes(times: ArrayLike<number>, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (!(times[i]! > times[i - 1]!)) return false;
  return true;
}

function requireAscending(candles: readonly Candle[]): void {
  for (let i = 1; i < candles.length; i++) {
    const prev = candles[i - 1] as Candle;
    const cur = candles[i] as Candle;
    if (!(cur.openTime > prev.openTime)) {
      throw new DomainError(
        "INVARIANT_VIOLATED",
        `candles must be strictly ascending by openTime: #${i} (${cur.openTime}) follows ${prev.openTime}`,
        `candles.${i}.openTime`,
      );
    }
  }
}

/** A prompt must never read NaN or Infinity; they can only come from non-finite input, which the market layer refuses. */
function finiteOrNull(value: IndicatorValue | null): IndicatorValue | null {
  if (value === null) return null;
  // a plain number without a temporary array: this runs for every candle of every decision
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return Object.values(value).every(Number.isFinite) ? value : null;
}
