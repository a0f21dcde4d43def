/** The human report of `npm run backtest` (the --json output is the stored result itself). */
import type { PreparedBacktest } from "../run-backtest";
import type { StoredResult } from "../backtest-runs";

const iso = (ms: number) => new Date(ms).toISOString().replace(":00.000Z", "Z");
const n = (x: number, digits = 0) => x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const usd = (micro: number) => `${micro < 0 ? "−" : ""}$${n(Math.abs(micro) / 1e6, 2)}`;
const pct = (x: number | null) => (x === null ? "n/a" : `${x >= 0 ? "+" : "−"}${n(Math.abs(x) * 100, 2)}%`);
const ratio = (x: number | null) => (x === null ? "n/a" : n(x, 2));

export function renderReport(runId: string, prepared: PreparedBacktest, r: StoredResult): string {
  const m = r.metrics;
  const d = r.decisions;
  const covered = r.coverage.expected ? r.coverage.minutes / r.coverage.expected : 0;
  const lines = [
    `Backtest ${runId}: ${prepared.clone ? `clone ${prepared.clone.id} v${prepared.clone.version}` : `template ${prepared.templateId}`} (${r.strategy}, every ${r.cadence}) on ${r.asset}`,
    `window        ${iso(r.from)} → ${iso(r.to)}: ${n(r.minutes)} minutes, ${n(covered * 100, 1)}% of them in market memory`,
    `decisions     ${n(d.ACTION + d.HOLD + d.REJECTED + d.NO_TRADE)}: ${n(d.ACTION)} orders, ${n(d.HOLD)} holds, ${n(d.REJECTED)} rejected, ${n(d.NO_TRADE)} no-trade`,
    `return        ${pct(m.totalReturn)} (buy and hold ${pct(m.buyAndHoldReturn)})`,
    `equity        ${usd(r.account.equityMicro)} from ${usd(r.account.startMicro)}: realized ${usd(r.account.realizedMicro)}, unrealized ${usd(r.account.unrealizedMicro)}, fees ${usd(-r.account.feesMicro)}, funding ${usd(r.account.fundingMicro)}`,
    `sharpe        ${ratio(m.sharpe)}   sortino ${ratio(m.sortino)}   (hourly returns, annualised by √${n(m.periodsPerYear)})`,
    `max drawdown  ${pct(-m.maxDrawdown)} (${usd(-m.maxDrawdownMicro)})`,
    `trades        ${n(m.trades)} opened, ${n(m.closedTrades)} closed: win rate ${m.winRate === null ? "n/a" : pct(m.winRate).slice(1)}, profit factor ${ratio(m.profitFactor)}`,
    `exposure      ${n(m.exposure * 100, 1)}% of the window in a position${r.openPosition ? ` (a ${r.openPosition.side} is still open)` : ""}`,
    `time          market memory read in ${n(r.timings.loadMs / 1000, 2)} s, engine ${n(r.timings.engineMs / 1000, 2)} s`,
  ];
  const reasons = Object.entries(r.reasons).sort((a, b) => b[1] - a[1]).slice(0, 3);
  if (reasons.length) lines.push("", "most frequent no-trade and rejection reasons:", ...reasons.map(([reason, count]) => `  ${n(count)}× ${reason}`));
  if (r.fills.length) {
    lines.push("", `fills (${n(r.fills.length)}${r.fills.length > 10 ? ", the first 10" : ""}):`);
    for (const f of r.fills.slice(0, 10)) lines.push(`  ${iso(f.time)}  ${f.purpose.padEnd(13)} ${f.side.padEnd(4)} ${String(f.sizeBase).padStart(10)} @ ${f.price}  fee ${usd(f.feeMicro)}`);
  }
  return `${lines.join("\n")}\n`;
}
