/**
 * The product's background work as embedded-scheduler jobs. Each handler calls the
 * same service its Inngest function calls (inngest/functions/*), so the local
 * default and Inngest at scale run identical logic.
 */
import type { MarketSource } from "@/lib/domain/market/types";
import type { Env } from "@/lib/env";
import type { PrismaClient } from "@/server/db";
import { runLedgerAudit } from "@/server/services/ledger/run-ledger-audit";
import { pruneHistory } from "@/server/services/maintenance/prune-history";
import { evaluateIngestionHealth } from "@/server/services/market/evaluate-health";
import { activeSources } from "@/server/services/market/active-sources";
import { syncSource } from "@/server/services/market/sync";
import { runDecisionTick } from "@/server/services/runner/run-tick";
import { advanceArena } from "@/server/services/arena/lifecycle";
import { demoBackerBuys } from "@/server/services/arena/demo-arena";
import { runRuntimeAssertions } from "@/server/services/runtime/run-assertions";
import type { JobHandler, RecurringJob, WorkerTask } from "./types";

export const JOB_NAMES = {
  ledgerAudit: "ledger.audit",
  pruneHistory: "maintenance.prune-history",
  ingestionHealth: "market.health",
  runtimeAssertions: "runtime.assertions",
  sync: (source: MarketSource) => `market.sync.${source}`,
} as const;

/** How often each source family syncs (the same cadences as the Inngest crons). */
export const SYNC_EVERY_MS: Record<MarketSource, number> = {
  replay: 15_000,
  hyperliquid: 30_000,
  polymarket: 5 * 60_000,
  defillama: 60 * 60_000,
};

export function appJobHandlers(db: PrismaClient, env: Pick<Env, "MARKET_SOURCE" | "ANTHROPIC_API_KEY" | "ANTHROPIC_BASE_URL">): Record<string, JobHandler> {
  const handlers: Record<string, JobHandler> = {
    [JOB_NAMES.ledgerAudit]: async (_payload, ctx) => {
      const result = await runLedgerAudit(db, ctx.clock);
      // a broken invariant is an incident, not a retryable failure: it stays recorded
      // on the audit row and in the log, and the next run checks again
      if (!result.ok) console.error(`[scheduler] ledger audit found ${result.problems.length} problem(s)`);
    },
    [JOB_NAMES.pruneHistory]: async (_payload, ctx) => {
      await pruneHistory(db, ctx.clock);
    },
    [JOB_NAMES.ingestionHealth]: async (_payload, ctx) => {
      await evaluateIngestionHealth(db, ctx.clock);
    },
    [JOB_NAMES.runtimeAssertions]: async (_payload, ctx) => {
      // a failed assertion trips the kill switch itself; the job only fails when it cannot run
      await runRuntimeAssertions(db, ctx.clock);
    },
  };
  for (const source of activeSources(env)) {
    handlers[JOB_NAMES.sync(source)] = async (_payload, ctx) => {
      await syncSource(db, ctx.clock, source);
    };
  }
  return handlers;
}

/** Mirrors the Inngest crons. */
export function appRecurringJobs(env: Pick<Env, "MARKET_SOURCE">): RecurringJob[] {
  return [
    { name: JOB_NAMES.ledgerAudit, everyMs: 60_000, maxAttempts: 3 },
    { name: JOB_NAMES.pruneHistory, everyMs: 60 * 60_000, maxAttempts: 3 },
    { name: JOB_NAMES.ingestionHealth, everyMs: 30_000, maxAttempts: 2 },
    { name: JOB_NAMES.runtimeAssertions, everyMs: 60_000, maxAttempts: 2 },
    // a sync that fails is retried by the next slot, not by the job
    ...activeSources(env).map((source) => ({ name: JOB_NAMES.sync(source), everyMs: SYNC_EVERY_MS[source], maxAttempts: 1 })),
  ];
}

/** How often each worker moves the races along: a step lands within this of its due time. */
export const ARENA_EVERY_MS = 2_000;
export const DEMO_BACKER_EVERY_MS = 7_000;

/** How often each worker looks for due decision slots: soon after a minute turns, and soon enough to retry within it. */
export const RUNNER_EVERY_MS = 5_000;

/** Every worker runs the decision runner; slot leases split the work between workers. */
export function appWorkerTasks(db: PrismaClient, env: Pick<Env, "ANTHROPIC_API_KEY" | "ANTHROPIC_BASE_URL" | "DEMO_SEED" | "MARKET_SOURCE">): WorkerTask[] {
  const demo = env.DEMO_SEED && env.MARKET_SOURCE === "replay";
  return [
    {
      // the races' steps (launch, go live, end, settle) when due, and a race always accumulating
      name: "arena.lifecycle",
      everyMs: ARENA_EVERY_MS,
      run: async ({ clock }) => {
        await advanceArena(db, clock.now().getTime());
      },
    },
    ...(demo
      ? [{
          // demo backers buy a ticket now and then while a race accumulates: the odds move by themselves
          name: "arena.demo-backers",
          everyMs: DEMO_BACKER_EVERY_MS,
          run: async ({ clock }: { clock: { now(): Date } }) => {
            await demoBackerBuys(db, clock.now().getTime());
          },
        }]
      : []),
    {
      name: "decisions.runner",
      everyMs: RUNNER_EVERY_MS,
      run: async ({ workerId, clock }) => {
        await runDecisionTick(db, clock, { workerId, anthropicApiKey: env.ANTHROPIC_API_KEY, anthropicBaseUrl: env.ANTHROPIC_BASE_URL });
      },
    },
  ];
}
