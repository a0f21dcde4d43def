/** Paper accounts, orders, fills and positions. Micro-dollars are BigInt in the database. */
import type { Db } from "@/server/db";
import type { TradingMode } from "@/server/db/generated/client";
import type { PaperAccount } from "@/lib/domain/paper/account";
import type { PaperFill } from "@/lib/domain/paper/fill";
import type { Position } from "@/lib/domain/paper/position-types";

/** An INTEGER column: BigInt through Prisma, a number from a JSON row (decision-inputs.ts). */
type Int = bigint | number;
const n = (v: Int) => Number(v);
const b = (v: number) => BigInt(Math.trunc(v));

export interface AccountRow extends PaperAccount {
  id: string;
  cloneId: string;
  mode: TradingMode;
  scopeKey: string;
  peakEquityMicro: number;
  dayStartEquityMicro: number;
  dayStartMs: number;
}

export function toAccount(r: {
  id: string; cloneId: string; mode: TradingMode; scopeKey: string; startMicro: Int; realizedMicro: Int; feesMicro: Int;
  fundingMicro: Int; peakEquityMicro: Int; dayStartEquityMicro: Int; dayStartMs: Int;
}): AccountRow {
  return {
    id: r.id, cloneId: r.cloneId, mode: r.mode, scopeKey: r.scopeKey,
    startMicro: n(r.startMicro), realizedMicro: n(r.realizedMicro), feesMicro: n(r.feesMicro), fundingMicro: n(r.fundingMicro),
    peakEquityMicro: n(r.peakEquityMicro), dayStartEquityMicro: n(r.dayStartEquityMicro), dayStartMs: n(r.dayStartMs),
  };
}

export async function ensureAccount(db: Db, p: { cloneId: string; mode: TradingMode; scopeKey: string; startMicro: number; dayStartMs: number }) {
  const row = await db.paperAccount.upsert({
    where: { cloneId_mode_scopeKey: { cloneId: p.cloneId, mode: p.mode, scopeKey: p.scopeKey } },
    create: { cloneId: p.cloneId, mode: p.mode, scopeKey: p.scopeKey, startMicro: b(p.startMicro), peakEquityMicro: b(p.startMicro), dayStartEquityMicro: b(p.startMicro), dayStartMs: b(p.dayStartMs) },
    update: {},
  });
  return toAccount(row);
}

export async function findAccount(db: Db, id: string) {
  const row = await db.paperAccount.findUnique({ where: { id } });
  return row && toAccount(row);
}

export async function saveAccountTotals(db: Db, id: string, a: PaperAccount & { peakEquityMicro: number; dayStartEquityMicro: number; dayStartMs: number }) {
  await db.paperAccount.update({
    where: { id },
    data: {
      realizedMicro: b(a.realizedMicro), feesMicro: b(a.feesMicro), fundingMicro: b(a.fundingMicro),
      peakEquityMicro: b(a.peakEquityMicro), dayStartEquityMicro: b(a.dayStartEquityMicro), dayStartMs: b(a.dayStartMs),
    },
  });
}

export interface StoredPosition {
  id: string;
  position: Position;
}

export interface PositionRow {
  id: string; asset: string; side: string; state: string; sizeBase: number; entryPrice: number; entryNotionalMicro: Int;
  leverage: number; marginMicro: Int; stopLoss: number | null; takeProfit: number | null; trailingStopPct: number | null;
  trailHigh: number; trailLow: number; lastPrice: number; realizedPnlMicro: Int; feesMicro: Int; fundingMicro: Int;
  fundingThroughHour: Int; exitReason: string | null; exitPrice: number | null; details: string; openedAtMs: Int;
  updatedAtMs: Int; closedAtMs: Int | null;
}

export function toPosition(r: PositionRow): StoredPosition {
  const details = JSON.parse(r.details) as Pick<Position, "history" | "exitTrigger">;
  const position: Position = {
    asset: r.asset, side: r.side as Position["side"], sizeBase: r.sizeBase, entryPrice: r.entryPrice,
    entryNotionalMicro: n(r.entryNotionalMicro), leverage: r.leverage, marginMicro: n(r.marginMicro),
    ...(r.stopLoss !== null && { stopLoss: r.stopLoss }), ...(r.takeProfit !== null && { takeProfit: r.takeProfit }),
    ...(r.trailingStopPct !== null && { trailingStopPct: r.trailingStopPct }),
    trailHigh: r.trailHigh, trailLow: r.trailLow, lastPrice: r.lastPrice, openedAt: n(r.openedAtMs), updatedAt: n(r.updatedAtMs),
    realizedPnlMicro: n(r.realizedPnlMicro), feesMicro: n(r.feesMicro), fundingMicro: n(r.fundingMicro),
    fundingThroughHour: n(r.fundingThroughHour), state: r.state as Position["state"],
    ...(r.exitReason !== null && { exitReason: r.exitReason as Position["exitReason"] }),
    ...(details.exitTrigger && { exitTrigger: details.exitTrigger }),
    ...(r.exitPrice !== null && { exitPrice: r.exitPrice }),
    ...(r.closedAtMs !== null && { closedAt: n(r.closedAtMs) }),
    history: details.history,
  };
  return { id: r.id, position };
}

