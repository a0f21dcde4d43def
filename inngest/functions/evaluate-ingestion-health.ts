import { cron } from "inngest";
import { systemClock } from "@/lib/domain/clock";
import { getDb, type PrismaClient } from "@/server/db";
import { evaluateIngestionHealth } from "@/server/services/market/evaluate-health";
import { inngest } from "../client";

export function createIngestionHealthFunction(db: () => PrismaClient = getDb) {
  return inngest.createFunction(
    { id: "evaluate-ingestion-health", name: "Evaluate ingestion health", triggers: [cron("* * * * *")], concurrency: { limit: 1 } },
    async ({ step }) => step.run("evaluate", () => evaluateIngestionHealth(db(), systemClock)),
  );
}

export const ingestionHealthFunction = createIngestionHealthFunction();
