/** backtests.start and backtests.get through a real tRPC caller on a real database. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { templateGraph } from "@/lib/domain/graph/templates";
import { appRouter, createCaller } from "@/server/api/root";
import type { Context } from "@/server/api/trpc";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createClone, createCloneFromTemplate } from "../clones/clones";
import { syncReplay } from "../market/sync/replay";
import { STALLED_AFTER_MS } from "./backtest-runs";
import { prepareBacktest, runBacktest } from "./run-backtest";

const H = 3_600_000;
const S0 = Date.UTC(2026, 6, 20, 12, 0);
const from = new Date(S0 - 5 * H);
const to = new Date(S0);
let t: TestDb;
let owner: string;
let other: string;
let cloneId: string;
const as = (sessionUserId: string) => createCaller({ db: t.db, sessionUserId } satisfies Context);

beforeAll(async () => {
  t = await createTestDb();
  await syncReplay(t.db, new ManualClock(S0), { seed: "backtests-api", symbols: ["BTC"] });
  owner = (await t.db.user.create({ data: { email: "owner@example.test", name: "Owner", passwordHash: "-" } })).id;
  other = (await t.db.user.create({ data: { email: "other@example.test", name: "Other", passwordHash: "-" } })).id;
  cloneId = (await createCloneFromTemplate(t.db, { ownerId: owner, templateId: "volume-spike" })).id;
});
afterAll(async () => t.cleanup());

async function finished(sessionUserId: string, id: string) {
  for (let i = 0; i < 600; i++) {
    const run = await as(sessionUserId).backtests.get({ id });
    if (run.status !== "RUNNING") return run;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the backtest did not finish");
}

describe("backtests.start / backtests.get", () => {
  it("runs the owner's clone in the background, reports progress, and stores the same result a direct run gives", async () => {
    const started = await as(owner).backtests.start({ cloneId, asset: "BTC", from, to });
    expect(started.coverage).toEqual({ minutes: 300, expected: 300 });
    const run = await finished(owner, started.id);
    expect(run).toMatchObject({ status: "DONE", progress: 1, cloneId, cloneVersion: 1, asset: "BTC", from: from.getTime(), to: to.getTime(), error: null });
    expect(run.result!.metrics).toMatchObject({ returnPeriod: "1h", trades: expect.any(Number) });
    const direct = await runBacktest(t.db, await prepareBacktest(t.db, { target: { kind: "clone", cloneId }, asset: "BTC", from: from.getTime(), to: to.getTime(), now: Date.now() }));
    const { timings: _a, coverage: _c, ...stored } = run.result!;
    expect(stored).toStrictEqual(JSON.parse(JSON.stringify(direct.result)));
    // another user learns nothing of it
    await expect(as(other).backtests.get({ id: started.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it.each([
    { name: "from after to", input: { from: to, to: from }, code: "BAD_REQUEST", message: /must be before/ },
    { name: "more than a year", input: { from: new Date(S0 - 400 * 24 * H), to }, code: "BAD_REQUEST", message: /at most 366/ },
    { name: "a window without data", input: { from: new Date(S0 - 30 * 24 * H), to: new Date(S0 - 29 * 24 * H) }, code: "BAD_REQUEST", message: /no BTC minutes/ },
    { name: "an asset the clone does not trade", input: { asset: "ETH" }, code: "BAD_REQUEST", message: /not an asset of this clone/ },
  ])("refuses $name", async ({ input, code, message }) => {
    await expect(as(owner).backtests.start({ cloneId, asset: "BTC", from, to, ...input })).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it("only the owner may backtest a clone, and only a rules clone", async () => {
    await expect(as(other).backtests.start({ cloneId, asset: "BTC", from, to })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const llm = await createClone(t.db, { ownerId: owner, graph: templateGraph("llm-discretionary") });
    await expect(as(owner).backtests.start({ cloneId: llm.id, asset: "BTC", from, to })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/rules clones/) });
  });

  it("a run left RUNNING by a stopped process is reported FAILED once it stalls", async () => {
    const row = await t.db.backtestRun.create({ data: { ownerId: owner, cloneId, asset: "BTC", fromMs: BigInt(from.getTime()), toMs: BigInt(to.getTime()), status: "RUNNING", params: "{}" } });
    await t.db.$executeRawUnsafe(`UPDATE "BacktestRun" SET "updatedAt" = ? WHERE "id" = ?`, new Date(Date.now() - STALLED_AFTER_MS - 1_000).toISOString(), row.id);
    expect(await as(owner).backtests.get({ id: row.id })).toMatchObject({ status: "FAILED", error: expect.stringMatching(/stopped making progress/) });
  });

  it("is registered on the app router", () => {
    expect(Object.keys(appRouter._def.procedures)).toEqual(expect.arrayContaining(["backtests.start", "backtests.get"]));
  });
});
