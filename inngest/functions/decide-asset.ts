import { systemClock, type Clock } from "@/lib/domain/clock";
import { getEnv } from "@/lib/env";
import { getDb, type PrismaClient } from "@/server/db";
import { runDueSlot } from "@/server/services/runner/run-tick";
import { inngest } from "../client";
import { decisionSlotDue } from "../events";

/**
 * One due decision slot. The concurrency key runs at most one decision per clone
 * and asset at a time across all workers; the slot lease in the database makes a
 * duplicate delivery or a retry after a crash decide nothing twice.
 */
export function createDecideAssetFunction(db: () => PrismaClient = getDb, clock: Clock = systemClock) {
  return inngest.createFunction(
    {
      id: "decide-asset",
      name: "Decide a due asset",
      triggers: [decisionSlotDue],
      concurrency: [{ key: "event.data.cloneId + ':' + event.data.asset", limit: 1 }],
      retries: 3,
    },
    async ({ event, step, runId }) =>
      step.run("decide-slot", async () => {
        const env = getEnv();
        const report = await runDueSlot(db(), clock, event.data, { workerId: `inngest:${runId}`, anthropicApiKey: env.ANTHROPIC_API_KEY, anthropicBaseUrl: env.ANTHROPIC_BASE_URL });
        // a thrown error was recorded on the slot; throwing here lets Inngest retry it too
        const failed = report.errors.find((e) => e.status === "RETRY");
        if (failed) throw new Error(`slot ${failed.slot}: ${failed.error}`);
        return report;
      }),
  );
}

export const decideAsset = createDecideAssetFunction();
