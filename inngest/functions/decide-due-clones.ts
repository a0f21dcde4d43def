import { cron } from "inngest";
import { systemClock } from "@/lib/domain/clock";
import { getEnv } from "@/lib/env";
import { getDb, type PrismaClient } from "@/server/db";
import { runDueDecisions } from "@/server/services/decisions/run-due-decisions";
import { inngest } from "../client";

export function createDecideDueClonesFunction(db: () => PrismaClient = getDb) {
  return inngest.createFunction(
    { id: "decide-due-clones", name: "Decide due clones", triggers: [cron("* * * * *")], concurrency: { limit: 1 } },
    async ({ step }) =>
      step.run("decide", () => {
        const env = getEnv();
        return runDueDecisions(db(), systemClock, { anthropicApiKey: env.ANTHROPIC_API_KEY, anthropicBaseUrl: env.ANTHROPIC_BASE_URL });
      }),
  );
}

export const decideDueClones = createDecideDueClonesFunction();
