import { ledgerAudit } from "./functions/ledger-audit";

export { inngest } from "./client";
export const functions = [ledgerAudit];
