/**
 * Paper execution: orders priced by the pure rules in lib/domain/paper, written as
 * order + fill + position + account totals inside the caller's transaction (a Prisma
 * one, or writeTransaction's plain SQL one), so a decision and its fill are stored
 * together or not at all.
 */
import { bookDelta } from "@/lib/domain/paper/account";
import { DEFAULT_EXECUTION_CONFIG, type ExecutionConfig } from "@/lib/domain/paper/config";
import { priceFill, sideDepthUsd, type OrderSide, type PaperFill } from "@/lib/domain/paper/fill";
import { sizeForNotional } from "@/lib/domain/paper/money-micro";
import { exitPosition, openPosition } from "@/lib/domain/paper/position";
import { exitSide, type ExitReason, type ExitTrigger, type LedgerDelta } from "@/lib/domain/paper/position-types";
import type { Writer } from "@/server/db";
import * as paper from "@/server/repositories/paper";
import type { MarketAtT } from "./market-at";

export type ExecutionResult = { ok: true; fill: PaperFill; positionId: string } | { ok: false; reason: string };

function fillAt(side: OrderSide, sizeBase: number, market: MarketAtT, time: number, config: ExecutionConfig): PaperFill {
  return priceFill({
    side,
    sizeBase,
    referencePrice: market.referencePrice,
    bestBid: market.bestBid,
    bestAsk: market.bestAsk,
    depthUsd: market.bidDepthUsd === undefined ? undefined : sideDepthUsd(side, { bidDepthUsd: market.bidDepthUsd, askDepthUsd: market.askDepthUsd ?? 0 }),
    config,
    time,
  });
}

/** Books a delta on the account (as increments in the database) and on the caller's copy. */
export async function book(tx: Writer, account: paper.AccountRow, delta: LedgerDelta) {
  const totals = bookDelta(account, delta);
  await paper.bookAccountDelta(tx, account.id, delta);
  Object.assign(account, totals);
}

export interface OpenRequest {
  account: paper.AccountRow;
  asset: string;
  side: "long" | "short";
  /** margin committed, in micro-dollars (sizePct of equity) */
  marginMicro: number;
  leverage: number;
  stopLoss?: number;
  takeProfit?: number;
  trailingStopPct?: number;
  market: MarketAtT;
  time: number;
  decisionRunId: string | null;
  clientKey: string;
  config?: ExecutionConfig;
}

export async function openFromDecision(tx: Writer, r: OpenRequest): Promise<ExecutionResult> {
  const side: OrderSide = r.side === "long" ? "buy" : "sell";
  const sizeBase = sizeForNotional(Math.floor(r.marginMicro * r.leverage), r.market.referencePrice, r.market.szDecimals);
  if (sizeBase <= 0) {
    const reason = `the order rounds to zero ${r.asset} at ${r.market.szDecimals} size decimals`;
    await paper.insertRejectedOrder(tx, { accountId: r.account.id, decisionRunId: r.decisionRunId, clientKey: r.clientKey, asset: r.asset, side, purpose: "OPEN", sizeBase: 0, reason, timeMs: r.time });
    return { ok: false, reason };
  }
  const fill = fillAt(side, sizeBase, r.market, r.time, r.config ?? DEFAULT_EXECUTION_CONFIG);
  const opened = openPosition(fill, { asset: r.asset, leverage: r.leverage, stopLoss: r.stopLoss, takeProfit: r.takeProfit, trailingStopPct: r.trailingStopPct, time: r.time });
  await paper.insertOrderWithFill(tx, { accountId: r.account.id, decisionRunId: r.decisionRunId, clientKey: r.clientKey, asset: r.asset, purpose: "OPEN", reduceOnly: false, fill });
  const positionId = await paper.insertPosition(tx, r.account.id, opened.position);
  await book(tx, r.account, opened.delta);
  return { ok: true, fill, positionId };
}

/** The one exit path, whatever decided it: a close signal, a stop, a take-profit, a flatten. */
export async function closePosition(
  tx: Writer,
  r: {
    account: paper.AccountRow; stored: paper.StoredPosition; reason: ExitReason; market: MarketAtT; time: number;
    decisionRunId: string | null; clientKey: string; purpose: string; trigger?: ExitTrigger; config?: ExecutionConfig;
  },
): Promise<ExecutionResult> {
  const side = exitSide(r.stored.position.side);
  const fill = fillAt(side, r.stored.position.sizeBase, r.market, r.time, r.config ?? DEFAULT_EXECUTION_CONFIG);
  const exited = exitPosition(r.stored.position, r.reason, fill, { time: r.time, trigger: r.trigger });
  if (!exited.ok) {
    await paper.insertRejectedOrder(tx, { accountId: r.account.id, decisionRunId: r.decisionRunId, clientKey: r.clientKey, asset: r.stored.position.asset, side, purpose: r.purpose, sizeBase: fill.sizeBase, reason: exited.reason, timeMs: r.time });
    return { ok: false, reason: exited.reason };
  }
  await paper.insertOrderWithFill(tx, { accountId: r.account.id, decisionRunId: r.decisionRunId, clientKey: r.clientKey, asset: r.stored.position.asset, purpose: r.purpose, reduceOnly: true, fill });
  await paper.savePosition(tx, r.stored.id, exited.position, r.stored.position);
  await book(tx, r.account, exited.delta);
  return { ok: true, fill, positionId: r.stored.id };
}
