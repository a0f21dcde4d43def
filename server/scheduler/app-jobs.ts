/**
 * The product's background work as embedded-scheduler jobs. Each handler calls the
 * same service its Inngest function calls (inngest/functions/*), so the local
 * default and Inngest at scale run identical logic.
 */
import type { PrismaClient } from "@/server/db";
import { runLedgerAudit } from "@/server/services/ledger/run-ledger-audit";
import { pruneHistory } from "@/server/services/maintenance/prune-history";
import type { JobHandler, RecurringJob } from "./types";

export const JOB_NAMES = { ledgerAudit: "ledger.audit", pruneHistory: "maintenance.prune-history" } as const;

export function appJobHandlers(db: PrismaClient): Record<string, JobHandler> {
  return {
    [JOB_NAMES.ledgerAudit]: async (_payload, ctx) => {
      const result = await runLedgerAudit(db, ctx.clock);
      // a broken invariant is an incident, not a retryable failure: it stays recorded
      // on the audit row and in the log, and the next run checks again
      if (!result.ok) console.error(`[scheduler] ledger audit found ${result.problems.length} problem(s)`);
    },
    [JOB_NAMES.pruneHistory]: async (_payload, ctx) => {
      await pruneHistory(db, ctx.clock);
    },
  };
}

/** Mirrors the Inngest crons: the ledger audit every minute, pruning every hour. */
export const APP_RECURRING_JOBS: RecurringJob[] = [
  { name: JOB_NAMES.ledgerAudit, everyMs: 60_000, maxAttempts: 3 },
  { name: JOB_NAMES.pruneHistory, everyMs: 60 * 60_000, maxAttempts: 3 },
];
