import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createIngestionHealthFunction } from "./evaluate-ingestion-health";
import { createSyncMarketFunction } from "./sync-market";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.cleanup());

describe("market Inngest functions", () => {
  it("sync-market-replay syncs the replay source in one step on its cron", async () => {
    const engine = new InngestTestEngine({
      function: createSyncMarketFunction("replay", () => t.db),
      events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }],
    });
    const { result, ctx } = await engine.execute();
    expect(ctx.step.run).toHaveBeenCalledWith("sync-replay", expect.any(Function));
    expect(result).toMatchObject({ source: "replay", skipped: null });
    expect((result as { rows: number }).rows).toBeGreaterThan(4 * 360);
    expect(await t.db.candle.count()).toBeGreaterThanOrEqual(4 * 360);
  });

  it("evaluate-ingestion-health colours the channels in one step", async () => {
    const engine = new InngestTestEngine({
      function: createIngestionHealthFunction(() => t.db),
      events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }],
    });
    const { result, ctx } = await engine.execute();
    expect(ctx.step.run).toHaveBeenCalledWith("evaluate", expect.any(Function));
    expect(result).toMatchObject({ counts: { GREEN: 22, YELLOW: 0, RED: 0 }, alertsOpened: [] });
  });
});
