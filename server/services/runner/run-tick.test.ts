import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import { MONITOR_ASSET } from "@/lib/domain/runner/slots";
import type { ModelProvider } from "@/server/models/types";
import * as paper from "@/server/repositories/paper";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createCloneFromTemplate } from "../clones/clones";
import { syncReplay } from "../market/sync/replay";
import { setClonePaused, setKillSwitch } from "../runtime/controls";
import { runDecisionTick } from "./run-tick";
import { resumeRunner, runnerHealthOfClone } from "./runner-state";

const M = 60_000;
// a 5-minute boundary: momentum (5m cadence) and volume-spike (1m) both have a fresh slot here
const T = Date.UTC(2026, 6, 1, 10, 30);
const admin = { userId: "u-admin", label: "admin@clash.local" };
let t: TestDb;
let ownerId: string;
let minute = 0;

/** A provider answering every decision with the same raw action. */
const always = (answer: Record<string, unknown>): ModelProvider => ({
  name: "scripted",
  async decide(request) {
    return { ok: true, rawAction: { asset: request.asset, confidence: 0.6, reasoning: "test", ...answer }, rawResponse: null, usage: null, costMicroUsd: 0, latencyMs: 0, attempts: 1 };
  },
});
const throwing: ModelProvider = { name: "scripted", decide: () => Promise.reject(new Error("database is on fire")) };

async function newClone(name: string, symbol = "BTC") {
  const { id } = await createCloneFromTemplate(t.db, { ownerId, templateId: "volume-spike", name, symbol });
  const account = await paper.ensureAccount(t.db, { cloneId: id, mode: "PERSONAL", scopeKey: `${ownerId}:${name}`, startMicro: usdToMicro(10_000), dayStartMs: T - (T % 86_400_000) });
  return { cloneId: id, accountId: account.id };
}

/** Each test ticks in minutes of its own, after the previous test's. */
function nextClock() {
  minute += 10;
  return new ManualClock(T + minute * M + 2_000);
}

beforeAll(async () => {
  t = await createTestDb();
  await syncReplay(t.db, new ManualClock(T + 4 * 60 * M), { seed: "runner", symbols: ["BTC", "ETH"] });
  ownerId = (await t.db.user.create({ data: { email: "runner@example.test", name: "R", passwordHash: "-" } })).id;
});
afterAll(async () => t.cleanup());
beforeEach(async () => {
  await t.db.paperAccount.updateMany({ data: { closedAt: new Date() } });
  await setKillSwitch(t.db, { level: "none", reason: "test reset", actor: admin });
});

