/**
 * The Job table: the only code that touches it through Prisma.
 *
 * Every write after a claim is guarded by the claim token (leaseOwner, attempts):
 * a worker whose lease expired and was taken over, even by itself in a later tick,
 * matches zero rows and so cannot overwrite the new owner's outcome.
 */
import type { Db } from "@/server/db";
import { JobStatus } from "@/server/db/generated/client";

export { JobStatus };

const jobSelect = {
  id: true,
  name: true,
  dedupeKey: true,
  payload: true,
  runAt: true,
  status: true,
  attempts: true,
  maxAttempts: true,
  leaseOwner: true,
  leaseExpiresAt: true,
  lastError: true,
  startedAt: true,
  finishedAt: true,
  createdAt: true,
} as const;

export interface JobRow {
  id: string;
  name: string;
  dedupeKey: string;
  payload: string;
  runAt: Date;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  lastError: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
}

export interface NewJob {
  name: string;
  dedupeKey: string;
  /** Already serialized JSON. */
  payload: string;
  runAt: Date;
  maxAttempts: number;
}

/** Throws a unique violation (P2002) when the dedupeKey exists. */
export async function insertJob(db: Db, job: NewJob): Promise<JobRow> {
  return db.job.create({ data: job, select: jobSelect });
}

export async function findJobById(db: Db, id: string): Promise<JobRow | null> {
  return db.job.findUnique({ where: { id }, select: jobSelect });
}

export async function findJobByDedupeKey(db: Db, dedupeKey: string): Promise<JobRow | null> {
  return db.job.findUnique({ where: { dedupeKey }, select: jobSelect });
}

export type DueJob = Pick<JobRow, "id" | "name" | "payload" | "runAt" | "status" | "attempts" | "maxAttempts">;

/** Pending jobs whose time has come and running jobs whose worker's lease ran out. */
export async function findDueJobs(db: Db, now: Date, limit: number): Promise<DueJob[]> {
  return db.job.findMany({
    where: {
      OR: [
        { status: JobStatus.PENDING, runAt: { lte: now } },
        { status: JobStatus.RUNNING, leaseExpiresAt: { lt: now } },
      ],
    },
    orderBy: [{ runAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, name: true, payload: true, runAt: true, status: true, attempts: true, maxAttempts: true },
  });
}

export interface ClaimParams {
  id: string;
  expectedStatus: JobStatus;
  expectedAttempts: number;
  workerId: string;
  leaseUntil: Date;
  now: Date;
}

/**
 * Compare-and-set: wins only if the job is still as the caller saw it. A RUNNING
 * job can only be taken while its lease is expired, so an owner that renewed in
 * the meantime keeps it.
 */
export async function claimJob(db: Db, p: ClaimParams): Promise<boolean> {
  const leaseGuard = p.expectedStatus === JobStatus.RUNNING ? { leaseExpiresAt: { lt: p.now } } : {};
  const { count } = await db.job.updateMany({
    where: { id: p.id, status: p.expectedStatus, attempts: p.expectedAttempts, ...leaseGuard },
    data: {
      status: JobStatus.RUNNING,
      attempts: p.expectedAttempts + 1,
      leaseOwner: p.workerId,
      leaseExpiresAt: p.leaseUntil,
      startedAt: p.now,
      finishedAt: null,
    },
  });
  return count === 1;
}

/** Who holds a job right now: the worker and the attempt number it claimed. */
export interface ClaimToken {
  id: string;
  workerId: string;
  attempt: number;
}

function owned(t: ClaimToken) {
  return { id: t.id, status: JobStatus.RUNNING, leaseOwner: t.workerId, attempts: t.attempt };
}

export async function renewLease(db: Db, t: ClaimToken & { leaseUntil: Date }): Promise<boolean> {
  const { count } = await db.job.updateMany({ where: owned(t), data: { leaseExpiresAt: t.leaseUntil } });
  return count === 1;
}

export async function completeJob(db: Db, t: ClaimToken & { now: Date }): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: owned(t),
    data: { status: JobStatus.SUCCEEDED, finishedAt: t.now, leaseOwner: null, leaseExpiresAt: null },
  });
  return count === 1;
}

/** The job will not be tried again. */
export async function failJob(db: Db, t: ClaimToken & { now: Date; error: string }): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: owned(t),
    data: { status: JobStatus.FAILED, finishedAt: t.now, lastError: t.error, leaseOwner: null, leaseExpiresAt: null },
  });
  return count === 1;
}

/** Back to PENDING for another attempt at `runAt`. */
export async function rescheduleJob(db: Db, t: ClaimToken & { runAt: Date; error: string }): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: owned(t),
    data: { status: JobStatus.PENDING, runAt: t.runAt, lastError: t.error, leaseOwner: null, leaseExpiresAt: null },
  });
  return count === 1;
}

/**
 * A RUNNING job whose lease expired after its last allowed attempt: its worker
 * died mid-run, and claiming it again would exceed maxAttempts.
 */
export async function failAbandonedJob(
  db: Db,
  p: { id: string; expectedAttempts: number; now: Date; error: string },
): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: { id: p.id, status: JobStatus.RUNNING, attempts: p.expectedAttempts, leaseExpiresAt: { lt: p.now } },
    data: { status: JobStatus.FAILED, finishedAt: p.now, lastError: p.error, leaseOwner: null, leaseExpiresAt: null },
  });
  return count === 1;
}

export async function listRecentJobs(
  db: Db,
  opts: { limit?: number; status?: JobStatus; name?: string } = {},
): Promise<JobRow[]> {
  return db.job.findMany({
    where: { status: opts.status, name: opts.name },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit ?? 50,
    select: jobSelect,
  });
}

export async function countJobsByStatus(db: Db, opts: { name?: string } = {}): Promise<Record<JobStatus, number>> {
  const groups = await db.job.groupBy({ by: ["status"], where: { name: opts.name }, _count: { _all: true } });
  const counts: Record<JobStatus, number> = { PENDING: 0, RUNNING: 0, SUCCEEDED: 0, FAILED: 0 };
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}

/** Succeeded jobs that finished before `before`: history nobody needs once old. */
export async function deleteSucceededBefore(db: Db, before: Date): Promise<number> {
  const { count } = await db.job.deleteMany({ where: { status: JobStatus.SUCCEEDED, finishedAt: { lt: before } } });
  return count;
}
