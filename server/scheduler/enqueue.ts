/**
 * Adding work for the scheduler. Idempotent by dedupeKey: the same logical unit of
 * work (a recurring slot, an event id) enqueued twice, even by two processes at
 * once, yields one job.
 */
import { randomUUID } from "node:crypto";
import { systemClock, type Clock } from "@/lib/domain/clock";
import { DomainError } from "@/lib/domain/errors";
import { isUniqueViolation, type Db } from "@/server/db";
import { findJobByDedupeKey, insertJob, type JobRow } from "@/server/repositories/jobs";

/** Same as the schema's default. */
export const DEFAULT_MAX_ATTEMPTS = 5;

export interface EnqueueJobInput {
  name: string;
  /** Anything JSON can carry; the handler receives it parsed back. */
  payload?: unknown;
  /** Defaults to now: due at the next tick. */
  runAt?: Date;
  /** Defaults to a fresh random key, i.e. no deduplication. */
  dedupeKey?: string;
  maxAttempts?: number;
}

export interface EnqueuedJob {
  job: JobRow;
  /** False when a job with this dedupeKey already existed and was returned instead. */
  created: boolean;
}

export async function enqueueJob(db: Db, input: EnqueueJobInput, clock: Clock = systemClock): Promise<EnqueuedJob> {
  const name = input.name.trim();
  if (name === "") throw new DomainError("VALIDATION_FAILED", "a job needs a name", "name");
  const maxAttempts = input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new DomainError("VALIDATION_FAILED", "maxAttempts must be an integer >= 1", "maxAttempts");
  }
  const payload = JSON.stringify(input.payload ?? {});
  // JSON.stringify returns undefined for functions and symbols
  if (typeof payload !== "string") throw new DomainError("VALIDATION_FAILED", "payload must be JSON", "payload");
  const dedupeKey = input.dedupeKey ?? `${name}:${randomUUID()}`;

  const existing = await findJobByDedupeKey(db, dedupeKey);
  if (existing) return { job: existing, created: false };
  try {
    const job = await insertJob(db, { name, dedupeKey, payload, runAt: input.runAt ?? clock.now(), maxAttempts });
    return { job, created: true };
  } catch (e) {
    // Another process inserted the same key between our read and our write.
    if (!isUniqueViolation(e)) throw e;
    const winner = await findJobByDedupeKey(db, dedupeKey);
    if (!winner) throw e;
    return { job: winner, created: false };
  }
}
