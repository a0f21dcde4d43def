/**
 * The embedded scheduler: background work without an Inngest server. Due jobs
 * live in the Job table; a worker claims one by compare-and-set and holds a lease
 * in the database, so any number of processes on the same database never run the
 * same job at once. Delivery is at-least-once: a crashed worker's job runs again
 * once its lease expires, so handlers must be idempotent.
 */
import os from "node:os";
import { systemClock, type Clock } from "@/lib/domain/clock";
import { DomainError } from "@/lib/domain/errors";
import { DEFAULT_BACKOFF, type BackoffPolicy, type RandomSource } from "@/lib/domain/scheduling/backoff";
import { recurringSlot, validateRecurring } from "@/lib/domain/scheduling/recurring";
import { isBusyError, type PrismaClient } from "@/server/db";
import { findDueJobs } from "@/server/repositories/jobs";
import { incrementCounters, markStopped, upsertHeartbeat } from "@/server/repositories/worker-heartbeats";
import { HEARTBEAT_MAX_AGE_MS } from "@/lib/domain/runtime/assertions/heartbeats-fresh";

/** How often a worker beats while a pass runs: three beats fit in the age the heartbeats-fresh assertion allows. */
export const HEARTBEAT_EVERY_MS = HEARTBEAT_MAX_AGE_MS / 3;
import { enqueueJob } from "./enqueue";
import { describeError, runDueJob, type RunJobDeps } from "./run-job";
import type { JobHandler, RecurringJob, SchedulerLogger, TickResult, WorkerTask } from "./types";
import { createWorkerId } from "./worker-id";

export interface EmbeddedSchedulerOptions {
  db: PrismaClient;
  handlers: Record<string, JobHandler>;
  recurring?: RecurringJob[];
  /** run by this worker every `everyMs`, besides the jobs it claims */
  tasks?: WorkerTask[];
  clock?: Clock;
  workerId?: string;
  /** The heartbeat row's kind; "embedded" by default. */
  kind?: string;
  /** Pause between ticks when the last tick found less than a full batch. */
  pollMs?: number;
  /** How long a claim lasts without renewal; a crashed worker's job waits this long. */
  leaseMs?: number;
  /** Defaults to a third of leaseMs, so two renewals can be missed. */
  renewEveryMs?: number;
  /** Due jobs read per tick. */
  batchSize?: number;
  /** How often the heartbeat is written while a pass runs (default HEARTBEAT_EVERY_MS). */
  heartbeatEveryMs?: number;
  backoff?: BackoffPolicy;
  random?: RandomSource;
  /** Keep the Node process alive while started (a dedicated worker process). */
  keepAlive?: boolean;
  logger?: SchedulerLogger;
}

export class EmbeddedScheduler {
  readonly workerId: string;
  private readonly db: PrismaClient;
  private readonly recurring: RecurringJob[];
  private readonly tasks: WorkerTask[];
  private readonly taskLastRun = new Map<string, number>();
  private readonly clock: Clock;
  private readonly kind: string;
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly heartbeatEveryMs: number;
  private readonly keepAlive: boolean;
  private readonly logger: SchedulerLogger;
  private readonly deps: RunJobDeps;
  private readonly startedAt: Date;
  /** Last slot known to exist per recurring name, to skip a lookup every tick. */
  private readonly ensuredSlots = new Map<string, string>();
  private running = false;
  private stopping = false;
  private timer: NodeJS.Timeout | undefined;
  private currentTick: Promise<TickResult> | undefined;
  private lastBatchWasFull = false;

  constructor(options: EmbeddedSchedulerOptions) {
    this.db = options.db;
    this.clock = options.clock ?? systemClock;
    this.workerId = options.workerId ?? createWorkerId();
    this.kind = options.kind ?? "embedded";
    this.pollMs = positive(options.pollMs ?? 1_000, "pollMs");
    this.batchSize = positive(options.batchSize ?? 10, "batchSize");
    this.heartbeatEveryMs = positive(options.heartbeatEveryMs ?? HEARTBEAT_EVERY_MS, "heartbeatEveryMs");
    this.keepAlive = options.keepAlive ?? false;
    this.logger = options.logger ?? console;
    this.recurring = options.recurring ?? [];
    this.tasks = options.tasks ?? [];
    for (const task of this.tasks) positive(task.everyMs, `tasks.${task.name}.everyMs`);
    const leaseMs = positive(options.leaseMs ?? 60_000, "leaseMs");
    for (const def of this.recurring) {
      validateRecurring(def);
      if (!Object.hasOwn(options.handlers, def.name)) {
        this.logger.warn(`[scheduler] recurring job "${def.name}" has no handler; its runs will fail`);
      }
    }
    this.deps = {
      db: this.db,
      handlers: options.handlers,
      clock: this.clock,
      workerId: this.workerId,
      leaseMs,
      renewEveryMs: positive(options.renewEveryMs ?? Math.max(1, Math.floor(leaseMs / 3)), "renewEveryMs"),
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      random: options.random ?? Math.random,
      logger: this.logger,
    };
    this.startedAt = this.clock.now();
  }