describe("runDecisionTick", () => {
  it("decides each running clone's due slot once, with its monitoring first; a second pass claims nothing", async () => {
    await createCloneFromTemplate(t.db, { ownerId, templateId: "momentum", name: "Mo", symbol: "ETH" }).then(({ id }) =>
      paper.ensureAccount(t.db, { cloneId: id, mode: "PERSONAL", scopeKey: "mo", startMicro: usdToMicro(10_000), dayStartMs: 0 }));
    const spike = await newClone("Spike");
    const clock = new ManualClock(T + 2_000);
    const first = await runDecisionTick(t.db, clock, { workerId: "w1" });
    expect(first).toMatchObject({ killSwitch: "none", due: 4, claimed: 4, monitored: 2, errors: [] });
    expect(Object.values(first.decided).reduce((a, b) => a + b, 0)).toBe(2);
    const slots = await t.db.decisionSlot.findMany({ where: { asset: { not: MONITOR_ASSET } } });
    expect(slots.map((s) => [s.asset, Number(s.slotMs), s.status, s.leaseOwner, s.attempts])).toEqual(
      expect.arrayContaining([["ETH", T, "DONE", "w1", 1], ["BTC", T, "DONE", "w1", 1]]),
    );
    expect(slots.every((s) => s.decisionRunId !== null)).toBe(true);
    const again = await runDecisionTick(t.db, new ManualClock(T + 7_000), { workerId: "w2" });
    expect(again).toMatchObject({ due: 4, claimed: 0 });
    expect(await t.db.decisionRun.count({ where: { accountId: spike.accountId } })).toBe(1);
  });

  it("Pause refuses new entries at the kill-switch gate but lets a close through", async () => {
    const c = await newClone("Pauser");
    await runDecisionTick(t.db, nextClock(), { workerId: "w", providerOf: () => always({ action: "open_long", sizePct: 10, leverage: 2 }) });
    expect(await paper.openPositions(t.db, c.accountId)).toHaveLength(1);
    await setKillSwitch(t.db, { level: "pause", reason: "incident", actor: admin });
    const paused = await runDecisionTick(t.db, nextClock(), { workerId: "w", providerOf: () => always({ action: "open_short", sizePct: 10, leverage: 2 }) });
    expect(paused).toMatchObject({ killSwitch: "pause", decided: { REJECTED: 1 } });
    const rejected = await t.db.decisionRun.findFirstOrThrow({ where: { accountId: c.accountId, status: "REJECTED" } });
    expect(rejected.reason).toMatch(/^Safety gate kill_switch: kill switch is at pause/);
    const closing = await runDecisionTick(t.db, nextClock(), { workerId: "w", providerOf: () => always({ action: "close" }) });
    expect(closing.decided.ACTION).toBe(1);
    expect(await paper.openPositions(t.db, c.accountId)).toHaveLength(0);
  });

  it("Flatten closes every open position at the next price and opens nothing", async () => {
    const a = await newClone("Flat A");
    const b = await newClone("Flat B", "ETH");
    await runDecisionTick(t.db, nextClock(), { workerId: "w", providerOf: () => always({ action: "open_long", sizePct: 10, leverage: 2 }) });
    expect((await paper.openPositions(t.db, a.accountId)).length + (await paper.openPositions(t.db, b.accountId)).length).toBe(2);
    await setKillSwitch(t.db, { level: "flatten", reason: "wind down", actor: admin });
    const report = await runDecisionTick(t.db, nextClock(), { workerId: "w", providerOf: () => always({ action: "open_long", sizePct: 10, leverage: 2 }) });
    expect(report).toMatchObject({ killSwitch: "flatten", flattened: 2, decided: { ACTION: 0, REJECTED: 2 } });
    expect(await paper.openPositions(t.db, a.accountId)).toHaveLength(0);
    expect(await paper.openPositions(t.db, b.accountId)).toHaveLength(0);
    const flattenOrders = await t.db.paperOrder.findMany({ where: { purpose: "FLATTEN", accountId: { in: [a.accountId, b.accountId] } } });
    expect(flattenOrders.map((o) => o.status)).toEqual(["FILLED", "FILLED"]);
  });

  it("Emergency stops every decision and all monitoring", async () => {
    const c = await newClone("Stopper");
    await setKillSwitch(t.db, { level: "emergency", reason: "drill", actor: admin });
    const report = await runDecisionTick(t.db, nextClock(), { workerId: "w", providerOf: () => always({ action: "open_long", sizePct: 10, leverage: 2 }) });
    expect(report).toMatchObject({ killSwitch: "emergency", due: 0, claimed: 0, monitored: 0 });
    expect(await t.db.decisionRun.count({ where: { accountId: c.accountId } })).toBe(0);
  });

  it("a paused clone is monitored but does not decide; the others do", async () => {
    const paused = await newClone("Sleeper");
    const awake = await newClone("Awake");
    await setClonePaused(t.db, { cloneId: paused.cloneId, paused: true, reason: "creator asked", actor: admin });
    const report = await runDecisionTick(t.db, nextClock(), { workerId: "w" });
    expect(report).toMatchObject({ monitored: 2, skipped: { paused: 1, stopped: 0 } });
    expect(await t.db.decisionRun.count({ where: { accountId: paused.accountId } })).toBe(0);
    expect(await t.db.decisionRun.count({ where: { accountId: awake.accountId } })).toBe(1);
  });

  it("retries a thrown error with backoff, stops the pair after three failed slots, and resumes when asked", async () => {
    const c = await newClone("Fragile");
    const start = T + (minute += 10) * M;
    const at = (ms: number) => new ManualClock(start + ms);
    const run = (ms: number) => runDecisionTick(t.db, at(ms), { workerId: "w", providerOf: () => throwing });
    expect((await run(1_000)).errors).toEqual([expect.objectContaining({ status: "RETRY", error: "database is on fire" })]);
    expect(await t.db.runnerState.findUniqueOrThrow({ where: { accountId_asset: { accountId: c.accountId, asset: "BTC" } } })).toMatchObject({ status: "FAILING", consecutiveFailures: 0, lastError: "database is on fire" });
    expect((await run(3_000)).claimed).toBe(0); // backoff: not before 5 s
    // 6 s: second attempt, retried 20 s later; 27 s: the third and last attempt fails the slot for good
    expect((await run(6_000)).errors).toEqual([expect.objectContaining({ status: "RETRY" })]);
    expect((await run(27_000)).errors).toEqual([expect.objectContaining({ status: "FAILED" })]);
    const slot = await t.db.decisionSlot.findFirstOrThrow({ where: { accountId: c.accountId, asset: "BTC" } });
    expect(slot).toMatchObject({ status: "FAILED", attempts: 3, lastError: "database is on fire" });
    // two more slots, each failing all three attempts
    for (const m of [1, 2]) for (const ms of [1_000, 6_000, 27_000]) await run(m * M + ms);
    expect(await t.db.runnerState.findUniqueOrThrow({ where: { accountId_asset: { accountId: c.accountId, asset: "BTC" } } })).toMatchObject({ status: "FAILED", consecutiveFailures: 3 });
    expect((await run(3 * M + 1_000)).skipped.stopped).toBe(1);
    await expect(resumeRunner(t.db, { cloneId: c.cloneId, viewerId: "someone-else", isAdmin: false, now: 0 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await runnerHealthOfClone(t.db, { cloneId: c.cloneId, viewerId: ownerId, isAdmin: false })).toEqual([expect.objectContaining({ asset: "BTC", status: "FAILED", lastError: "database is on fire" })]);
    expect(await resumeRunner(t.db, { cloneId: c.cloneId, viewerId: ownerId, isAdmin: false, now: 0 })).toEqual({ resumed: 1 });
    const resumed = await runDecisionTick(t.db, at(4 * M + 1_000), { workerId: "w" });
    expect(resumed.errors).toEqual([]);
    expect(await t.db.decisionRun.count({ where: { accountId: c.accountId } })).toBe(1);
  });
});
