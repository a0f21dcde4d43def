/**
 * A backtest's figures, from its equity samples and closed trades.
 *
 * - Returns are HOURLY: equity marked at every whole UTC hour of the window (the
 *   position at the last closed minute's close, or the latest mid), r = E_h / E_h−1 − 1.
 *   Crypto trades around the clock, so a year has 24 × 365 = 8,760 of them:
 *   Sharpe = mean(r) / sd(r) × √8760 (sample sd, n − 1), risk-free rate 0;
 *   Sortino = mean(r) / dd × √8760 with the downside deviation
 *   dd = √(Σ min(r, 0)² / n) (target 0, over every period). Null when undefined
 *   (fewer than two returns, or no dispersion / no downside).
 * - Max drawdown: the largest fall from a running peak, over the hourly samples and
 *   the equity at every decision (a fraction of that peak, and in micro-dollars).
 * - A trade is one position, entry to exit; its net PnL is realized − fees + funding.
 *   Win rate = trades with net PnL > 0 ÷ closed trades; profit factor = the sum
 *   of winning net PnL ÷ |the sum of losing net PnL| (null without a loss).
 * - Exposure: the fraction of the window with a position open (entry to exit).
 * - Buy and hold: the asset's price change over the window (first and last
 *   price a decision would see), unlevered and without costs.
 */
export const PERIODS_PER_YEAR = 24 * 365;

export interface MetricsInput {
  startMicro: number;
  finalEquityMicro: number;
  /** equity at each whole hour of the window, in time order */
  hourly: readonly number[];
  /** every equity sample (hourly and at each decision), in time order, for the drawdown */
  samples: readonly number[];
  /** net PnL of each closed trade, in micro-dollars */
  tradeNetMicro: readonly number[];
  /** positions opened, closed or not */
  tradesOpened: number;
  exposedMinutes: number;
  minutes: number;
  firstPrice: number | null;
  lastPrice: number | null;
}

export interface BacktestMetrics {
  totalReturn: number;
  sharpe: number | null;
  sortino: number | null;
  /** a fraction of the peak it fell from (0.1 = 10%) */
  maxDrawdown: number;
  maxDrawdownMicro: number;
  winRate: number | null;
  profitFactor: number | null;
  grossProfitMicro: number;
  grossLossMicro: number;
  exposure: number;
  trades: number;
  closedTrades: number;
  buyAndHoldReturn: number | null;
  returnPeriod: "1h";
  periodsPerYear: number;
}

export function hourlyReturns(equity: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < equity.length; i++) out.push(equity[i]! / equity[i - 1]! - 1);
  return out;
}

export function sharpe(returns: readonly number[], periodsPerYear = PERIODS_PER_YEAR): number | null {
  if (returns.length < 2) return null;
  const mean = returns.reduce((a, r) => a + r, 0) / returns.length;
  const variance = returns.reduce((a, r) => a + (r - mean) ** 2, 0) / (returns.length - 1);
  return variance > 0 ? (mean / Math.sqrt(variance)) * Math.sqrt(periodsPerYear) : null;
}

export function sortino(returns: readonly number[], periodsPerYear = PERIODS_PER_YEAR): number | null {
  if (returns.length < 2) return null;
  const mean = returns.reduce((a, r) => a + r, 0) / returns.length;
  const downside = Math.sqrt(returns.reduce((a, r) => a + Math.min(r, 0) ** 2, 0) / returns.length);
  return downside > 0 ? (mean / downside) * Math.sqrt(periodsPerYear) : null;
}

export function maxDrawdown(samples: readonly number[]): { fraction: number; micro: number } {
  let peak = -Infinity;
  let fraction = 0;
  let micro = 0;
  for (const e of samples) {
    peak = Math.max(peak, e);
    if (peak > 0 && (peak - e) / peak > fraction) fraction = (peak - e) / peak;
    micro = Math.max(micro, peak - e);
  }
  return { fraction, micro };
}

export function backtestMetrics(m: MetricsInput): BacktestMetrics {
  const returns = hourlyReturns(m.hourly);
  const drawdown = maxDrawdown(m.samples);
  const wins = m.tradeNetMicro.filter((n) => n > 0);
  const grossProfitMicro = wins.reduce((a, n) => a + n, 0);
  const grossLossMicro = -m.tradeNetMicro.filter((n) => n < 0).reduce((a, n) => a + n, 0);
  return {
    totalReturn: m.finalEquityMicro / m.startMicro - 1,
    sharpe: sharpe(returns),
    sortino: sortino(returns),
    maxDrawdown: drawdown.fraction,
    maxDrawdownMicro: drawdown.micro,
    winRate: m.tradeNetMicro.length ? wins.length / m.tradeNetMicro.length : null,
    profitFactor: grossLossMicro > 0 ? grossProfitMicro / grossLossMicro : null,
    grossProfitMicro,
    grossLossMicro,
    exposure: m.minutes > 0 ? m.exposedMinutes / m.minutes : 0,
    trades: m.tradesOpened,
    closedTrades: m.tradeNetMicro.length,
    buyAndHoldReturn: m.firstPrice && m.lastPrice ? m.lastPrice / m.firstPrice - 1 : null,
    returnPeriod: "1h",
    periodsPerYear: PERIODS_PER_YEAR,
  };
}
