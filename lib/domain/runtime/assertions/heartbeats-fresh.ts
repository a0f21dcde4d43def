/**
 * heartbeats-fresh: no dead worker holds work.
 *
 * Definition: every worker that holds a RUNNING job's lease (Job.leaseOwner) has
 * shown a sign of life within 90 s: its heartbeat row (WorkerHeartbeat), or a lease
 * it holds that has not expired yet. The lease counts because the embedded
 * scheduler writes its heartbeat only at the start of a tick, while a running job
 * renews its lease every third of the lease length (server/scheduler/run-job.ts):
 * a live worker in a job longer than 90 s has an old heartbeat and a live lease; a
 * dead one stops renewing, and its lease runs out within the lease length.
 * A dead worker that holds no job is not an incident (the admin worker page shows
 * it); one that holds a job is, until another worker takes the expired lease over.
 */
import { isoTime, outcome, type AssertionOutcome, type Problem } from "./outcome";

export const HEARTBEAT_MAX_AGE_MS = 90_000;

export interface LeasedJobRow {
  id: string;
  name: string;
  leaseOwner: string;
  leaseExpiresAtMs: number | null;
}

export interface WorkerRow {
  id: string;
  kind: string;
  hostname: string;
  pid: number;
  lastHeartbeatAtMs: number;
  stoppedAtMs: number | null;
}

const age = (ms: number) => (ms < 120_000 ? `${Math.round(ms / 1000)} s` : ms < 7_200_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 3_600_000)} h`);

export function checkHeartbeatsFresh(input: {
  nowMs: number;
  jobs: readonly LeasedJobRow[];
  workers: readonly WorkerRow[];
  maxAgeMs?: number;
}): AssertionOutcome {
  const maxAge = input.maxAgeMs ?? HEARTBEAT_MAX_AGE_MS;
  const workers = new Map(input.workers.map((w) => [w.id, w]));
  const jobsByOwner = new Map<string, LeasedJobRow[]>();
  for (const j of input.jobs) jobsByOwner.set(j.leaseOwner, [...(jobsByOwner.get(j.leaseOwner) ?? []), j]);

  const problems: Problem[] = [];
  for (const [owner, jobs] of jobsByOwner) {
    if (jobs.some((j) => j.leaseExpiresAtMs !== null && j.leaseExpiresAtMs > input.nowMs)) continue;
    const w = workers.get(owner);
    if (w && input.nowMs - w.lastHeartbeatAtMs <= maxAge) continue;
    const job = jobs[0]!;
    const holds = `holds RUNNING job ${job.id} (${job.name})${jobs.length > 1 ? ` and ${jobs.length - 1} more` : ""}`;
    const lease = job.leaseExpiresAtMs === null ? "its lease has no expiry" : `its lease expired at ${isoTime(job.leaseExpiresAtMs)}`;
    const record = { workerId: owner, jobId: job.id, jobName: job.name, jobs: jobs.length, lastHeartbeatAt: w ? isoTime(w.lastHeartbeatAtMs) : null, leaseExpiresAt: job.leaseExpiresAtMs === null ? null : isoTime(job.leaseExpiresAtMs) };
    if (!w) {
      problems.push({ message: `worker ${owner} ${holds} but has never written a heartbeat, and ${lease}`, record });
      continue;
    }
    const stopped = w.stoppedAtMs === null ? "" : `, stopped at ${isoTime(w.stoppedAtMs)}`;
    problems.push({
      message: `worker ${owner} (${w.kind} on ${w.hostname} pid ${w.pid}${stopped}) ${holds} but its last heartbeat was ${age(input.nowMs - w.lastHeartbeatAtMs)} ago at ${isoTime(w.lastHeartbeatAtMs)}, and ${lease}`,
      record,
    });
  }
  return outcome(jobsByOwner.size, problems);
}
