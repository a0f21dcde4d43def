/**
 * Leases on decision slots and the runner's per-pair state. Claims are single
 * statements (SQLite runs one writer at a time, so a statement is atomic across
 * processes): an INSERT of new slots that skips existing ones, and a takeover of
 * expired leases or due retries guarded by their status. Batches travel as one
 * JSON parameter unpacked with json_each (see bulk-upsert.ts for why).
 */
import type { Db } from "@/server/db";

export interface SlotRequest {
  accountId: string;
  cloneId: string;
  asset: string;
  slotMs: number;
}

export interface ClaimedSlot extends SlotRequest {
  id: string;
  attempts: number;
}

interface ClaimRow {
  id: string;
  accountId: string;
  cloneId: string;
  asset: string;
  slotMs: bigint | number;
  attempts: bigint | number;
}

const toClaimed = (r: ClaimRow): ClaimedSlot => ({ id: r.id, accountId: r.accountId, cloneId: r.cloneId, asset: r.asset, slotMs: Number(r.slotMs), attempts: Number(r.attempts) });

/** @param p.retryNow take over slots waiting to retry before their backoff ends (Inngest retries on its own schedule) */
export async function claimSlots(db: Db, p: { slots: readonly SlotRequest[]; owner: string; now: number; leaseMs: number; retryNow?: boolean }): Promise<ClaimedSlot[]> {
  if (p.slots.length === 0) return [];
  const json = JSON.stringify(p.slots.map((s) => [s.accountId, s.cloneId, s.asset, s.slotMs]));
  const expires = p.now + p.leaseMs;
  const inserted = await db.$queryRawUnsafe<ClaimRow[]>(
    `INSERT INTO "DecisionSlot" ("id", "accountId", "cloneId", "asset", "slotMs", "status", "attempts", "leaseOwner", "leaseExpiresMs", "createdAtMs", "updatedAtMs")
     SELECT 's' || lower(hex(randomblob(12))), value ->> 0, value ->> 1, value ->> 2, value ->> 3, 'LEASED', 1, ?, ?, ?, ?
     FROM json_each(?) WHERE true
     ON CONFLICT ("accountId", "asset", "slotMs") DO NOTHING
     RETURNING "id", "accountId", "cloneId", "asset", "slotMs", "attempts"`,
    p.owner, expires, p.now, p.now, json,
  );
  const taken = await db.$queryRawUnsafe<ClaimRow[]>(
    `UPDATE "DecisionSlot" SET "status" = 'LEASED', "attempts" = "attempts" + 1, "leaseOwner" = ?, "leaseExpiresMs" = ?, "updatedAtMs" = ?
     WHERE (("status" = 'LEASED' AND "leaseExpiresMs" < ?) OR ("status" = 'RETRY' AND "nextAttemptMs" <= ?))
       AND ("accountId", "asset", "slotMs") IN (SELECT value ->> 0, value ->> 2, value ->> 3 FROM json_each(?))
     RETURNING "id", "accountId", "cloneId", "asset", "slotMs", "attempts"`,
    p.owner, expires, p.now, p.now, p.retryNow ? Number.MAX_SAFE_INTEGER : p.now, json,
  );
  return [...inserted, ...taken].map(toClaimed);
}

/** Marks slots done; only the lease holder's rows change (a lease lost to another worker stays theirs). */
export function completeSlots(db: Db, p: { done: readonly { id: string; decisionRunId: string | null }[]; owner: string; now: number }) {
  if (p.done.length === 0) return Promise.resolve(0);
  return db.$executeRawUnsafe(
    `UPDATE "DecisionSlot" SET "status" = 'DONE', "decisionRunId" = j.value ->> 1, "leaseExpiresMs" = NULL, "lastError" = NULL, "updatedAtMs" = ?
     FROM json_each(?) AS j WHERE "DecisionSlot"."id" = j.value ->> 0 AND "leaseOwner" = ? AND "status" = 'LEASED'`,
    p.now, JSON.stringify(p.done.map((d) => [d.id, d.decisionRunId])), p.owner,
  );
}

export function failSlot(db: Db, p: { id: string; owner: string; now: number; status: "RETRY" | "FAILED"; nextAttemptMs: number | null; error: string }) {
  return db.decisionSlot.updateMany({
    where: { id: p.id, leaseOwner: p.owner, status: "LEASED" },
    data: { status: p.status, nextAttemptMs: p.nextAttemptMs, leaseExpiresMs: null, lastError: p.error.slice(0, 2_000), updatedAtMs: p.now },
  });
}

export function findRunnerState(db: Db, accountId: string, asset: string) {
  return db.runnerState.findUnique({ where: { accountId_asset: { accountId, asset } } });
}

export function saveRunnerState(
  db: Db,
  p: { accountId: string; asset: string; cloneId: string; status: string; consecutiveFailures: number; lastError: string; now: number; slotMs: number },
) {
  const data = { cloneId: p.cloneId, status: p.status, consecutiveFailures: p.consecutiveFailures, lastError: p.lastError.slice(0, 2_000), lastErrorMs: p.now, lastSlotMs: p.slotMs, updatedAtMs: p.now };
  return db.runnerState.upsert({ where: { accountId_asset: { accountId: p.accountId, asset: p.asset } }, create: { accountId: p.accountId, asset: p.asset, ...data }, update: data });
}

/** A decided slot clears a FAILING pair's count (one statement for the whole tick; OK rows are untouched). */
export function clearFailing(db: Db, p: { pairs: readonly { accountId: string; asset: string }[]; now: number }) {
  if (p.pairs.length === 0) return Promise.resolve(0);
  return db.$executeRawUnsafe(
    `UPDATE "RunnerState" SET "status" = 'OK', "consecutiveFailures" = 0, "updatedAtMs" = ?
     WHERE "status" = 'FAILING' AND ("accountId", "asset") IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))`,
    p.now, JSON.stringify(p.pairs.map((x) => [x.accountId, x.asset])),
  );
}

export function stoppedPairs(db: Db) {
  return db.runnerState.findMany({ where: { status: "FAILED" }, select: { accountId: true, asset: true } });
}

export function runnerStatesOfClone(db: Db, cloneId: string) {
  return db.runnerState.findMany({ where: { cloneId }, orderBy: [{ accountId: "asc" }, { asset: "asc" }] });
}

export function listTroubledRunners(db: Db) {
  return db.runnerState.findMany({ where: { status: { not: "OK" } }, orderBy: { updatedAtMs: "desc" }, take: 100 });
}

export function resumePairs(db: Db, p: { cloneId: string; now: number }) {
  return db.runnerState.updateMany({ where: { cloneId: p.cloneId, status: { not: "OK" } }, data: { status: "OK", consecutiveFailures: 0, updatedAtMs: p.now } });
}
