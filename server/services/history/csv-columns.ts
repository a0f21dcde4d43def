/**
 * The columns of each history export. Times are ISO 8601 UTC; money is exact USD
 * decimals from the stored micro-dollars; reasoning and reasons are the stored text
 * (csv.ts quotes them and neutralises anything a spreadsheet would run as a formula).
 */
import { csvDecimal, type CsvCell } from "@/lib/domain/history/csv";
import { formatMicroUsd } from "@/lib/domain/paper/money-micro";
import type { decisionsBatch } from "@/server/repositories/history/decisions";
import type { fillsBatch, ordersBatch, positionsBatch } from "@/server/repositories/history/trades";
import { toDecisionRow } from "./decision-row";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const usd = (micro: number | null) => (micro === null ? null : csvDecimal(formatMicroUsd(micro)));

type Row<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number];

export interface CsvColumns<R> {
  header: string[];
  cells(row: R, mode: (accountId: string) => string): CsvCell[];
}

export const DECISION_COLUMNS: CsvColumns<Row<typeof decisionsBatch>> = {
  header: ["time_utc", "decision_id", "mode", "account_id", "asset", "status", "action", "size_pct", "leverage", "confidence", "stop_loss", "take_profit",
    "reasoning", "reason", "latency_ms", "input_tokens", "output_tokens", "cost_usd", "clone_version", "provider", "model"],
  cells(r) {
    const d = toDecisionRow(r);
    return [iso(d.decisionTimeMs), d.id, d.mode, d.accountId, d.asset, d.status, d.action, d.sizePct, d.leverage, d.confidence, d.stopLoss, d.takeProfit,
      d.reasoning, d.reason, d.latencyMs, d.inputTokens, d.outputTokens, usd(d.costMicroUsd), d.cloneVersion, d.provider, d.model];
  },
};

export const ORDER_COLUMNS: CsvColumns<Row<typeof ordersBatch>> = {
  header: ["time_utc", "order_id", "mode", "account_id", "asset", "side", "purpose", "size", "reduce_only", "status", "fill_price", "reason", "decision_id"],
  cells: (o, mode) => [iso(o.createdAtMs), o.id, mode(o.accountId), o.accountId, o.asset, o.side, o.purpose, o.sizeBase, o.reduceOnly, o.status, o.fillPrice, o.reason, o.decisionRunId],
};

export const FILL_COLUMNS: CsvColumns<Row<typeof fillsBatch>> = {
  header: ["time_utc", "fill_id", "order_id", "mode", "account_id", "asset", "side", "purpose", "price", "size", "notional_usd", "fee_usd", "slippage_bps", "decision_id"],
  cells: (f, mode) => [iso(f.timeMs), f.id, f.orderId, mode(f.accountId), f.accountId, f.asset, f.side, f.purpose, f.price, f.sizeBase, usd(f.notionalMicro), usd(f.feeMicro), f.slippageBps, f.decisionRunId],
};

export const POSITION_COLUMNS: CsvColumns<Row<typeof positionsBatch>> = {
  header: ["opened_utc", "closed_utc", "position_id", "mode", "account_id", "asset", "side", "state", "size", "entry_price", "exit_price", "leverage",
    "stop_loss", "take_profit", "exit_reason", "realized_pnl_usd", "fees_usd", "funding_usd", "net_pnl_usd"],
  cells: (p, mode) => [iso(p.openedAtMs), iso(p.closedAtMs), p.id, mode(p.accountId), p.accountId, p.asset, p.side, p.state, p.sizeBase, p.entryPrice, p.exitPrice,
    p.leverage, p.stopLoss, p.takeProfit, p.exitReason, usd(p.realizedPnlMicro), usd(p.feesMicro), usd(p.fundingMicro),
    p.state === "CLOSED" ? usd(p.realizedPnlMicro - p.feesMicro + p.fundingMicro) : null],
};

