/**
 * Checks the ledger's invariants over everything stored and records the result:
 * run by the scheduler (embedded or Inngest) and shown on the admin page.
 */
import { auditLedger, type LedgerAuditResult } from "@/lib/domain/ledger/audit";
import { systemClock, type Clock } from "@/lib/domain/clock";
import { transaction, type PrismaClient } from "@/server/db";
import * as ledger from "@/server/repositories/ledger";

export async function runLedgerAudit(
  db: PrismaClient,
  clock: Clock = systemClock,
): Promise<LedgerAuditResult & { accountsChecked: number; transactions: number }> {
  const started = clock.now().getTime();
  // one read transaction: a consistent snapshot even while postings continue
  const { totals, sum, transactions } = await transaction(db, async (tx) => ({
    totals: await ledger.accountTotals(tx),
    sum: await ledger.sumAllEntries(tx),
    transactions: await ledger.countTransactions(tx),
  }));
  const result = auditLedger(totals, sum);
  await ledger.insertAudit(db, {
    ok: result.ok,
    entriesSumCents: result.entriesSumCents,
    accountsChecked: totals.length,
    transactions,
    problems: result.problems,
    durationMs: Math.max(0, clock.now().getTime() - started),
  });
  if (!result.ok) console.error("[ledger-audit] ledger invariants broken", JSON.stringify(result));
  return { ...result, accountsChecked: totals.length, transactions };
}
