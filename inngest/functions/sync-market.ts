import { cron } from "inngest";
import { systemClock } from "@/lib/domain/clock";
import type { MarketSource } from "@/lib/domain/market/types";
import { getDb, type PrismaClient } from "@/server/db";
import { syncSource } from "@/server/services/market/sync";
import { inngest } from "../client";

/** One cron per source family; the embedded scheduler uses the same cadences (server/scheduler/app-jobs.ts). */
export const SYNC_CRONS: Record<MarketSource, string> = {
  replay: "* * * * *",
  hyperliquid: "* * * * *",
  polymarket: "*/5 * * * *",
  defillama: "0 * * * *",
};

export function createSyncMarketFunction(source: MarketSource, db: () => PrismaClient = getDb) {
  return inngest.createFunction(
    {
      id: `sync-market-${source}`,
      name: `Sync market memory: ${source}`,
      triggers: [cron(SYNC_CRONS[source])],
      // one sync per family at a time: a slow run never overlaps the next
      concurrency: { limit: 1 },
      retries: 0,
    },
    async ({ step }) => step.run(`sync-${source}`, () => syncSource(db(), systemClock, source)),
  );
}
