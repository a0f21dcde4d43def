/**
 * The runner's health per clone, for the creator (their clone page) and admins
 * (the runtime page): pairs that are failing or stopped, and the way back.
 */
import { DomainError } from "@/lib/domain/errors";
import type { Db } from "@/server/db";
import { findClone } from "@/server/repositories/clones";
import { listTroubledRunners, resumePairs, runnerStatesOfClone } from "@/server/repositories/decision-slots";

const view = (r: { accountId: string; asset: string; cloneId: string; status: string; consecutiveFailures: number; lastError: string | null; lastErrorMs: bigint | null }) => ({
  accountId: r.accountId, asset: r.asset, cloneId: r.cloneId, status: r.status as "OK" | "FAILING" | "FAILED",
  consecutiveFailures: r.consecutiveFailures, lastError: r.lastError, lastErrorAt: r.lastErrorMs === null ? null : Number(r.lastErrorMs),
});

async function authorize(db: Db, p: { cloneId: string; viewerId: string; isAdmin: boolean }) {
  const clone = await findClone(db, p.cloneId);
  if (!clone || (!p.isAdmin && clone.ownerId !== p.viewerId)) throw new DomainError("NOT_FOUND", `No clone ${p.cloneId}`, "cloneId");
  return clone;
}

export async function runnerHealthOfClone(db: Db, p: { cloneId: string; viewerId: string; isAdmin: boolean }) {
  await authorize(db, p);
  return (await runnerStatesOfClone(db, p.cloneId)).filter((r) => r.status !== "OK").map(view);
}

export async function troubledRunners(db: Db) {
  return (await listTroubledRunners(db)).map(view);
}

/** Clears a clone's failing and stopped pairs: the next tick decides them again. */
export async function resumeRunner(db: Db, p: { cloneId: string; viewerId: string; isAdmin: boolean; now: number }) {
  await authorize(db, p);
  const { count } = await resumePairs(db, { cloneId: p.cloneId, now: p.now });
  return { resumed: count };
}
