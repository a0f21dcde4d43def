import { expect } from "vitest";
import type { PrismaClient } from "@/server/db";
import { runLedgerAudit } from "@/server/services/ledger/run-ledger-audit";

/** The ledger's invariants, checked from the stored rows: call after every ledger test. */
export async function expectLedgerConsistent(db: PrismaClient) {
  const audit = await runLedgerAudit(db);
  expect(audit.problems).toEqual([]);
  expect(audit.entriesSumCents).toBe(0);
  expect(audit.ok).toBe(true);
}
