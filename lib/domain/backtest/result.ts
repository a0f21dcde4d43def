/**
 * What a backtest reports: every fill and trade (a position from entry to exit),
 * the decisions by outcome, the account at the end, the hourly equity curve and
 * the metrics. Plain JSON (micro-dollars as integers), stored whole with the run.
 *
 * Fills live here rather than as orders, fills and positions of a BACKTEST paper
 * account: a year can hold thousands of them, and writing them row by row would
 * cost more than the backtest itself and grow the tables the runtime assertions
 * sweep every minute, for records that can be recomputed exactly (a backtest is
 * deterministic). They carry the same fields as the paper fill rows, and the parity
 * test holds them equal to the rows a live run writes.
 */
import type { Granularity, Strategy } from "@/lib/domain/graph/vocabulary";
import type { Position } from "@/lib/domain/paper/position-types";
import type { DecisionStatus } from "./decision-step";
import type { BacktestMetrics } from "./metrics";

export interface FillRecord {
  time: number;
  side: "buy" | "sell";
  price: number;
  sizeBase: number;
  notionalMicro: number;
  feeMicro: number;
  slippageBps: number;
  /** as the live order's purpose: OPEN, CLOSE_SIGNAL, STOP_LOSS, TRAILING_STOP, TAKE_PROFIT */
  purpose: string;
}

export interface TradeRecord {
  side: "long" | "short";
  sizeBase: number;
  openedAt: number;
  closedAt: number;
  entryPrice: number;
  exitPrice: number;
  exitReason: string;
  realizedPnlMicro: number;
  feesMicro: number;
  fundingMicro: number;
  /** realized − fees + funding */
  netPnlMicro: number;
}

export interface BacktestResult {
  asset: string;
  from: number;
  to: number;
  cadence: Granularity;
  strategy: Strategy;
  minutes: number;
  decisions: Record<DecisionStatus, number>;
  /** no-trade and rejection reasons with their counts (the first distinct ones) */
  reasons: Record<string, number>;
  fundingHours: number;
  account: { startMicro: number; realizedMicro: number; feesMicro: number; fundingMicro: number; unrealizedMicro: number; equityMicro: number };
  /** still open at `to`, valued at the market then */
  openPosition: Position | null;
  fills: FillRecord[];
  trades: TradeRecord[];
  equityCurve: { time: number; equityMicro: number }[];
  metrics: BacktestMetrics;
}

export function tradeRecord(p: Position): TradeRecord {
  return {
    side: p.side, sizeBase: p.sizeBase, openedAt: p.openedAt, closedAt: p.closedAt ?? p.updatedAt, entryPrice: p.entryPrice,
    exitPrice: p.exitPrice ?? p.lastPrice, exitReason: p.exitReason ?? "", realizedPnlMicro: p.realizedPnlMicro, feesMicro: p.feesMicro,
    fundingMicro: p.fundingMicro, netPnlMicro: p.realizedPnlMicro - p.feesMicro + p.fundingMicro,
  };
}
