export { EmbeddedScheduler, type EmbeddedSchedulerOptions } from "./scheduler";
export { enqueueJob, DEFAULT_MAX_ATTEMPTS, type EnqueueJobInput, type EnqueuedJob } from "./enqueue";
export { createWorkerId } from "./worker-id";
export type { JobContext, JobHandler, RecurringJob, SchedulerLogger, TickResult, WorkerTask } from "./types";
