import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { HISTORY_RETENTION_MS, pruneHistory } from "./prune-history";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.cleanup());

describe("pruneHistory", () => {
  it("drops week-old successes and keeps failures and recent rows", async () => {
    const now = Date.UTC(2026, 5, 1);
    const old = new Date(now - HISTORY_RETENTION_MS - 1);
    const recent = new Date(now - 1000);
    const job = (key: string, status: "SUCCEEDED" | "FAILED", finishedAt: Date) =>
      t.db.job.create({ data: { name: "x", dedupeKey: key, runAt: finishedAt, status, finishedAt } });
    await job("old-ok", "SUCCEEDED", old);
    await job("old-failed", "FAILED", old);
    await job("recent-ok", "SUCCEEDED", recent);
    const audit = (ok: boolean, ranAt: Date) =>
      t.db.ledgerAudit.create({ data: { ok, ranAt, entriesSumCents: 0n, accountsChecked: 0, transactions: 0, problems: "[]", durationMs: 1 } });
    await audit(true, old);
    await audit(false, old);
    await audit(true, recent);
    const result = (assertion: string, ok: boolean, checkedAt: Date) =>
      t.db.assertionResult.create({ data: { assertion, ok, message: ok ? "" : "broken", details: "{}", checkedAt, durationMs: 1 } });
    await result("old-ok", true, old);
    await result("old-failed", false, old);
    await result("recent-ok", true, recent);

    expect(await pruneHistory(t.db, new ManualClock(now))).toMatchObject({ jobs: 1, audits: 1, assertionResults: 1 });
    expect((await t.db.job.findMany({ orderBy: { dedupeKey: "asc" } })).map((j) => j.dedupeKey)).toEqual(["old-failed", "recent-ok"]);
    expect((await t.db.ledgerAudit.findMany()).map((a) => a.ok).sort()).toEqual([false, true]);
    expect((await t.db.assertionResult.findMany({ orderBy: { assertion: "asc" } })).map((r) => r.assertion)).toEqual(["old-failed", "recent-ok"]);
  });
});
