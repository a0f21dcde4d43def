import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { ensureDemoUsers } from "../users/demo-users";
import { ensureDemoClones, DEMO_CLONES } from "../clones/demo-clones";
import { syncReplay } from "../market/sync/replay";
import { runDueDecisions } from "./run-due-decisions";

const T = Date.UTC(2026, 8, 9, 15, 30, 20);
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await syncReplay(t.db, new ManualClock(T), { seed: "clash-of-clones", symbols: ["BTC", "ETH", "SOL"] });
  await ensureDemoUsers(t.db);
  expect(await ensureDemoClones(t.db, T)).toEqual(DEMO_CLONES.map((c) => c.name));
  expect(await ensureDemoClones(t.db, T)).toEqual([]); // idempotent
});
afterAll(async () => t.cleanup());

describe("runDueDecisions", () => {
  it("each demo clone decides once per cadence slot on its own asset", async () => {
    const first = await runDueDecisions(t.db, new ManualClock(T));
    expect(first.skipped).toBe(0);
    expect(first.ACTION + first.HOLD + first.REJECTED + first.NO_TRADE).toBe(DEMO_CLONES.length);
    expect(first.REJECTED + first.NO_TRADE).toBe(0); // rules clones on fresh replay data: a trade or a hold, never a rejection
    const again = await runDueDecisions(t.db, new ManualClock(T + 5_000));
    expect(again.skipped).toBe(DEMO_CLONES.length);
    const runs = await t.db.decisionRun.findMany({ select: { asset: true, provider: true, model: true } });
    expect(runs.map((r) => r.asset).sort()).toEqual(DEMO_CLONES.map((c) => c.symbol).sort());
    expect(new Set(runs.map((r) => r.provider))).toEqual(new Set(["rules"]));
  });
});
