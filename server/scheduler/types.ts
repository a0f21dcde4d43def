import type { Clock } from "@/lib/domain/clock";

export interface JobContext {
  jobId: string;
  name: string;
  /** 1 on the first attempt. */
  attempt: number;
  workerId: string;
  clock: Clock;
  /**
   * Aborted when this worker learns it lost the job's lease (another worker took
   * it over). Long handlers may check it to stop early; their result would not be
   * recorded anyway.
   */
  signal: AbortSignal;
}

/** Throwing (or rejecting) makes the attempt fail; it is retried with backoff. */
export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;

export interface RecurringJob {
  name: string;
  everyMs: number;
  payload?: Record<string, unknown>;
  maxAttempts?: number;
}

export interface TickResult {
  /** Jobs this worker claimed and handled in the tick, whatever the outcome. */
  ran: number;
  /** Of those, the ones whose attempt failed (retried later or marked FAILED). */
  failed: number;
}

export type SchedulerLogger = Pick<Console, "info" | "warn" | "error">;

/**
 * Work every worker runs on its own timer, not claimed as a job: the decision
 * runner, whose slots carry their own leases so that workers share the load
 * instead of one worker taking the whole minute.
 */
export interface WorkerTask {
  name: string;
  everyMs: number;
  run(ctx: { workerId: string; clock: Clock }): Promise<void>;
}
