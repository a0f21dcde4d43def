import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { DomainError } from "@/lib/domain/errors";
import { countJobsByStatus } from "@/server/repositories/jobs";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { DEFAULT_MAX_ATTEMPTS, enqueueJob } from "./enqueue";

let t: TestDb;
const clock = new ManualClock(Date.UTC(2026, 0, 1));

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

describe("enqueueJob", () => {
  it("stores a pending job due now with the defaults", async () => {
    const { job, created } = await enqueueJob(t.db, { name: "demo.a", payload: { x: [1, 2] } }, clock);
    expect(created).toBe(true);
    expect(job).toMatchObject({ name: "demo.a", status: "PENDING", attempts: 0, maxAttempts: DEFAULT_MAX_ATTEMPTS });
    expect(job.runAt).toEqual(clock.now());
    expect(JSON.parse(job.payload)).toEqual({ x: [1, 2] });
    expect(job.dedupeKey).toMatch(/^demo\.a:/);
  });

  it("returns the existing job for a duplicate dedupeKey, even from two connections at once", async () => {
    const other = t.connectAgain();
    const input = { name: "demo.b", dedupeKey: "event-42", payload: { v: 1 } };
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => enqueueJob(i % 2 ? other : t.db, input, clock)),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.job.id)).size).toBe(1);
    expect((await countJobsByStatus(t.db, { name: "demo.b" })).PENDING).toBe(1);

    const again = await enqueueJob(t.db, { ...input, payload: { v: 2 } }, clock);
    expect(again.created).toBe(false);
    expect(JSON.parse(again.job.payload)).toEqual({ v: 1 });
  });

  it.each([
    { name: "an empty name", input: { name: "  " } },
    { name: "zero maxAttempts", input: { name: "demo.c", maxAttempts: 0 } },
    { name: "a payload JSON cannot carry", input: { name: "demo.c", payload: () => 1 } },
  ])("rejects $name", async ({ input }) => {
    await expect(enqueueJob(t.db, input, clock)).rejects.toThrow(DomainError);
  });
});
