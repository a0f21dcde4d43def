import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { listRecentJobs } from "@/server/repositories/jobs";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { EmbeddedScheduler } from "./scheduler";
import { recordingLogger } from "./testing/helpers";
import type { JobHandler, RecurringJob } from "./types";

let t: TestDb;
let clock: ManualClock;

beforeEach(async () => {
  t = await createTestDb();
  clock = new ManualClock(new Date("2026-01-01T00:01:30.000Z"));
});
afterEach(async () => {
  await t.cleanup();
});

describe("recurring jobs", () => {
  it("create exactly one job per slot even with two schedulers ticking together", async () => {
    const runs: { jobId: string; payload: unknown; workerId: string }[] = [];
    const handlers: Record<string, JobHandler> = {
      "ledger.audit": async (payload, ctx) => void runs.push({ jobId: ctx.jobId, payload, workerId: ctx.workerId }),
    };
    const recurring: RecurringJob[] = [{ name: "ledger.audit", everyMs: 60_000, payload: { scope: "all" } }];
    const [a, b] = ["w-a", "w-b"].map(
      (workerId) =>
        new EmbeddedScheduler({ db: t.connectAgain(), handlers, recurring, clock, workerId, logger: recordingLogger() }),
    ) as [EmbeddedScheduler, EmbeddedScheduler];

    for (let i = 0; i < 3; i++) await Promise.all([a.tick(), b.tick()]);
    clock.advance(29_999); // still 00:01:59.999
    for (let i = 0; i < 3; i++) await Promise.all([a.tick(), b.tick()]);
    clock.advance(1); // 00:02:00, the next slot
    for (let i = 0; i < 3; i++) await Promise.all([a.tick(), b.tick()]);

    const jobs = await listRecentJobs(t.db, { name: "ledger.audit" });
    expect(jobs.map((j) => j.dedupeKey).sort()).toEqual([
      "ledger.audit@2026-01-01T00:01:00.000Z",
      "ledger.audit@2026-01-01T00:02:00.000Z",
    ]);
    expect(jobs.every((j) => j.status === "SUCCEEDED" && j.attempts === 1)).toBe(true);
    expect(runs).toHaveLength(2);
    expect(new Set(runs.map((r) => r.jobId))).toEqual(new Set(jobs.map((j) => j.id)));
    expect(runs.every((r) => JSON.stringify(r.payload) === '{"scope":"all"}')).toBe(true);
  });

  it("does not backfill slots missed while no scheduler was running", async () => {
    const s = new EmbeddedScheduler({
      db: t.db,
      handlers: { "ledger.audit": async () => undefined },
      recurring: [{ name: "ledger.audit", everyMs: 60_000, maxAttempts: 2 }],
      clock,
      logger: recordingLogger(),
    });
    await s.tick();
    clock.advance(10 * 60_000);
    await s.tick();
    const jobs = await listRecentJobs(t.db, { name: "ledger.audit" });
    expect(jobs.map((j) => j.dedupeKey).sort()).toEqual([
      "ledger.audit@2026-01-01T00:01:00.000Z",
      "ledger.audit@2026-01-01T00:11:00.000Z",
    ]);
    expect(jobs.every((j) => j.maxAttempts === 2)).toBe(true);
  });
});
