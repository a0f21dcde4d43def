import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { claimJob, findJobById, JobStatus } from "@/server/repositories/jobs";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { enqueueJob } from "./enqueue";
import { EmbeddedScheduler } from "./scheduler";
import { eventually, recordingLogger } from "./testing/helpers";
import type { JobHandler } from "./types";

const LEASE_MS = 10_000;

let t: TestDb;
let clock: ManualClock;

beforeEach(async () => {
  t = await createTestDb();
  clock = new ManualClock(Date.UTC(2026, 0, 1, 12));
});
afterEach(async () => {
  await t.cleanup();
});

function worker(id: string, handlers: Record<string, JobHandler>, logger = recordingLogger()) {
  // Each worker on its own connection, as a separate process would be.
  return new EmbeddedScheduler({ db: t.connectAgain(), handlers, clock, workerId: id, leaseMs: LEASE_MS, logger });
}

/** What a worker that died right after claiming leaves behind. */
async function claimAsCrashedWorker(jobId: string): Promise<void> {
  const now = clock.now();
  const won = await claimJob(t.db, {
    id: jobId,
    expectedStatus: JobStatus.PENDING,
    expectedAttempts: 0,
    workerId: "crashed",
    leaseUntil: new Date(now.getTime() + LEASE_MS),
    now,
  });
  expect(won).toBe(true);
}

describe("leases", () => {
  it("lets another worker reclaim a crashed worker's job once the lease has expired", async () => {
    const attempts: number[] = [];
    const b = worker("w-b", { "demo.job": async (_p, ctx) => void attempts.push(ctx.attempt) });
    const { job } = await enqueueJob(t.db, { name: "demo.job" }, clock);
    await claimAsCrashedWorker(job.id);

    clock.advance(LEASE_MS);
    expect(await b.tick()).toEqual({ ran: 0, failed: 0 });
    expect(attempts).toEqual([]);

    clock.advance(1);
    expect(await b.tick()).toEqual({ ran: 1, failed: 0 });
    expect(attempts).toEqual([2]);
    expect(await findJobById(t.db, job.id)).toMatchObject({ status: "SUCCEEDED", attempts: 2, leaseOwner: null });
  });

  it("fails a crashed worker's job instead of reclaiming it when that was the last attempt", async () => {
    let calls = 0;
    const b = worker("w-b", { "demo.job": async () => void calls++ });
    const { job } = await enqueueJob(t.db, { name: "demo.job", maxAttempts: 1 }, clock);
    await claimAsCrashedWorker(job.id);

    clock.advance(LEASE_MS + 1);
    expect(await b.tick()).toEqual({ ran: 1, failed: 1 });
    expect(calls).toBe(0);
    const row = await findJobById(t.db, job.id);
    expect(row).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(row?.lastError).toMatch(/lease expired/);
  });

  it("does not let a worker that lost its lease mark the job completed", async () => {
    const b = worker("w-b", { "demo.job": async () => Promise.reject(new Error("b failed")) });
    const aLogger = recordingLogger();
    const a = worker(
      "w-a",
      {
        "demo.job": async () => {
          // A stalls past its lease; B takes the job over and records a failure.
          clock.advance(LEASE_MS + 1);
          expect(await b.tick()).toEqual({ ran: 1, failed: 1 });
        },
      },
      aLogger,
    );
    const { job } = await enqueueJob(t.db, { name: "demo.job", maxAttempts: 5 }, clock);

    expect(await a.tick()).toEqual({ ran: 1, failed: 0 });
    expect(await findJobById(t.db, job.id)).toMatchObject({ status: "PENDING", attempts: 2, lastError: "Error: b failed" });
    expect(aLogger.lines.some((l) => l.includes("lost the lease"))).toBe(true);
  });

  it("does not let a worker that lost its lease record a failure over the new owner's success", async () => {
    const b = worker("w-b", { "demo.job": async () => undefined });
    const a = worker("w-a", {
      "demo.job": async () => {
        clock.advance(LEASE_MS + 1);
        await b.tick();
        throw new Error("a failed late");
      },
    });
    const { job } = await enqueueJob(t.db, { name: "demo.job", maxAttempts: 5 }, clock);

    await a.tick();
    const row = await findJobById(t.db, job.id);
    expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
    expect(row?.lastError).toBeNull();
  });

  it("refuses a claim on a RUNNING job whose lease was renewed after the claimant read it", async () => {
    const { job } = await enqueueJob(t.db, { name: "demo.job" }, clock);
    await claimAsCrashedWorker(job.id);
    // The claimant saw (RUNNING, attempts 1) with an expired lease, but the owner has renewed since.
    const claim = { id: job.id, expectedStatus: JobStatus.RUNNING, expectedAttempts: 1, workerId: "w-b" };
    const now = clock.now();
    expect(await claimJob(t.db, { ...claim, now, leaseUntil: new Date(now.getTime() + LEASE_MS) })).toBe(false);

    const later = new Date(now.getTime() + LEASE_MS + 1);
    expect(await claimJob(t.db, { ...claim, now: later, leaseUntil: new Date(later.getTime() + LEASE_MS) })).toBe(true);
    expect(await findJobById(t.db, job.id)).toMatchObject({ status: "RUNNING", attempts: 2, leaseOwner: "w-b" });
  });

  it("renews the lease while a long handler runs, and a renewed lease cannot be taken", async () => {
    const t0 = clock.now().getTime();
    let takenOver = -1;
    const b = worker("w-b", { "demo.long": async () => undefined });
    const a = new EmbeddedScheduler({
      db: t.db,
      clock,
      workerId: "w-a",
      leaseMs: 1_000,
      renewEveryMs: 10,
      logger: recordingLogger(),
      handlers: {
        "demo.long": async (_p, ctx) => {
          clock.advance(5_000); // well past the first lease
          await eventually(async () => {
            const row = await findJobById(t.db, ctx.jobId);
            return (row?.leaseExpiresAt?.getTime() ?? 0) === t0 + 6_000;
          }, "the lease to be renewed");
          takenOver = (await b.tick()).ran;
        },
      },
    });
    const { job } = await enqueueJob(t.db, { name: "demo.long" }, clock);

    expect(await a.tick()).toEqual({ ran: 1, failed: 0 });
    expect(takenOver).toBe(0);
    expect(await findJobById(t.db, job.id)).toMatchObject({ status: "SUCCEEDED", attempts: 1 });
  });
});
