/**
 * Starts the embedded scheduler inside the web server process (from
 * instrumentation.ts) when SCHEDULER=embedded, the local default.
 */
import { getEnv } from "@/lib/env";
import { getDb } from "@/server/db";
import { appJobHandlers, appRecurringJobs, appWorkerTasks } from "./app-jobs";
import { EmbeddedScheduler } from "./scheduler";

const globalForScheduler = globalThis as unknown as { __clashScheduler?: EmbeddedScheduler };

export function startEmbeddedScheduler(): EmbeddedScheduler | null {
  const env = getEnv();
  if (env.SCHEDULER !== "embedded") {
    console.info(`[scheduler] SCHEDULER=${env.SCHEDULER}: the embedded scheduler is not started`);
    return null;
  }
  if (globalForScheduler.__clashScheduler) return globalForScheduler.__clashScheduler;
  const db = getDb();
  const scheduler = new EmbeddedScheduler({
    db,
    handlers: appJobHandlers(db, env),
    recurring: appRecurringJobs(env),
    tasks: appWorkerTasks(db, env),
    pollMs: env.SCHEDULER_POLL_MS,
  });
  scheduler.start();
  globalForScheduler.__clashScheduler = scheduler;
  console.info(`[scheduler] embedded scheduler started as ${scheduler.workerId}`);
  const stop = () => void scheduler.stop();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return scheduler;
}
