import { cron } from "inngest";
import { getDb, type PrismaClient } from "@/server/db";
import { runLedgerAudit } from "@/server/services/ledger/run-ledger-audit";
import { inngest } from "../client";
import { ledgerAuditRequested } from "../events";

/** The embedded scheduler runs the same service on the same cadence locally. */
export const LEDGER_AUDIT_CRON = "* * * * *";

export function createLedgerAuditFunction(db: () => PrismaClient = getDb) {
  return inngest.createFunction(
    {
      id: "ledger-audit",
      name: "Ledger audit",
      triggers: [cron(LEDGER_AUDIT_CRON), ledgerAuditRequested],
      concurrency: { limit: 1 },
      retries: 3,
    },
    async ({ step }) => step.run("audit-ledger", () => runLedgerAudit(db())),
  );
}

export const ledgerAudit = createLedgerAuditFunction();
