/** Paper accounts, orders, fills and positions. Micro-dollars are BigInt in the database. */
import { newId, write, type Db, type Writer } from "@/server/db";
import type { TradingMode } from "@/server/db/generated/client";
import type { PaperAccount } from "@/lib/domain/paper/account";
import type { PaperFill } from "@/lib/domain/paper/fill";
import type { LedgerDelta, Position } from "@/lib/domain/paper/position-types";
import { DomainError } from "@/lib/domain/errors";

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

/** The account stops trading (the runner plans only open accounts): a race account at its race's end. */
export async function closeAccount(db: Db, id: string, atMs: number) {
  await db.paperAccount.update({ where: { id }, data: { closedAt: new Date(atMs) } });
}

export async function findAccount(db: Db, id: string) {
  const row = await db.paperAccount.findUnique({ where: { id } });
  return row && toAccount(row);
}

/*
 * The writes below are plain SQL through server/db's `write` (on the driver adapter,
 * past Prisma's engine, or through a transaction of either kind): a decision that
 * orders writes five rows, and each model query cost ~0.5 ms more than its statement.
 * Ids are cuid-shaped (newId); booleans are stored as Prisma stores them (1/0).
 */

/**
 * Books a delta as increments, not as totals read earlier: two writers booking on
 * one account (a monitor's funding and a decision's fill, in two workers) add up
 * instead of the later one overwriting the other's.
 */
export async function bookAccountDelta(db: Writer, id: string, d: LedgerDelta) {
  if (!d.realizedMicro && !d.feesMicro && !d.fundingMicro) return;
  await write(
    db,
    `UPDATE "PaperAccount" SET "realizedMicro" = "realizedMicro" + ?, "feesMicro" = "feesMicro" + ?, "fundingMicro" = "fundingMicro" + ? WHERE "id" = ?`,
    [b(d.realizedMicro), b(d.feesMicro), b(d.fundingMicro), id],
  );
}