  /** Starts polling; a second call while started does nothing. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.schedule(0);
  }

  /** Stops polling, waits for the running tick to finish, marks the heartbeat stopped. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.currentTick?.catch(() => undefined);
    try {
      await markStopped(this.db, this.workerId, this.clock.now());
    } catch (e) {
      this.logger.warn(`[scheduler] could not mark worker ${this.workerId} stopped: ${describeError(e)}`);
    }
  }

  /** One pass. Concurrent calls share the pass already in flight. */
  tick(): Promise<TickResult> {
    this.currentTick ??= this.runTick().finally(() => {
      this.currentTick = undefined;
    });
    return this.currentTick;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.loop();
    }, delayMs);
    if (!this.keepAlive) this.timer.unref();
  }

  private async loop(): Promise<void> {
    if (!this.running) return;
    try {
      await this.tick();
    } catch (e) {
      this.logger.error(`[scheduler] tick failed: ${describeError(e)}`);
    }
    // A full batch means more work is probably waiting: go again at once.
    if (this.running) this.schedule(this.lastBatchWasFull ? 0 : this.pollMs);
  }

  private async runTick(): Promise<TickResult> {
    const result: TickResult = { ran: 0, failed: 0 };
    this.lastBatchWasFull = false;
    await this.guard("write the heartbeat", () => this.heartbeat());
    // a long job or task keeps beating: the heartbeat stays fresh (HEARTBEAT_MAX_AGE_MS) however long the pass takes
    const beat = setInterval(() => void this.guard("write the heartbeat", () => this.heartbeat()), this.heartbeatEveryMs);
    beat.unref();
    try {
      return await this.runPass(result);
    } finally {
      clearInterval(beat);
    }
  }

  private async runPass(result: TickResult): Promise<TickResult> {
    await this.guard("create recurring jobs", () => this.ensureRecurringSlots());
    await this.runDueTasks();
    const due = await this.guard("read due jobs", () => findDueJobs(this.db, this.clock.now(), this.batchSize));
    if (!due) return result;
    this.lastBatchWasFull = due.length === this.batchSize;

    let succeeded = 0;
    for (const job of due) {
      if (this.stopping) break;
      const outcome = await this.guard(`run job ${job.id}`, () => runDueJob(this.deps, job));
      if (outcome === "succeeded") succeeded++;
      if (outcome === "succeeded" || outcome === "failed" || outcome === "lost") result.ran++;
      if (outcome === "failed") result.failed++;
    }
    if (result.ran > 0) {
      const counters = { succeeded, failed: result.failed, now: this.clock.now() };
      await this.guard("update worker counters", () => incrementCounters(this.db, this.workerId, counters));
    }
    return result;
  }

  private async runDueTasks(): Promise<void> {
    for (const task of this.tasks) {
      if (this.stopping) return;
      const now = this.clock.now().getTime();
      if (now - (this.taskLastRun.get(task.name) ?? -Infinity) < task.everyMs) continue;
      this.taskLastRun.set(task.name, now);
      await this.guard(`run task ${task.name}`, () => task.run({ workerId: this.workerId, clock: this.clock }));
    }
  }

  private async heartbeat(): Promise<void> {
    await upsertHeartbeat(this.db, {
      id: this.workerId,
      kind: this.kind,
      hostname: os.hostname(),
      pid: process.pid,
      startedAt: this.startedAt,
      now: this.clock.now(),
    });
  }

  /** Makes sure the current slot of each recurring job exists; the dedupe key makes this race-free. */
  private async ensureRecurringSlots(): Promise<void> {
    const now = this.clock.now();
    for (const def of this.recurring) {
      const slot = recurringSlot(def, now);
      if (this.ensuredSlots.get(def.name) === slot.dedupeKey) continue;
      await enqueueJob(this.db, {
        name: def.name,
        payload: def.payload ?? {},
        runAt: slot.slotStart,
        dedupeKey: slot.dedupeKey,
        maxAttempts: def.maxAttempts,
      });
      this.ensuredSlots.set(def.name, slot.dedupeKey);
    }
  }

  /** Errors of one step are logged, never thrown: the loop must outlive them. */
  private async guard<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (e) {
      // Another process holding the write lock is routine; the next tick tries again.
      const log = isBusyError(e) ? this.logger.warn : this.logger.error;
      log.call(this.logger, `[scheduler] could not ${what}: ${describeError(e)}`);
      return undefined;
    }
  }
}

function positive(value: number, field: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new DomainError("VALIDATION_FAILED", `${field} must be > 0`, field);
  return value;
}
