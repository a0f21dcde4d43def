import { ledgerAudit } from "./functions/ledger-audit";
import { pruneHistoryFunction } from "./functions/prune-history";

export { inngest } from "./client";
export const functions = [ledgerAudit, pruneHistoryFunction];
