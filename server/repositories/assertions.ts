/**
 * The reads the runtime assertions need, and their results.
 *
 * New decision runs and orders are found by SQLite rowid ranges: rowids grow with
 * every insert and SQLite has one writer at a time, so once a reader sees rowid N
 * committed, no row below N can appear later. That makes "everything written since
 * the last check" exact and cheap (the primary key), where wall-clock or
 * decision-time windows are not: DecisionRun has no index on createdAt, PaperOrder
 * has no wall-clock column, and a decision may be made for a past slot.
 */
import type { Db } from "@/server/db";

const n = (v: bigint | number | null | undefined) => Number(v ?? 0);

export interface RowRange {
  /** exclusive */
  after: number;
  /** inclusive */
  upTo: number;
}

export async function highWaterMarks(db: Db): Promise<{ decisionRuns: number; orders: number }> {
  const [row] = await db.$queryRaw<{ runs: bigint | number | null; orders: bigint | number | null }[]>`
    SELECT (SELECT max(rowid) FROM DecisionRun) AS runs, (SELECT max(rowid) FROM PaperOrder) AS orders`;
  return { decisionRuns: n(row?.runs), orders: n(row?.orders) };
}

// ---------------------------------------------------------------- decision runs

export async function decisionRunIdsIn(db: Db, r: RowRange): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT id FROM DecisionRun WHERE rowid > ${r.after} AND rowid <= ${r.upTo} ORDER BY rowid`;
  return rows.map((row) => row.id);
}

export async function decisionRunsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db.decisionRun.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, accountId: true, asset: true, status: true, reason: true, decisionTimeMs: true },
  });
  return rows.map((r) => ({ ...r, decisionTimeMs: n(r.decisionTimeMs) }));
}

export async function decisionPacketsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db.decisionRun.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, accountId: true, asset: true, decisionTimeMs: true, contextPacket: true },
  });
  return rows.map((r) => ({ ...r, decisionTimeMs: n(r.decisionTimeMs) }));
}

/** The orders naming these runs, with their fills' times (accountId narrows the scan to the runs' accounts). */
export async function ordersOfRuns(db: Db, runs: readonly { id: string; accountId: string }[]) {
  if (runs.length === 0) return [];
  const rows = await db.paperOrder.findMany({
    where: { accountId: { in: [...new Set(runs.map((r) => r.accountId))] }, decisionRunId: { in: runs.map((r) => r.id) } },
    select: { id: true, decisionRunId: true, status: true, fills: { select: { id: true, timeMs: true } } },
  });
  return rows.map((o) => ({ ...o, fills: o.fills.map((f) => ({ id: f.id, timeMs: n(f.timeMs) })) }));
}

/** The decision that opened each position: decide() opens at its decision time, on its asset. */
export async function openingDecisions(db: Db, positions: readonly { accountId: string; asset: string; openedAtMs: number }[]) {
  if (positions.length === 0) return [];
  const rows = await db.decisionRun.findMany({
    where: { OR: positions.map((p) => ({ accountId: p.accountId, asset: p.asset, decisionTimeMs: BigInt(p.openedAtMs) })), status: "ACTION" },
    select: { accountId: true, asset: true, decisionTimeMs: true, cloneVersion: true, parsedAction: true },
  });
  return rows.map((r) => ({ ...r, decisionTimeMs: n(r.decisionTimeMs) }));
}

// ---------------------------------------------------------------- orders and books

export async function orderIdsIn(db: Db, r: RowRange): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT id FROM PaperOrder WHERE rowid > ${r.after} AND rowid <= ${r.upTo} ORDER BY rowid`;
  return rows.map((row) => row.id);
}

export async function accountIdsOfOrdersIn(db: Db, r: RowRange): Promise<string[]> {
  const rows = await db.$queryRaw<{ accountId: string }[]>`SELECT DISTINCT accountId FROM PaperOrder WHERE rowid > ${r.after} AND rowid <= ${r.upTo}`;
  return rows.map((row) => row.accountId);
}

export function ordersWithFills(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.paperOrder.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true, accountId: true, decisionRunId: true, asset: true, side: true, sizeBase: true, status: true, reason: true,
      fills: { select: { id: true, accountId: true, asset: true, side: true, sizeBase: true } },
    },
  });
}

/** Paper accounts in rowid order after a cursor: the rotating slice every run also checks. */
export async function accountsAfter(db: Db, afterSeq: number, limit: number): Promise<{ seq: number; id: string }[]> {
  const rows = await db.$queryRaw<{ seq: bigint | number; id: string }[]>`SELECT rowid AS seq, id FROM PaperAccount WHERE rowid > ${afterSeq} ORDER BY rowid LIMIT ${limit}`;
  return rows.map((r) => ({ seq: n(r.seq), id: r.id }));
}

export async function fillSizeTotals(db: Db, accountIds: readonly string[]) {
  if (accountIds.length === 0) return [];
  const rows = await db.paperFill.groupBy({ by: ["accountId", "asset", "side"], where: { accountId: { in: [...accountIds] } }, _sum: { sizeBase: true } });
  return rows.map((r) => ({ accountId: r.accountId, asset: r.asset, side: r.side, sizeBase: r._sum.sizeBase ?? 0 }));
}

