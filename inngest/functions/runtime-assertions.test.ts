import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRuntimeControls } from "@/server/services/runtime/controls";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createRuntimeAssertionsFunction } from "./runtime-assertions";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.cleanup());

const run = () =>
  new InngestTestEngine({ function: createRuntimeAssertionsFunction(() => t.db), events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }] }).execute();

describe("runtime-assertions Inngest function", () => {
  it("checks every assertion in a step; a clean database leaves the kill switch off", async () => {
    const { result, ctx } = await run();
    expect(ctx.step.run).toHaveBeenCalledWith("check-assertions", expect.any(Function));
    expect(result).toEqual({ ok: true, failed: [], breaker: null });
  });

  it("trips the breaker when an order has no fill", async () => {
    const owner = await t.db.user.create({ data: { email: "o@x.test", name: "O", passwordHash: "!" } });
    const clone = await t.db.clone.create({ data: { ownerId: owner.id, name: "C" } });
    const account = await t.db.paperAccount.create({ data: { cloneId: clone.id, mode: "PERSONAL", scopeKey: owner.id, startMicro: 10n ** 10n, peakEquityMicro: 10n ** 10n, dayStartEquityMicro: 10n ** 10n, dayStartMs: 0n } });
    await t.db.paperOrder.create({ data: { accountId: account.id, clientKey: "k1", asset: "BTC", side: "buy", purpose: "OPEN", sizeBase: 0.1, reduceOnly: false, status: "FILLED", createdAtMs: BigInt(Date.now()) } });
    const { result } = await run();
    expect(result).toMatchObject({ ok: false, failed: ["order-has-fill-or-state"], breaker: { tripped: true, level: "pause" } });
    expect((await readRuntimeControls(t.db, { maxAgeMs: 0 })).killSwitch).toBe("pause");
  });
});
