import { getEnv } from "@/lib/env";
import type { PrismaClient } from "@/server/db";
import { pingDatabase } from "@/server/repositories/system";
import { listWorkers } from "@/server/repositories/worker-heartbeats";
import { HEARTBEAT_STALE_MS } from "../admin/overview";
import { ingestionSummary } from "../market/ingestion-overview";
import pkg from "@/package.json";

export interface Health {
  status: "ok" | "degraded" | "down";
  version: string;
  time: string;
  database: { ok: boolean; latencyMs: number | null; error?: string };
  scheduler: {
    mode: "embedded" | "inngest" | "off";
    workers: { id: string; hostname: string; pid: number; lastHeartbeatAt: string; ageMs: number; healthy: boolean }[];
  };
  /** market memory's channels by colour; null when the database is down */
  ingestion: Awaited<ReturnType<typeof ingestionSummary>> | null;
}

/**
 * ok: database up, (embedded mode) a live worker, no red ingestion channel;
 * degraded: no live worker or a red channel; down: no database.
 */
export async function getHealth(db: PrismaClient, now = new Date()): Promise<Health> {
  const mode = getEnv().SCHEDULER;
  const started = performance.now();
  let database: Health["database"];
  try {
    await pingDatabase(db);
    database = { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (e) {
    database = { ok: false, latencyMs: null, error: (e as Error).message.split("\n").at(-1)?.slice(0, 200) ?? "unreachable" };
  }
  const workers = database.ok
    ? (await listWorkers(db))
        .filter((w) => !w.stoppedAt)
        .map((w) => {
          const ageMs = now.getTime() - w.lastHeartbeatAt.getTime();
          return {
            id: w.id,
            hostname: w.hostname,
            pid: w.pid,
            lastHeartbeatAt: w.lastHeartbeatAt.toISOString(),
            ageMs,
            healthy: ageMs < HEARTBEAT_STALE_MS,
          };
        })
    : [];
  const schedulerOk = mode !== "embedded" || workers.some((w) => w.healthy);
  const ingestion = database.ok ? await ingestionSummary(db, { now: () => now }) : null;
  const ingestionOk = !ingestion || ingestion.red === 0;
  return {
    status: !database.ok ? "down" : schedulerOk && ingestionOk ? "ok" : "degraded",
    version: pkg.version,
    time: now.toISOString(),
    database,
    scheduler: { mode, workers },
    ingestion,
  };
}