/** The equity high-water mark and the day's opening equity, moved forward only (never back by a stale writer). */
export async function advanceAccountMarks(db: Writer, id: string, m: { peakEquityMicro: number; dayStartEquityMicro: number; dayStartMs: number }) {
  await write(
    db,
    `UPDATE "PaperAccount" SET "peakEquityMicro" = max("peakEquityMicro", ?1),
       "dayStartEquityMicro" = iif("dayStartMs" < ?3, ?2, "dayStartEquityMicro"), "dayStartMs" = max("dayStartMs", ?3) WHERE "id" = ?4`,
    [b(m.peakEquityMicro), b(m.dayStartEquityMicro), b(m.dayStartMs), id],
  );
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

type PositionData = ReturnType<typeof positionData>;
const POSITION_COLUMNS = [
  "asset", "side", "state", "sizeBase", "entryPrice", "entryNotionalMicro", "leverage", "marginMicro", "stopLoss", "takeProfit", "trailingStopPct",
  "trailHigh", "trailLow", "lastPrice", "realizedPnlMicro", "feesMicro", "fundingMicro", "fundingThroughHour", "exitReason", "exitPrice", "details",
  "openedAtMs", "updatedAtMs", "closedAtMs",
] as const satisfies readonly (keyof PositionData)[];
// every column positionData writes is listed (a compile error otherwise)
const _allColumns: Record<Exclude<keyof PositionData, (typeof POSITION_COLUMNS)[number]>, never> = {};
const INSERT_POSITION = `INSERT INTO "PaperPosition" ("id", "accountId", ${POSITION_COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${["?", "?", ...POSITION_COLUMNS.map(() => "?")].join(", ")})`;
const UPDATE_POSITION = `UPDATE "PaperPosition" SET ${POSITION_COLUMNS.map((c) => `"${c}" = ?`).join(", ")} WHERE "id" = ?`;

export async function insertPosition(db: Writer, accountId: string, p: Position): Promise<string> {
  const id = newId();
  const data = positionData(p);
  await write(db, INSERT_POSITION, [id, accountId, ...POSITION_COLUMNS.map((c) => data[c])]);
  return id;
}

/**
 * Saves a position read earlier as `read`: only if no one changed it since (same
 * last update, still open). Otherwise a DomainError CONFLICT, so the caller's
 * transaction rolls back and the work is redone from a fresh read: a position is
 * never closed twice, nor a stale copy written over a newer one.
 */
export async function savePosition(db: Writer, id: string, p: Position, read: Position): Promise<void> {
  const data = positionData(p);
  const changed = await write(db, `${UPDATE_POSITION} AND "updatedAtMs" = ? AND "state" <> 'CLOSED'`, [...POSITION_COLUMNS.map((c) => data[c]), id, b(read.updatedAt)]);
  if (changed !== 1) throw new DomainError("CONFLICT", `The ${read.asset} position ${id} changed since it was read (closed or updated by another worker)`, "positionId");
}

/** Open positions being monitored, of every account given, oldest first. */
export async function monitoredPositions(db: Db, accountIds: readonly string[]): Promise<Map<string, StoredPosition[]>> {
  const rows = await db.paperPosition.findMany({ where: { accountId: { in: [...accountIds] }, state: "MONITORING" }, orderBy: { openedAtMs: "asc" } });
  const out = new Map<string, StoredPosition[]>();
  for (const r of rows) {
    const list = out.get(r.accountId) ?? [];
    list.push(toPosition(r));
    out.set(r.accountId, list);
  }
  return out;
}

const INSERT_ORDER = `INSERT INTO "PaperOrder" ("id", "accountId", "decisionRunId", "clientKey", "asset", "side", "purpose", "sizeBase", "reduceOnly", "status", "reason", "createdAtMs") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_FILL = `INSERT INTO "PaperFill" ("id", "orderId", "accountId", "asset", "side", "price", "sizeBase", "notionalMicro", "feeMicro", "slippageBps", "timeMs") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export async function insertOrderWithFill(
  db: Writer,
  o: { accountId: string; decisionRunId: string | null; clientKey: string; asset: string; purpose: string; reduceOnly: boolean; fill: PaperFill },
) {
  const orderId = newId();
  await write(db, INSERT_ORDER, [orderId, o.accountId, o.decisionRunId, o.clientKey, o.asset, o.fill.side, o.purpose, o.fill.sizeBase, o.reduceOnly ? 1 : 0, "FILLED", null, b(o.fill.time)]);
  await write(db, INSERT_FILL, [
    newId(), orderId, o.accountId, o.asset, o.fill.side, o.fill.price, o.fill.sizeBase, b(o.fill.notionalMicro), b(o.fill.feeMicro), o.fill.slippageBps, b(o.fill.time),
  ]);
  return orderId;
}

export async function insertRejectedOrder(
  db: Writer,
  o: { accountId: string; decisionRunId: string | null; clientKey: string; asset: string; side: string; purpose: string; sizeBase: number; reason: string; timeMs: number },
) {
  const id = newId();
  await write(db, INSERT_ORDER, [id, o.accountId, o.decisionRunId, o.clientKey, o.asset, o.side, o.purpose, o.sizeBase, o.purpose !== "OPEN" ? 1 : 0, "REJECTED", o.reason, b(o.timeMs)]);
  return { id };
}

/** Modes whose accounts trade on the live schedule (BACKTEST runs through its own window). */
export const SCHEDULED_MODES = ["PERSONAL", "AUDITION", "RACE", "DRY_RUN"] as const;

/**
 * Open accounts the runner decides for, with their clone's current version and, for
 * a RACE account, its race's live window (decisions only inside it: none before the
 * race goes live, none at or after its end).
 */
export async function runningAccounts(db: Db) {
  const rows = await db.paperAccount.findMany({
    where: { mode: { in: [...SCHEDULED_MODES] }, closedAt: null },
    select: { id: true, mode: true, scopeKey: true, clone: { select: { id: true, currentVersion: true } } },
    orderBy: { createdAt: "asc" },
  });
  const raceIds = rows.filter((r) => r.mode === "RACE").map((r) => r.scopeKey);
  const races = raceIds.length ? await db.race.findMany({ where: { id: { in: raceIds } }, select: { id: true, liveAtMs: true, endsAtMs: true } }) : [];
  const windows = new Map(races.map((r) => [r.id, { from: r.liveAtMs === null ? Infinity : Number(r.liveAtMs), to: r.endsAtMs === null ? Infinity : Number(r.endsAtMs) }]));
  return rows.map((r) => ({
    accountId: r.id, mode: r.mode, cloneId: r.clone.id, version: r.clone.currentVersion,
    window: r.mode === "RACE" ? (windows.get(r.scopeKey) ?? { from: Infinity, to: Infinity }) : null,
  }));
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