function positionData(p: Position) {
  return {
    asset: p.asset, side: p.side, state: p.state, sizeBase: p.sizeBase, entryPrice: p.entryPrice,
    entryNotionalMicro: b(p.entryNotionalMicro), leverage: p.leverage, marginMicro: b(p.marginMicro),
    stopLoss: p.stopLoss ?? null, takeProfit: p.takeProfit ?? null, trailingStopPct: p.trailingStopPct ?? null,
    trailHigh: p.trailHigh, trailLow: p.trailLow, lastPrice: p.lastPrice,
    realizedPnlMicro: b(p.realizedPnlMicro), feesMicro: b(p.feesMicro), fundingMicro: b(p.fundingMicro),
    fundingThroughHour: b(p.fundingThroughHour), exitReason: p.exitReason ?? null, exitPrice: p.exitPrice ?? null,
    details: JSON.stringify({ history: p.history, exitTrigger: p.exitTrigger }),
    openedAtMs: b(p.openedAt), updatedAtMs: b(p.updatedAt), closedAtMs: p.closedAt === undefined ? null : b(p.closedAt),
  };
}

export async function openPositions(db: Db, accountId: string): Promise<StoredPosition[]> {
  const rows = await db.paperPosition.findMany({ where: { accountId, state: { not: "CLOSED" } }, orderBy: { openedAtMs: "asc" } });
  return rows.map(toPosition);
}

export async function insertPosition(db: Db, accountId: string, p: Position): Promise<string> {
  return (await db.paperPosition.create({ data: { accountId, ...positionData(p) }, select: { id: true } })).id;
}

export async function savePosition(db: Db, id: string, p: Position): Promise<void> {
  await db.paperPosition.update({ where: { id }, data: positionData(p) });
}

export async function insertOrderWithFill(
  db: Db,
  o: { accountId: string; decisionRunId: string | null; clientKey: string; asset: string; purpose: string; reduceOnly: boolean; fill: PaperFill },
) {
  const order = await db.paperOrder.create({
    data: {
      accountId: o.accountId, decisionRunId: o.decisionRunId, clientKey: o.clientKey, asset: o.asset, side: o.fill.side,
      purpose: o.purpose, sizeBase: o.fill.sizeBase, reduceOnly: o.reduceOnly, status: "FILLED", createdAtMs: b(o.fill.time),
    },
    select: { id: true },
  });
  await db.paperFill.create({
    data: {
      orderId: order.id, accountId: o.accountId, asset: o.asset, side: o.fill.side, price: o.fill.price, sizeBase: o.fill.sizeBase,
      notionalMicro: b(o.fill.notionalMicro), feeMicro: b(o.fill.feeMicro), slippageBps: o.fill.slippageBps, timeMs: b(o.fill.time),
    },
  });
  return order.id;
}

export function insertRejectedOrder(
  db: Db,
  o: { accountId: string; decisionRunId: string | null; clientKey: string; asset: string; side: string; purpose: string; sizeBase: number; reason: string; timeMs: number },
) {
  return db.paperOrder.create({
    data: {
      accountId: o.accountId, decisionRunId: o.decisionRunId, clientKey: o.clientKey, asset: o.asset, side: o.side, purpose: o.purpose,
      sizeBase: o.sizeBase, reduceOnly: o.purpose !== "OPEN", status: "REJECTED", reason: o.reason, createdAtMs: b(o.timeMs),
    },
    select: { id: true },
  });
}

/** Modes whose accounts trade on the live schedule (BACKTEST runs through its own window). */
export const SCHEDULED_MODES = ["PERSONAL", "AUDITION", "RACE", "DRY_RUN"] as const;

/** Open accounts the runner decides for, with their clone's current version. */
export async function runningAccounts(db: Db) {
  const rows = await db.paperAccount.findMany({
    where: { mode: { in: [...SCHEDULED_MODES] }, closedAt: null },
    select: { id: true, mode: true, clone: { select: { id: true, currentVersion: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ accountId: r.id, mode: r.mode, cloneId: r.clone.id, version: r.clone.currentVersion }));
}

/** Every open position on a running account: what Flatten closes. */
export async function openPositionsToFlatten(db: Db) {
  return db.paperPosition.findMany({
    where: { state: "MONITORING", account: { mode: { in: [...SCHEDULED_MODES] }, closedAt: null } },
    select: { id: true, accountId: true, asset: true },
    orderBy: { openedAtMs: "asc" },
  }).then((rows) => rows.map((r) => ({ positionId: r.id, accountId: r.accountId, asset: r.asset })));
}

export function accountsOfClone(db: Db, cloneId: string) {
  return db.paperAccount.findMany({ where: { cloneId }, orderBy: { createdAt: "asc" } }).then((rows) => rows.map(toAccount));
}

export async function recentFills(db: Db, accountId: string, take = 20) {
  const rows = await db.paperFill.findMany({ where: { accountId }, orderBy: { timeMs: "desc" }, take, include: { order: { select: { purpose: true } } } });
  return rows.map((f) => ({ id: f.id, asset: f.asset, side: f.side, price: f.price, sizeBase: f.sizeBase, notionalMicro: n(f.notionalMicro), feeMicro: n(f.feeMicro), time: n(f.timeMs), purpose: f.order.purpose }));
}

export async function closedPositions(db: Db, accountId: string, take = 20): Promise<StoredPosition[]> {
  const rows = await db.paperPosition.findMany({ where: { accountId, state: "CLOSED" }, orderBy: { closedAtMs: "desc" }, take });
  return rows.map(toPosition);
}
