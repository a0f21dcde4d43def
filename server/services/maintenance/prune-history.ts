/**
 * Recurring work leaves a row per run (a Job per slot, a LedgerAudit per minute, an
 * AssertionResult per assertion per run). Keep a week of successful history;
 * failures stay until someone looks at them.
 */
import { systemClock, type Clock } from "@/lib/domain/clock";
import type { PrismaClient } from "@/server/db";
import { deletePassingAssertionResultsBefore } from "@/server/repositories/assertions";
import { deleteSucceededBefore } from "@/server/repositories/jobs";
import { deletePassingAuditsBefore } from "@/server/repositories/ledger";

export const HISTORY_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export async function pruneHistory(db: PrismaClient, clock: Clock = systemClock) {
  const before = new Date(clock.now().getTime() - HISTORY_RETENTION_MS);
  const jobs = await deleteSucceededBefore(db, before);
  const audits = await deletePassingAuditsBefore(db, before);
  const assertionResults = await deletePassingAssertionResultsBefore(db, before);
  return { before: before.toISOString(), jobs, audits, assertionResults };
}
