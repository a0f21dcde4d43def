import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import type { BackoffPolicy } from "@/lib/domain/scheduling/backoff";
import { findJobById } from "@/server/repositories/jobs";
import { findWorker } from "@/server/repositories/worker-heartbeats";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { enqueueJob } from "./enqueue";
import { EmbeddedScheduler, type EmbeddedSchedulerOptions } from "./scheduler";
import { eventually, gate, recordingLogger } from "./testing/helpers";
import type { JobContext, JobHandler } from "./types";

let t: TestDb;
let clock: ManualClock;

beforeEach(async () => {
  t = await createTestDb();
  clock = new ManualClock(Date.UTC(2026, 0, 1, 12));
});
afterEach(async () => {
  await t.cleanup();
});

function scheduler(handlers: Record<string, JobHandler>, extra: Partial<EmbeddedSchedulerOptions> = {}) {
  return new EmbeddedScheduler({ db: t.db, handlers, clock, workerId: "w-1", logger: recordingLogger(), ...extra });
}

describe("EmbeddedScheduler.tick", () => {
  it("runs a due job once, with its payload, and marks it SUCCEEDED", async () => {
    const calls: { payload: unknown; ctx: JobContext }[] = [];
    const s = scheduler({ "demo.echo": async (payload, ctx) => void calls.push({ payload, ctx }) });
    const { job } = await enqueueJob(t.db, { name: "demo.echo", payload: { n: 7 } }, clock);

    expect(await s.tick()).toEqual({ ran: 1, failed: 0 });
    expect(await s.tick()).toEqual({ ran: 0, failed: 0 });

    expect(calls).toHaveLength(1);
    expect(calls[0]?.payload).toEqual({ n: 7 });
    expect(calls[0]?.ctx).toMatchObject({ jobId: job.id, name: "demo.echo", attempt: 1, workerId: "w-1" });
    const row = await findJobById(t.db, job.id);
    expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 1, leaseOwner: null, leaseExpiresAt: null });
    expect(row?.finishedAt).toEqual(clock.now());
  });

  it("does not run a job before its runAt, then runs it at runAt", async () => {
    let calls = 0;
    const s = scheduler({ "demo.later": async () => void calls++ });
    const runAt = new Date(clock.now().getTime() + 5_000);
    const { job } = await enqueueJob(t.db, { name: "demo.later", runAt });

    clock.advance(4_999);
    expect(await s.tick()).toEqual({ ran: 0, failed: 0 });
    expect(calls).toBe(0);
    expect((await findJobById(t.db, job.id))?.status).toBe("PENDING");

    clock.advance(1);
    expect(await s.tick()).toEqual({ ran: 1, failed: 0 });
    expect(calls).toBe(1);
  });

  it("retries a failing handler after the backoff delay and marks it FAILED after maxAttempts", async () => {
    // With jitter 0.5 and random 0.5 a quarter comes off: 750 ms, then 1500 ms.
    const backoff: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000, factor: 2, jitter: 0.5 };
    const attempts: number[] = [];
    const s = scheduler(
      {
        "demo.flaky": async (_p, ctx) => {
          attempts.push(ctx.attempt);
          throw new Error(`boom on attempt ${ctx.attempt}`);
        },
      },
      { backoff, random: () => 0.5 },
    );
    const { job } = await enqueueJob(t.db, { name: "demo.flaky", maxAttempts: 3 }, clock);
    const t0 = clock.now().getTime();

    expect(await s.tick()).toEqual({ ran: 1, failed: 1 });
    let row = await findJobById(t.db, job.id);
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastError: "Error: boom on attempt 1", leaseOwner: null });
    expect(row?.runAt.getTime()).toBe(t0 + 750);

    clock.advance(749);
    expect(await s.tick()).toEqual({ ran: 0, failed: 0 });
    clock.advance(1);
    expect(await s.tick()).toEqual({ ran: 1, failed: 1 });
    row = await findJobById(t.db, job.id);
    expect(row?.runAt.getTime()).toBe(t0 + 750 + 1_500);

    clock.advance(1_500);
    expect(await s.tick()).toEqual({ ran: 1, failed: 1 });
    row = await findJobById(t.db, job.id);
    expect(row).toMatchObject({ status: "FAILED", attempts: 3, lastError: "Error: boom on attempt 3" });
    expect(row?.finishedAt).toEqual(clock.now());

    clock.advance(24 * 3_600_000);
    expect(await s.tick()).toEqual({ ran: 0, failed: 0 });
    expect(attempts).toEqual([1, 2, 3]);
    expect(await findWorker(t.db, "w-1")).toMatchObject({ jobsSucceeded: 0, jobsFailed: 3 });
  });

  it("succeeds on a retry after a failure, and a thrown non-Error is recorded as text", async () => {
    const s = scheduler(
      {
        "demo.once": async (_p, ctx) => {
          if (ctx.attempt === 1) throw "upstream said no";
        },
      },
      { backoff: { baseMs: 100, maxMs: 100, factor: 2, jitter: 0 } },
    );
    const { job } = await enqueueJob(t.db, { name: "demo.once" }, clock);
    await s.tick();
    expect((await findJobById(t.db, job.id))?.lastError).toBe("upstream said no");
    clock.advance(100);
    expect(await s.tick()).toEqual({ ran: 1, failed: 0 });
    expect(await findJobById(t.db, job.id)).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
  });

  it("marks a job whose name has no handler FAILED at once, without retries", async () => {
    const s = scheduler({ "demo.known": async () => undefined });
    const { job } = await enqueueJob(t.db, { name: "mystery.job", maxAttempts: 5 }, clock);

    expect(await s.tick()).toEqual({ ran: 1, failed: 1 });
    const row = await findJobById(t.db, job.id);
    expect(row).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(row?.lastError).toBe('no handler is registered for job name "mystery.job"');
  });

  it("writes a heartbeat row with counters and marks it stopped on stop()", async () => {
    const s = scheduler({ "demo.ok": async () => undefined });
    await enqueueJob(t.db, { name: "demo.ok" }, clock);
    await s.tick();
    const alive = await findWorker(t.db, "w-1");
    expect(alive).toMatchObject({ kind: "embedded", pid: process.pid, stoppedAt: null, jobsSucceeded: 1, jobsFailed: 0 });

    clock.advance(1_000);
    await s.stop();
    expect((await findWorker(t.db, "w-1"))?.stoppedAt).toEqual(clock.now());
  });

  it("keeps beating while a long job runs, so a busy worker never looks dead", async () => {
    const release = gate();
    const s = scheduler({ "demo.long": () => release.promise }, { workerId: "w-long", heartbeatEveryMs: 20 });
    await enqueueJob(t.db, { name: "demo.long" }, clock);
    const pass = s.tick();
    await eventually(async () => (await findWorker(t.db, "w-long")) !== null, "the first heartbeat");
    const first = (await findWorker(t.db, "w-long"))!.lastHeartbeatAt;
    // the job is still running: the worker's clock moves on and its heartbeat follows
    clock.advance(120_000);
    await eventually(async () => (await findWorker(t.db, "w-long"))!.lastHeartbeatAt.getTime() === first.getTime() + 120_000, "a heartbeat during the job");
    release.open();
    expect(await pass).toEqual({ ran: 1, failed: 0 });
  });
});

