import { getEnv } from "@/lib/env";
import { activeSources } from "@/server/services/market/active-sources";
import { decideDueClones } from "./functions/decide-due-clones";
import { ingestionHealthFunction } from "./functions/evaluate-ingestion-health";
import { ledgerAudit } from "./functions/ledger-audit";
import { pruneHistoryFunction } from "./functions/prune-history";
import { createSyncMarketFunction } from "./functions/sync-market";

export { inngest } from "./client";
export const functions = [
  ledgerAudit,
  pruneHistoryFunction,
  ingestionHealthFunction,
  decideDueClones,
  ...activeSources(getEnv()).map((source) => createSyncMarketFunction(source)),
];
