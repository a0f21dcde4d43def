import { getEnv } from "@/lib/env";
import { activeSources } from "@/server/services/market/active-sources";
import { decideAsset } from "./functions/decide-asset";
import { decisionsTick } from "./functions/decisions-tick";
import { ingestionHealthFunction } from "./functions/evaluate-ingestion-health";
import { ledgerAudit } from "./functions/ledger-audit";
import { pruneHistoryFunction } from "./functions/prune-history";
import { arenaOpen, raceLifecycle } from "./functions/race-lifecycle";
import { runtimeAssertions } from "./functions/runtime-assertions";
import { createSyncMarketFunction } from "./functions/sync-market";

export { inngest } from "./client";
export const functions = [
  ledgerAudit,
  pruneHistoryFunction,
  ingestionHealthFunction,
  decisionsTick,
  decideAsset,
  runtimeAssertions,
  arenaOpen,
  raceLifecycle,
  ...activeSources(getEnv()).map((source) => createSyncMarketFunction(source)),
];
