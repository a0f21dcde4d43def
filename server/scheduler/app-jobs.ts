/**
 * The product's background work as embedded-scheduler jobs. Each handler calls the
 * same service its Inngest function calls (inngest/functions/*), so the local
 * default and Inngest at scale run identical logic.
 */
import type { PrismaClient } from "@/server/db";
import { runLedgerAudit } from "@/server/services/ledger/run-ledger-audit";
import type { JobHandler, RecurringJob } from "./types";

export const JOB_NAMES = { ledgerAudit: "ledger.audit" } as const;

export function appJobHandlers(db: PrismaClient): Record<string, JobHandler> {
  return {
    [JOB_NAMES.ledgerAudit]: async (_payload, ctx) => {
      const result = await runLedgerAudit(db, ctx.clock);
      // a broken invariant is an incident, not a retryable failure: it stays recorded
      // on the audit row and in the log, and the next run checks again
      if (!result.ok) console.error(`[scheduler] ledger audit found ${result.problems.length} problem(s)`);
    },
  };
}

/** Mirrors the Inngest crons: the ledger audit runs every minute. */
export const APP_RECURRING_JOBS: RecurringJob[] = [{ name: JOB_NAMES.ledgerAudit, everyMs: 60_000, maxAttempts: 3 }];
