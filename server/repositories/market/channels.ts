import type { Db } from "@/server/db";
import type { AlertKind } from "@/server/db/generated/client";

export interface ChannelKey {
  id: string;
  source: string;
  dataset: string;
  assetKey: string;
  staleAfterMs: number;
}

const channelFields = {
  id: true,
  source: true,
  dataset: true,
  assetKey: true,
  staleAfterMs: true,
  createdAt: true,
  lastAttemptAt: true,
  lastSuccessAt: true,
  lastErrorAt: true,
  lastError: true,
  consecutiveFailures: true,
  rowsWritten: true,
  lastDataTimeMs: true,
  cursorMs: true,
  retiredAt: true,
} as const;

export function ensureChannel(db: Db, c: ChannelKey) {
  return db.ingestionChannel.upsert({
    where: { id: c.id },
    create: c,
    update: {},
    select: channelFields,
  });
}

export function findChannel(db: Db, id: string) {
  return db.ingestionChannel.findUnique({ where: { id }, select: channelFields });
}

/** Channels being watched (retired ones only when asked). */
export function listChannels(db: Db, opts: { source?: string; includeRetired?: boolean } = {}) {
  return db.ingestionChannel.findMany({
    where: { ...(opts.source ? { source: opts.source } : {}), ...(opts.includeRetired ? {} : { retiredAt: null }) },
    orderBy: [{ source: "asc" }, { assetKey: "asc" }, { dataset: "asc" }],
    select: channelFields,
  });
}

export function retireChannel(db: Db, id: string, now: Date) {
  return db.ingestionChannel.updateMany({ where: { id, retiredAt: null }, data: { retiredAt: now } });
}

export function markSuccess(db: Db, id: string, p: { now: Date; rows: number; lastDataTimeMs: number | null }) {
  return db.ingestionChannel.update({
    where: { id },
    data: {
      lastAttemptAt: p.now,
      lastSuccessAt: p.now,
      consecutiveFailures: 0,
      rowsWritten: { increment: BigInt(p.rows) },
      ...(p.lastDataTimeMs !== null ? { lastDataTimeMs: BigInt(p.lastDataTimeMs) } : {}),
    },
    select: { id: true },
  });
}

export function markFailure(db: Db, id: string, p: { now: Date; error: string }) {
  return db.ingestionChannel.update({
    where: { id },
    data: { lastAttemptAt: p.now, lastErrorAt: p.now, lastError: p.error, consecutiveFailures: { increment: 1 } },
    select: { id: true, consecutiveFailures: true },
  });
}

export function setCursor(db: Db, id: string, cursorMs: number | null) {
  return db.ingestionChannel.update({ where: { id }, data: { cursorMs: cursorMs === null ? null : BigInt(cursorMs) }, select: { id: true } });
}

/** A retry asked for by an operator: the failure count restarts and the next run tries at once. */
export function resetFailures(db: Db, id: string) {
  return db.ingestionChannel.update({ where: { id }, data: { consecutiveFailures: 0 }, select: { id: true } });
}

// ---- gaps -------------------------------------------------------------------

export async function insertGaps(db: Db, channelId: string, gaps: readonly { fromMs: number; toMs: number }[]) {
  for (const g of gaps) {
    await db.feedGap.upsert({
      where: { channelId_fromMs: { channelId, fromMs: BigInt(g.fromMs) } },
      create: { channelId, fromMs: BigInt(g.fromMs), toMs: BigInt(g.toMs) },
      update: { toMs: BigInt(g.toMs), filledAt: null },
    });
  }
}

/** Open gaps overlapping [fromMs, toMs). */
export async function openGapsOverlapping(db: Db, channelId: string, fromMs: number, toMs: number) {
  const rows = await db.feedGap.findMany({
    where: { channelId, filledAt: null, fromMs: { lt: BigInt(toMs) }, toMs: { gt: BigInt(fromMs) } },
    select: { id: true, fromMs: true, toMs: true },
  });
  return rows.map((g) => ({ id: g.id, fromMs: Number(g.fromMs), toMs: Number(g.toMs) }));
}

export function closeGaps(db: Db, ids: string[], now: Date) {
  return db.feedGap.updateMany({ where: { id: { in: ids } }, data: { filledAt: now } });
}

export async function listOpenGaps(db: Db, channelId?: string, take = 200) {
  const rows = await db.feedGap.findMany({
    where: { filledAt: null, ...(channelId ? { channelId } : {}) },
    orderBy: [{ channelId: "asc" }, { fromMs: "asc" }],
    take,
    select: { id: true, channelId: true, fromMs: true, toMs: true, detectedAt: true },
  });
  return rows.map((g) => ({ ...g, fromMs: Number(g.fromMs), toMs: Number(g.toMs) }));
}

export async function countOpenGapsByChannel(db: Db) {
  const groups = await db.feedGap.groupBy({ by: ["channelId"], where: { filledAt: null }, _count: { _all: true } });
  return new Map(groups.map((g) => [g.channelId, g._count._all]));
}

// ---- errors -----------------------------------------------------------------

export function insertError(db: Db, channelId: string, message: string, at: Date) {
  return db.ingestionError.create({ data: { channelId, message: message.slice(0, 1000), at }, select: { id: true } });
}

export function recentErrors(db: Db, opts: { channelId?: string; take?: number } = {}) {
  return db.ingestionError.findMany({
    where: opts.channelId ? { channelId: opts.channelId } : {},
    orderBy: { at: "desc" },
    take: opts.take ?? 50,
    select: { id: true, channelId: true, at: true, message: true },
  });
}

// ---- alerts -----------------------------------------------------------------

/** Opens an alert unless the same channel already has one of this kind open. */
export async function openAlert(db: Db, p: { channelId: string; kind: AlertKind; message: string; now: Date }) {
  const openKey = `${p.channelId}|${p.kind}`;
  const existing = await db.ingestionAlert.findUnique({ where: { openKey }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const created = await db.ingestionAlert.create({
    data: { channelId: p.channelId, kind: p.kind, message: p.message, openedAt: p.now, openKey },
    select: { id: true },
  });
  return { id: created.id, created: true };
}

/** Resolves the channel's open alerts whose kind is not in `keep`. */
export function resolveAlerts(db: Db, channelId: string, keep: AlertKind[], now: Date) {
  return db.ingestionAlert.updateMany({
    where: { channelId, resolvedAt: null, kind: { notIn: keep } },
    data: { resolvedAt: now, openKey: null },
  });
}

export function markAlertNotified(db: Db, id: string, p: { at: Date; error: string | null }) {
  return db.ingestionAlert.update({ where: { id }, data: { notifiedAt: p.at, notifyError: p.error }, select: { id: true } });
}

export function listAlerts(db: Db, opts: { open?: boolean; take?: number } = {}) {
  return db.ingestionAlert.findMany({
    where: opts.open ? { resolvedAt: null } : {},
    orderBy: { openedAt: "desc" },
    take: opts.take ?? 50,
    select: { id: true, channelId: true, kind: true, message: true, openedAt: true, resolvedAt: true, notifiedAt: true, notifyError: true },
  });
}
