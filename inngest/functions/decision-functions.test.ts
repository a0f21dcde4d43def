import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import * as paper from "@/server/repositories/paper";
import { createCloneFromTemplate } from "@/server/services/clones/clones";
import { syncReplay } from "@/server/services/market/sync/replay";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createDecideAssetFunction } from "./decide-asset";
import { createDecisionsTickFunction } from "./decisions-tick";

const T = Date.UTC(2026, 6, 1, 10, 30);
const clock = new ManualClock(T + 2_000);
let t: TestDb;
let cloneId: string;
let accountId: string;
beforeAll(async () => {
  t = await createTestDb();
  await syncReplay(t.db, new ManualClock(T + 60_000), { seed: "inngest-runner", symbols: ["ETH"] });
  const owner = await t.db.user.create({ data: { email: "i@example.test", name: "I", passwordHash: "-" } });
  cloneId = (await createCloneFromTemplate(t.db, { ownerId: owner.id, templateId: "volume-spike", name: "Ivy", symbol: "ETH" })).id;
  accountId = (await paper.ensureAccount(t.db, { cloneId, mode: "PERSONAL", scopeKey: owner.id, startMicro: usdToMicro(10_000), dayStartMs: 0 })).id;
});
afterAll(async () => t.cleanup());

describe("decision Inngest functions", () => {
  it("decisions-tick plans the due slots and sends one event per slot, its id the slot", async () => {
    const engine = new InngestTestEngine({
      function: createDecisionsTickFunction(() => t.db, clock),
      events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }],
      steps: [{ id: "send-due-slots", handler: () => ({ ids: ["x"] }) }],
    });
    const { result, ctx } = await engine.execute();
    expect(result).toEqual({ flattened: 0, sent: 1 });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("send-due-slots", [
      expect.objectContaining({ name: "clone/asset.due", id: `slot:${accountId}:ETH:${T}`, data: { accountId, cloneId, asset: "ETH", slotMs: T } }),
    ]);
  });

  it("decide-asset decides the slot once; a duplicate delivery claims nothing", async () => {
    const event = { name: "clone/asset.due", data: { accountId, cloneId, asset: "ETH", slotMs: T } };
    const run = () => new InngestTestEngine({ function: createDecideAssetFunction(() => t.db, clock), events: [event] }).execute();
    const first = await run();
    expect(first.result).toMatchObject({ claimed: 1, monitored: 1, errors: [] });
    expect(await t.db.decisionRun.count({ where: { accountId, decisionTimeMs: BigInt(T) } })).toBe(1);
    const again = await run();
    expect(again.result).toMatchObject({ claimed: 0 });
    expect(await t.db.decisionRun.count({ where: { accountId } })).toBe(1);
  });
});
