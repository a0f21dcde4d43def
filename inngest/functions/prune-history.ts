import { cron } from "inngest";
import { getDb, type PrismaClient } from "@/server/db";
import { pruneHistory } from "@/server/services/maintenance/prune-history";
import { inngest } from "../client";

export function createPruneHistoryFunction(db: () => PrismaClient = getDb) {
  return inngest.createFunction(
    { id: "prune-history", name: "Prune old run history", triggers: [cron("0 * * * *")], concurrency: { limit: 1 } },
    async ({ step }) => step.run("prune", () => pruneHistory(db())),
  );
}

export const pruneHistoryFunction = createPruneHistoryFunction();
