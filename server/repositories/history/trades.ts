/** Orders, fills and positions for the trading history: a page, newest first, or a batch to export, oldest first. */
import type { Db } from "@/server/db";
import { after, common, timeRange, type ExportCursor, type HistoryWhere, type Page } from "./filters";

export type OrderWhere = HistoryWhere & { status?: string };
export type PositionWhere = HistoryWhere & { state?: "open" | "closed" };

const orderWhere = (w: OrderWhere) => ({ ...common(w), ...(w.status && { status: w.status }), createdAtMs: timeRange(w) });
const orderSelect = {
  id: true, accountId: true, decisionRunId: true, asset: true, side: true, purpose: true, sizeBase: true, reduceOnly: true,
  status: true, reason: true, createdAtMs: true, fills: { select: { price: true }, take: 1 },
} as const;
type OrderRow = { createdAtMs: bigint; fills: { price: number }[] };
const toOrder = <T extends OrderRow>({ fills, createdAtMs, ...o }: T) => ({ ...o, createdAtMs: Number(createdAtMs), fillPrice: fills[0]?.price ?? null });

export async function listOrders(db: Db, w: OrderWhere, page: Page) {
  const [total, rows] = await Promise.all([
    db.paperOrder.count({ where: orderWhere(w) }),
    db.paperOrder.findMany({ where: orderWhere(w), orderBy: [{ createdAtMs: "desc" }, { id: "desc" }], ...page, select: orderSelect }),
  ]);
  return { total, rows: rows.map(toOrder) };
}

export async function ordersBatch(db: Db, w: OrderWhere, cursor: ExportCursor | null, take: number) {
  const rows = await db.paperOrder.findMany({ where: { ...orderWhere(w), ...after("createdAtMs", cursor) }, orderBy: [{ createdAtMs: "asc" }, { id: "asc" }], take, select: orderSelect });
  return rows.map(toOrder);
}

const fillWhere = (w: HistoryWhere) => ({ ...common(w), timeMs: timeRange(w) });
const fillSelect = {
  id: true, accountId: true, orderId: true, asset: true, side: true, price: true, sizeBase: true, notionalMicro: true,
  feeMicro: true, slippageBps: true, timeMs: true, order: { select: { purpose: true, decisionRunId: true } },
} as const;
type FillRow = { notionalMicro: bigint; feeMicro: bigint; timeMs: bigint; order: { purpose: string; decisionRunId: string | null } };
const toFill = <T extends FillRow>({ order, notionalMicro, feeMicro, timeMs, ...f }: T) => ({
  ...f, notionalMicro: Number(notionalMicro), feeMicro: Number(feeMicro), timeMs: Number(timeMs), purpose: order.purpose, decisionRunId: order.decisionRunId,
});

export async function listFills(db: Db, w: HistoryWhere, page: Page) {
  const [total, rows] = await Promise.all([
    db.paperFill.count({ where: fillWhere(w) }),
    db.paperFill.findMany({ where: fillWhere(w), orderBy: [{ timeMs: "desc" }, { id: "desc" }], ...page, select: fillSelect }),
  ]);
  return { total, rows: rows.map(toFill) };
}

export async function fillsBatch(db: Db, w: HistoryWhere, cursor: ExportCursor | null, take: number) {
  const rows = await db.paperFill.findMany({ where: { ...fillWhere(w), ...after("timeMs", cursor) }, orderBy: [{ timeMs: "asc" }, { id: "asc" }], take, select: fillSelect });
  return rows.map(toFill);
}

const positionWhere = (w: PositionWhere) => ({
  ...common(w),
  ...(w.state === "open" && { state: { not: "CLOSED" } }),
  ...(w.state === "closed" && { state: "CLOSED" }),
  openedAtMs: timeRange(w),
});
const positionSelect = {
  id: true, accountId: true, asset: true, side: true, state: true, sizeBase: true, entryPrice: true, entryNotionalMicro: true, leverage: true,
  stopLoss: true, takeProfit: true, lastPrice: true, realizedPnlMicro: true, feesMicro: true, fundingMicro: true, exitReason: true, exitPrice: true,
  openedAtMs: true, closedAtMs: true,
} as const;
type PositionRow = { entryNotionalMicro: bigint; realizedPnlMicro: bigint; feesMicro: bigint; fundingMicro: bigint; openedAtMs: bigint; closedAtMs: bigint | null };
const toPosition = <T extends PositionRow>(p: T) => ({
  ...p, entryNotionalMicro: Number(p.entryNotionalMicro), realizedPnlMicro: Number(p.realizedPnlMicro), feesMicro: Number(p.feesMicro),
  fundingMicro: Number(p.fundingMicro), openedAtMs: Number(p.openedAtMs), closedAtMs: p.closedAtMs === null ? null : Number(p.closedAtMs),
});

export async function listPositions(db: Db, w: PositionWhere, page: Page) {
  const [total, rows] = await Promise.all([
    db.paperPosition.count({ where: positionWhere(w) }),
    db.paperPosition.findMany({ where: positionWhere(w), orderBy: [{ openedAtMs: "desc" }, { id: "desc" }], ...page, select: positionSelect }),
  ]);
  return { total, rows: rows.map(toPosition) };
}

export async function positionsBatch(db: Db, w: PositionWhere, cursor: ExportCursor | null, take: number) {
  const rows = await db.paperPosition.findMany({ where: { ...positionWhere(w), ...after("openedAtMs", cursor) }, orderBy: [{ openedAtMs: "asc" }, { id: "asc" }], take, select: positionSelect });
  return rows.map(toPosition);
}
