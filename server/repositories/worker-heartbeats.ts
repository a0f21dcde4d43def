/**
 * One row per scheduler worker: when it started, when it was last alive, whether
 * it stopped cleanly, and how many jobs it finished. The admin worker-health page
 * reads it; a worker whose lastHeartbeatAt is old and stoppedAt empty has died.
 */
import type { Db } from "@/server/db";

export interface WorkerRow {
  id: string;
  kind: string;
  hostname: string;
  pid: number;
  startedAt: Date;
  lastHeartbeatAt: Date;
  stoppedAt: Date | null;
  jobsSucceeded: number;
  jobsFailed: number;
}

const workerSelect = {
  id: true,
  kind: true,
  hostname: true,
  pid: true,
  startedAt: true,
  lastHeartbeatAt: true,
  stoppedAt: true,
  jobsSucceeded: true,
  jobsFailed: true,
} as const;

export interface HeartbeatParams {
  id: string;
  kind: string;
  hostname: string;
  pid: number;
  startedAt: Date;
  now: Date;
}

export async function upsertHeartbeat(db: Db, p: HeartbeatParams): Promise<void> {
  await db.workerHeartbeat.upsert({
    where: { id: p.id },
    create: { id: p.id, kind: p.kind, hostname: p.hostname, pid: p.pid, startedAt: p.startedAt, lastHeartbeatAt: p.now },
    update: { lastHeartbeatAt: p.now, stoppedAt: null },
    select: { id: true },
  });
}

export async function markStopped(db: Db, id: string, now: Date): Promise<void> {
  await db.workerHeartbeat.updateMany({ where: { id }, data: { stoppedAt: now, lastHeartbeatAt: now } });
}

/** Also counts as a heartbeat. */
export async function incrementCounters(
  db: Db,
  id: string,
  p: { succeeded: number; failed: number; now: Date },
): Promise<void> {
  await db.workerHeartbeat.updateMany({
    where: { id },
    data: {
      jobsSucceeded: { increment: p.succeeded },
      jobsFailed: { increment: p.failed },
      lastHeartbeatAt: p.now,
    },
  });
}

export async function findWorker(db: Db, id: string): Promise<WorkerRow | null> {
  return db.workerHeartbeat.findUnique({ where: { id }, select: workerSelect });
}

/** Most recently alive first. */
export async function listWorkers(db: Db, opts: { limit?: number } = {}): Promise<WorkerRow[]> {
  return db.workerHeartbeat.findMany({
    orderBy: [{ lastHeartbeatAt: "desc" }, { id: "asc" }],
    take: opts.limit ?? 50,
    select: workerSelect,
  });
}