describe("EmbeddedScheduler.start / stop", () => {
  it("polls on its own, and stop() waits for the running job before marking the worker stopped", async () => {
    const release = gate();
    let finished = false;
    const s = scheduler(
      {
        "demo.slow": async () => {
          await release.promise;
          finished = true;
        },
      },
      { pollMs: 10 },
    );
    const { job } = await enqueueJob(t.db, { name: "demo.slow" }, clock);
    s.start();
    await eventually(async () => (await findJobById(t.db, job.id))?.status === "RUNNING", "the job to be claimed");

    setTimeout(release.open, 50);
    await s.stop();
    expect(finished).toBe(true);
    expect((await findJobById(t.db, job.id))?.status).toBe("SUCCEEDED");
    expect((await findWorker(t.db, "w-1"))?.stoppedAt).not.toBeNull();
  });

  it("keeps running after handler errors", async () => {
    let good = 0;
    const s = scheduler(
      { "demo.bad": async () => Promise.reject(new Error("bad")), "demo.good": async () => void good++ },
      { pollMs: 10, batchSize: 1 },
    );
    await enqueueJob(t.db, { name: "demo.bad", maxAttempts: 1, runAt: new Date(clock.now().getTime() - 2) }, clock);
    await enqueueJob(t.db, { name: "demo.good", runAt: new Date(clock.now().getTime() - 1) }, clock);
    s.start();
    await eventually(async () => good === 1, "the job after the failing one to run");
    await s.stop();
  });
});
