import { cron } from "inngest";
import { getDb, type PrismaClient } from "@/server/db";
import { runRuntimeAssertions } from "@/server/services/runtime/run-assertions";
import { inngest } from "../client";

/** Every minute, like the embedded scheduler's "runtime.assertions" job. */
export const RUNTIME_ASSERTIONS_CRON = "* * * * *";

export function createRuntimeAssertionsFunction(db: () => PrismaClient = getDb) {
  return inngest.createFunction(
    { id: "runtime-assertions", name: "Runtime assertions", triggers: [cron(RUNTIME_ASSERTIONS_CRON)], concurrency: { limit: 1 }, retries: 2 },
    async ({ step }) =>
      step.run("check-assertions", async () => {
        const report = await runRuntimeAssertions(db());
        return { ok: report.ok, failed: report.results.filter((r) => !r.ok).map((r) => r.assertion), breaker: report.breaker };
      }),
  );
}

export const runtimeAssertions = createRuntimeAssertionsFunction();
