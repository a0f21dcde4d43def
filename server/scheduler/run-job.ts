/**
 * One due job, start to finish: claim it by compare-and-set, run its handler under
 * a lease that is renewed while it runs, then record the outcome guarded by the
 * claim token so a worker that lost the lease cannot overwrite anything.
 */
import type { Clock } from "@/lib/domain/clock";
import { retryDelayMs, type BackoffPolicy, type RandomSource } from "@/lib/domain/scheduling/backoff";
import { isBusyError, type PrismaClient } from "@/server/db";
import {
  JobStatus,
  claimJob,
  completeJob,
  failAbandonedJob,
  failJob,
  renewLease,
  rescheduleJob,
  type ClaimToken,
  type DueJob,
} from "@/server/repositories/jobs";
import { retryOnBusy } from "./busy-retry";
import type { JobHandler, SchedulerLogger } from "./types";

export interface RunJobDeps {
  db: PrismaClient;
  handlers: Record<string, JobHandler>;
  clock: Clock;
  workerId: string;
  leaseMs: number;
  renewEveryMs: number;
  backoff: BackoffPolicy;
  random: RandomSource;
  logger: SchedulerLogger;
}

/** skipped: another worker had it first (or the database was busy); lost: ran, but the lease was lost. */
export type RunOutcome = "succeeded" | "failed" | "skipped" | "lost";

const MAX_ERROR_LENGTH = 4_000;

export async function runDueJob(deps: RunJobDeps, job: DueJob): Promise<RunOutcome> {
  const { db, clock, workerId, logger } = deps;
  const now = clock.now();

  if (job.status === JobStatus.RUNNING && job.attempts >= job.maxAttempts) {
    const error = `worker lease expired during the last attempt (${job.attempts}/${job.maxAttempts}); the worker probably crashed`;
    const won = await retryOnBusy(() => failAbandonedJob(db, { id: job.id, expectedAttempts: job.attempts, now, error }));
    return won ? "failed" : "skipped";
  }

  const leaseUntil = new Date(now.getTime() + deps.leaseMs);
  let won: boolean;
  try {
    won = await claimJob(db, { id: job.id, expectedStatus: job.status, expectedAttempts: job.attempts, workerId, leaseUntil, now });
  } catch (e) {
    if (!isBusyError(e)) throw e;
    logger.warn(`[scheduler] database busy while claiming job ${job.id}; retrying next tick`);
    return "skipped";
  }
  if (!won) return "skipped";

  const token: ClaimToken = { id: job.id, workerId, attempt: job.attempts + 1 };
  const handler = Object.hasOwn(deps.handlers, job.name) ? deps.handlers[job.name] : undefined;
  if (!handler) {
    return finishFailed(deps, job, token, `no handler is registered for job name "${job.name}"`, false);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(job.payload);
  } catch {
    return finishFailed(deps, job, token, "the job's payload is not valid JSON", false);
  }

  const controller = new AbortController();
  const stopRenewing = keepLease(deps, token, controller);
  let failure: unknown;
  let threw = false;
  try {
    await handler(payload, { jobId: job.id, name: job.name, attempt: token.attempt, workerId, clock, signal: controller.signal });
  } catch (e) {
    threw = true;
    failure = e;
  } finally {
    await stopRenewing();
  }

  if (threw) return finishFailed(deps, job, token, describeError(failure), true);
  const recorded = await retryOnBusy(() => completeJob(db, { ...token, now: clock.now() }));
  if (!recorded) return lost(deps, token);
  return "succeeded";
}

async function finishFailed(
  deps: RunJobDeps,
  job: DueJob,
  token: ClaimToken,
  error: string,
  retryable: boolean,
): Promise<RunOutcome> {
  const now = deps.clock.now();
  const lastAttempt = !retryable || token.attempt >= job.maxAttempts;
  const runAt = new Date(now.getTime() + retryDelayMs(token.attempt, deps.backoff, deps.random));
  const recorded = await retryOnBusy(() =>
    lastAttempt ? failJob(deps.db, { ...token, now, error }) : rescheduleJob(deps.db, { ...token, runAt, error }),
  );
  if (!recorded) return lost(deps, token);
  const what = lastAttempt ? "failed for good" : "will be retried";
  deps.logger.warn(`[scheduler] job ${job.name} ${job.id} attempt ${token.attempt}/${job.maxAttempts} ${what}: ${error}`);
  return "failed";
}

function lost(deps: RunJobDeps, token: ClaimToken): RunOutcome {
  deps.logger.warn(
    `[scheduler] lost the lease on job ${token.id} (attempt ${token.attempt}) before it finished; its outcome was not recorded`,
  );
  return "lost";
}

/** Renews the lease every renewEveryMs until the returned function is called. */
function keepLease(deps: RunJobDeps, token: ClaimToken, controller: AbortController): () => Promise<void> {
  let inFlight: Promise<void> | undefined;
  const renew = async () => {
    try {
      const leaseUntil = new Date(deps.clock.now().getTime() + deps.leaseMs);
      if (!(await renewLease(deps.db, { ...token, leaseUntil }))) controller.abort(new Error("lease lost"));
    } catch (e) {
      // A missed renewal is not fatal: the lease is several renewals long.
      deps.logger.warn(`[scheduler] could not renew the lease on job ${token.id}: ${describeError(e)}`);
    }
  };
  const timer = setInterval(() => {
    if (!inFlight && !controller.signal.aborted) inFlight = renew().finally(() => (inFlight = undefined));
  }, deps.renewEveryMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await inFlight;
  };
}

export function describeError(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
