import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createPruneHistoryFunction } from "./prune-history";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.cleanup());

describe("prune-history Inngest function", () => {
  it("prunes in one step on its hourly cron", async () => {
    const longAgo = new Date(Date.now() - 30 * 24 * 3600_000);
    await t.db.job.create({ data: { name: "x", dedupeKey: "ancient", runAt: longAgo, status: "SUCCEEDED", finishedAt: longAgo } });
    const engine = new InngestTestEngine({
      function: createPruneHistoryFunction(() => t.db),
      events: [{ name: "inngest/scheduled.timer", data: { cron: "0 * * * *" } }],
    });
    const { result, ctx } = await engine.execute();
    expect(ctx.step.run).toHaveBeenCalledWith("prune", expect.any(Function));
    expect(result).toMatchObject({ jobs: 1, audits: 0 });
    expect(await t.db.job.count()).toBe(0);
  });
});