export async function openPositionsOf(db: Db, accountIds: readonly string[]) {
  if (accountIds.length === 0) return [];
  const rows = await db.paperPosition.findMany({
    where: { accountId: { in: [...accountIds] }, state: { not: "CLOSED" } },
    select: {
      id: true, accountId: true, asset: true, side: true, sizeBase: true, leverage: true, entryNotionalMicro: true, openedAtMs: true,
      account: { select: { cloneId: true, clone: { select: { currentVersion: true } } } },
    },
  });
  return rows.map(({ account, ...p }) => ({
    ...p, entryNotionalMicro: n(p.entryNotionalMicro), openedAtMs: n(p.openedAtMs), cloneId: account.cloneId, currentVersion: account.clone.currentVersion,
  }));
}

/** Each account's stored totals beside the sums of its positions and fills, read together. */
export async function accountBooks(db: Db, accountIds: readonly string[]) {
  if (accountIds.length === 0) return [];
  const where = { accountId: { in: [...accountIds] } };
  const [accounts, positions, fills] = await Promise.all([
    db.paperAccount.findMany({ where: { id: { in: [...accountIds] } }, select: { id: true, realizedMicro: true, feesMicro: true, fundingMicro: true } }),
    db.paperPosition.groupBy({ by: ["accountId"], where, _count: { _all: true }, _sum: { realizedPnlMicro: true, feesMicro: true, fundingMicro: true } }),
    db.paperFill.groupBy({ by: ["accountId"], where, _count: { _all: true }, _sum: { feeMicro: true } }),
  ]);
  const byPositions = new Map(positions.map((p) => [p.accountId, p]));
  const byFills = new Map(fills.map((f) => [f.accountId, f]));
  return accounts.map((a) => {
    const p = byPositions.get(a.id);
    const f = byFills.get(a.id);
    return {
      accountId: a.id,
      stored: { realizedMicro: n(a.realizedMicro), feesMicro: n(a.feesMicro), fundingMicro: n(a.fundingMicro) },
      positions: { count: p?._count._all ?? 0, realizedMicro: n(p?._sum.realizedPnlMicro), feesMicro: n(p?._sum.feesMicro), fundingMicro: n(p?._sum.fundingMicro) },
      fills: { count: f?._count._all ?? 0, feesMicro: n(f?._sum.feeMicro) },
    };
  });
}

// ---------------------------------------------------------------- scope and limits

export function cloneGraphs(db: Db, keys: readonly { cloneId: string; version: number }[]) {
  if (keys.length === 0) return Promise.resolve([]);
  return db.cloneVersion.findMany({ where: { OR: keys.map((k) => ({ cloneId: k.cloneId, version: k.version })) }, select: { cloneId: true, version: true, graph: true } });
}

export async function knownPerps(db: Db, symbols: readonly string[]): Promise<string[]> {
  if (symbols.length === 0) return [];
  const rows = await db.marketAsset.findMany({ where: { venue: "HYPERLIQUID", symbol: { in: [...symbols] } }, select: { symbol: true } });
  return rows.map((r) => r.symbol);
}

/** The global caps' rows, with when each last changed. */
export function globalLimitRows(db: Db) {
  return db.runtimeControl.findMany({ where: { key: { startsWith: "limits." } }, select: { key: true, value: true, updatedAt: true } });
}

// ---------------------------------------------------------------- workers

export async function runningLeases(db: Db) {
  const rows = await db.job.findMany({ where: { status: "RUNNING", leaseOwner: { not: null } }, select: { id: true, name: true, leaseOwner: true, leaseExpiresAt: true } });
  return rows.map((j) => ({ id: j.id, name: j.name, leaseOwner: j.leaseOwner!, leaseExpiresAtMs: j.leaseExpiresAt?.getTime() ?? null }));
}

export async function workersByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db.workerHeartbeat.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, kind: true, hostname: true, pid: true, lastHeartbeatAt: true, stoppedAt: true },
  });
  return rows.map((w) => ({ id: w.id, kind: w.kind, hostname: w.hostname, pid: w.pid, lastHeartbeatAtMs: w.lastHeartbeatAt.getTime(), stoppedAtMs: w.stoppedAt?.getTime() ?? null }));
}

// ---------------------------------------------------------------- results

export function insertAssertionResult(
  db: Db,
  r: { assertion: string; ok: boolean; message: string; details: unknown; checkedAt: Date; durationMs: number },
) {
  return db.assertionResult.create({ data: { ...r, details: JSON.stringify(r.details) }, select: { id: true } });
}

const resultSelect = { id: true, assertion: true, ok: true, message: true, details: true, checkedAt: true, durationMs: true } as const;

/** The newest result of any assertion: where the next run's windows start. */
export function latestAssertionResult(db: Db) {
  return db.assertionResult.findFirst({ orderBy: [{ checkedAt: "desc" }, { id: "desc" }], select: resultSelect });
}

/** The newest result of each named assertion (null for one never run). */
export function latestResultOf(db: Db, assertion: string) {
  return db.assertionResult.findFirst({ where: { assertion }, orderBy: [{ checkedAt: "desc" }, { id: "desc" }], select: resultSelect });
}

export async function deletePassingAssertionResultsBefore(db: Db, before: Date): Promise<number> {
  const { count } = await db.assertionResult.deleteMany({ where: { ok: true, checkedAt: { lt: before } } });
  return count;
}
