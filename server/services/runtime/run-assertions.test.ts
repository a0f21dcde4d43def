import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import { ASSERTION_NAMES, type AssertionName } from "@/lib/domain/runtime/assertions";
import { createDb, type PrismaClient } from "@/server/db";
import { createScriptedProvider } from "@/server/models/scripted";
import * as paper from "@/server/repositories/paper";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createCloneFromTemplate } from "../clones/clones";
import { decide } from "../decisions/decide";
import { syncReplay } from "../market/sync/replay";
import { monitorAccount } from "../paper/monitor";
import { setGlobalLimit, setKillSwitch } from "./controls";
import { assertionBoard, runRuntimeAssertions } from "./run-assertions";

const M = 60_000;
const T = Date.UTC(2026, 6, 1, 10, 30, 5);
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const open = (asset: string) => ({ action: "open_long", asset, sizePct: 10, leverage: 2, confidence: 0.7, reasoning: "Trend up." });
const close = (asset: string) => ({ action: "close", asset, confidence: 0.6, reasoning: "Done." });
const hold = (asset: string) => ({ action: "hold", asset, confidence: 0.5, reasoning: "No edge." });

let t: TestDb;
let healthyFile: string;
const accounts = { btc: "", eth: "", sol: "" };
const copies: { db: PrismaClient; dir: string }[] = [];

async function decideOnce(db: PrismaClient, accountId: string, asset: string, at: number, answer: unknown) {
  return decide(db, { accountId, asset, decisionTime: at, provider: createScriptedProvider([answer]) });
}

beforeAll(async () => {
  t = await createTestDb();
  await syncReplay(t.db, new ManualClock(T + 60 * M), { seed: "assertions", symbols: ["BTC", "ETH", "SOL"] });
  const owner = await t.db.user.create({ data: { email: "creator@example.test", name: "Creator", passwordHash: "-" } });
  const account = async (templateId: "momentum" | "funding-carry", symbol: string) => {
    const { id } = await createCloneFromTemplate(t.db, { ownerId: owner.id, templateId, symbol });
    return (await paper.ensureAccount(t.db, { cloneId: id, mode: "PERSONAL", scopeKey: `${owner.id}:${symbol}`, startMicro: usdToMicro(10_000), dayStartMs: T - (T % 86_400_000) })).id;
  };
  accounts.btc = await account("momentum", "BTC");
  accounts.eth = await account("momentum", "ETH");
  accounts.sol = await account("funding-carry", "SOL");

  // the real pipeline: a round trip on BTC, a rejection and a hold, an ETH long left open, a SOL hold
  const statuses = [
    await decideOnce(t.db, accounts.btc, "BTC", T, open("BTC")),
    await decideOnce(t.db, accounts.btc, "BTC", T + 5 * M, hold("BTC")),
    await decideOnce(t.db, accounts.btc, "BTC", T + 10 * M, { action: "yolo", asset: "BTC" }),
    await decideOnce(t.db, accounts.btc, "BTC", T + 15 * M, { ...open("BTC"), leverage: 40 }),
    await decideOnce(t.db, accounts.btc, "BTC", T + 20 * M, close("BTC")),
    await decideOnce(t.db, accounts.eth, "ETH", T, open("ETH")),
    await decideOnce(t.db, accounts.sol, "SOL", T, hold("SOL")),
  ].map((r) => r.status);
  expect(statuses).toEqual(["ACTION", "HOLD", "REJECTED", "REJECTED", "ACTION", "ACTION", "HOLD"]);
  // funding hours on the open ETH long, booked by the monitor
  expect((await monitorAccount(t.db, accounts.eth, T + 59 * M)).fundingHours).toBe(1);

  // a worker alive in a job, and one that died holding nothing: neither is an incident
  const now = new Date(Date.UTC(2026, 10, 21, 12));
  await t.db.workerHeartbeat.create({ data: { id: "w-live", kind: "embedded", hostname: "box", pid: 1, startedAt: now, lastHeartbeatAt: new Date(now.getTime() - 5_000) } });
  await t.db.workerHeartbeat.create({ data: { id: "w-gone", kind: "embedded", hostname: "box", pid: 2, startedAt: now, lastHeartbeatAt: new Date(now.getTime() - 3_600_000) } });
  await t.db.job.create({ data: { name: "decisions.run", dedupeKey: "live-job", runAt: now, status: "RUNNING", attempts: 1, leaseOwner: "w-live", leaseExpiresAt: new Date(now.getTime() + 40_000) } });

  healthyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "clash-assertions-")), "healthy.db");
  await t.db.$executeRawUnsafe(`VACUUM INTO '${healthyFile}'`);
});

afterAll(async () => {
  await Promise.all(copies.map((c) => c.db.$disconnect()));
  for (const c of copies) fs.rmSync(c.dir, { recursive: true, force: true });
  fs.rmSync(path.dirname(healthyFile), { recursive: true, force: true });
  await t.cleanup();
});

/** A fresh copy of the healthy database, its clock, and the assertions run on it once (green), as they run continuously. */
async function healthyCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clash-assertions-copy-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(healthyFile, file);
  const db = createDb({ url: `file:${file}` });
  copies.push({ db, dir });
  const clock = new ManualClock(Date.UTC(2026, 10, 21, 12));
  const first = await runRuntimeAssertions(db, clock);
  expect(first.results.filter((r) => !r.ok)).toEqual([]);
  clock.advance(M);
  return { db, clock };
}

const killSwitch = async (db: PrismaClient) => (await db.runtimeControl.findUnique({ where: { key: "kill-switch" } }))?.value ?? "none";

/** Runs the assertions and expects exactly this breaker trip: pause, by the assertions, naming the assertion and the record. */
async function expectTrip(db: PrismaClient, clock: ManualClock, assertion: AssertionName, message: RegExp) {
  const report = await runRuntimeAssertions(db, clock);
  expect(report.ok).toBe(false);
  expect(report.breaker).toEqual({ tripped: true, level: "pause" });
  const result = await db.assertionResult.findFirstOrThrow({ where: { assertion }, orderBy: { checkedAt: "desc" } });
  expect(result.ok).toBe(false);
  expect(result.message).toMatch(message);
  expect(JSON.parse(result.details).problems[0].message).toMatch(message);
  expect(await killSwitch(db)).toBe("pause");
  const changes = await db.runtimeControlChange.findMany({ where: { key: "kill-switch" } });
  expect(changes).toHaveLength(1);
  expect(changes[0]).toMatchObject({ oldValue: null, newValue: "pause", changedBy: "runtime assertions", changedById: null });
  expect(changes[0]!.reason).toMatch(new RegExp(`^Runtime assertions? failed \\([^)]*\\b${esc(assertion)}\\b`));
  expect(changes[0]!.reason).toContain(`${assertion}: ${result.message.slice(0, 60)}`);
  return report;
}

describe("runRuntimeAssertions on a healthy database", () => {
  it("is all green after the real pipeline traded, records one result per assertion, and leaves the kill switch alone", async () => {
    const { db, clock } = await healthyCopy();
    const report = await runRuntimeAssertions(db, clock);
    expect(report).toMatchObject({ ok: true, breaker: null });
    expect(report.results.map((r) => [r.assertion, r.ok])).toEqual(ASSERTION_NAMES.map((a) => [a, true]));
    // the second run reads only what is new (no decision runs), and the rotating slice of accounts again
    const checked = Object.fromEntries(report.results.map((r) => [r.assertion, r.checked]));
    expect(checked).toMatchObject({ "action-has-order": 0, "positions-match-fills": 3, "equity-identity": 3, "heartbeats-fresh": 1 });
    expect(await killSwitch(db)).toBe("none");
    expect(await db.runtimeControlChange.count()).toBe(0);
    expect(await db.assertionResult.count()).toBe(2 * ASSERTION_NAMES.length);

    const first = await db.assertionResult.findFirstOrThrow({ where: { assertion: "action-has-order" }, orderBy: { checkedAt: "asc" } });
    expect(JSON.parse(first.details)).toMatchObject({ checked: 10, problemCount: 0, problems: [] }); // 7 decision runs, and the 3 that ordered

    const board = await assertionBoard(db);
    expect(board.map((b) => [b.assertion, b.latest?.ok, b.latest?.checkedAt])).toEqual(ASSERTION_NAMES.map((a) => [a, true, report.checkedAt]));
  });

  it("a cap lowered below the open positions does not trip on them: they opened before it", async () => {
    const { db, clock } = await healthyCopy();
    await setGlobalLimit(db, { name: "maxLeverage", value: 1, reason: "tighten for the drill", actor: { system: "test" } });
    await setGlobalLimit(db, { name: "maxPositionPct", value: 1, reason: "tighten for the drill", actor: { system: "test" } });
    const report = await runRuntimeAssertions(db, clock);
    expect(report.results.find((r) => r.assertion === "capital-caps")).toMatchObject({ ok: true, checked: 1 });
    expect(await killSwitch(db)).toBe("none");
  });
});

describe("each assertion trips the breaker when its invariant is broken on purpose", () => {
  it("action-has-order: an ACTION decision whose order was deleted", async () => {
    const { db, clock } = await healthyCopy();
    const run = await decideOnce(db, accounts.eth, "ETH", T + 28 * M, close("ETH"));
    expect(run.status).toBe("ACTION");
    const order = await db.paperOrder.findFirstOrThrow({ where: { decisionRunId: run.runId } });
    await db.paperFill.deleteMany({ where: { orderId: order.id } });
    await db.paperOrder.delete({ where: { id: order.id } });
    await expectTrip(db, clock, "action-has-order", new RegExp(`^decision run ${run.runId} \\(ACTION, ETH at ${esc(iso(T + 28 * M))}\\) has no order$`));
  });

  it("order-has-fill-or-state: an order left without a fill or a final state", async () => {
    const { db, clock } = await healthyCopy();
    const order = await db.paperOrder.create({
      data: { accountId: accounts.eth, clientKey: "stuck:exit", asset: "ETH", side: "sell", purpose: "STOP", sizeBase: 0.5, reduceOnly: true, status: "SENT", createdAtMs: BigInt(T + 40 * M) },
    });
    await expectTrip(db, clock, "order-has-fill-or-state", new RegExp(`^order ${order.id} \\(ETH sell 0.5 on account ${accounts.eth}\\) has status "SENT", neither FILLED nor REJECTED$`));
  });

  it("positions-match-fills: a fill's size edited under an open position", async () => {
    const { db, clock } = await healthyCopy();
    const fill = await db.paperFill.findFirstOrThrow({ where: { accountId: accounts.eth } });
    const [position] = await paper.openPositions(db, accounts.eth);
    await db.paperFill.update({ where: { id: fill.id }, data: { sizeBase: fill.sizeBase / 2 } });
    await expectTrip(db, clock, "positions-match-fills", new RegExp(`^account ${accounts.eth} ETH: fills net \\+${esc(String(fill.sizeBase / 2))} but the open position ${position!.id} holds \\+${esc(String(fill.sizeBase))}$`));
  });

  it("equity-identity: an account's fees bumped behind the pipeline's back", async () => {
    const { db, clock } = await healthyCopy();
    await db.paperAccount.update({ where: { id: accounts.btc }, data: { feesMicro: { increment: 1_000 } } });
    const fees = (await db.paperFill.findMany({ where: { accountId: accounts.btc } })).reduce((s, f) => s + Number(f.feeMicro), 0);
    await expectTrip(db, clock, "equity-identity", new RegExp(`^account ${accounts.btc}: stored fees ${esc((fees + 1_000).toLocaleString("en-US"))} µ\\$ but its 2 fills total ${esc(fees.toLocaleString("en-US"))} µ\\$, so its equity is understated by 1,000 µ\\$$`));
  });

  it("instruments-in-scope: a position, with its order and fill, on an asset outside the clone's graph", async () => {
    const { db, clock } = await healthyCopy();
    const position = await insertFilledPosition(db, { accountId: accounts.btc, asset: "SOL", sizeBase: 3, price: 190, leverage: 1 });
    const report = await expectTrip(db, clock, "instruments-in-scope", new RegExp(`^open position ${position} \\(SOL long on account ${accounts.btc} of clone \\w+\\) is outside the clone's instruments: version 1 trades BTC$`));
    // the books of that position are consistent: only the scope is broken
    expect(report.results.filter((r) => !r.ok).map((r) => r.assertion)).toEqual(["instruments-in-scope"]);
  });

  it("no-future-data: a decision's stored packet holding a bar that closed after its decision time", async () => {
    const { db, clock } = await healthyCopy();
    const at = T + 35 * M;
    const run = await decideOnce(db, accounts.btc, "BTC", at, hold("BTC"));
    const stored = await db.decisionRun.findUniqueOrThrow({ where: { id: run.runId } });
    const packet = JSON.parse(stored.contextPacket);
    const bar = Math.floor(at / (5 * M)) * 5 * M; // the 5-minute bar still open at T
    packet.assets[0].streams[0].points.push({ time: bar, close: 1 });
    await db.decisionRun.update({ where: { id: run.runId }, data: { contextPacket: JSON.stringify(packet) } });
    await expectTrip(db, clock, "no-future-data", new RegExp(`^decision run ${run.runId} \\(BTC at ${esc(iso(at))}\\) holds a candles-1 \\(BTC candles 5m\\) point stamped ${esc(iso(bar))}, known only at ${esc(iso(bar + 5 * M))}, after its decision time$`));
  });

  it("capital-caps: a position above the global leverage cap", async () => {
    const { db, clock } = await healthyCopy();
    const position = await insertFilledPosition(db, { accountId: accounts.btc, asset: "BTC", sizeBase: 0.01, price: 95_000, leverage: 25 });
    const report = await expectTrip(db, clock, "capital-caps", new RegExp(`^open position ${position} \\(BTC long on account ${accounts.btc}, opened ${esc(iso(T + 45 * M))}\\) has leverage 25x, above the global cap of 20x \\(limits.maxLeverage\\)$`));
    expect(report.results.filter((r) => !r.ok).map((r) => r.assertion)).toEqual(["capital-caps"]);
  });

  it("heartbeats-fresh: a worker dead for 5 minutes that still holds a running job", async () => {
    const { db, clock } = await healthyCopy();
    const now = clock.now().getTime();
    await db.workerHeartbeat.create({ data: { id: "w-dead", kind: "embedded", hostname: "box", pid: 4242, startedAt: new Date(now - 3_600_000), lastHeartbeatAt: new Date(now - 300_000) } });
    const job = await db.job.create({ data: { name: "decisions.run", dedupeKey: "held-by-the-dead", runAt: new Date(now - 400_000), status: "RUNNING", attempts: 1, leaseOwner: "w-dead", leaseExpiresAt: new Date(now - 60_000) } });
    await expectTrip(db, clock, "heartbeats-fresh", new RegExp(`^worker w-dead \\(embedded on box pid 4242\\) holds RUNNING job ${job.id} \\(decisions.run\\) but its last heartbeat was 5 min ago at ${esc(iso(now - 300_000))}, and its lease expired at ${esc(iso(now - 60_000))}$`));
  });
});

describe("the breaker", () => {
  it("never lowers a kill switch an operator raised further, and the failure is still recorded", async () => {
    const { db, clock } = await healthyCopy();
    await setKillSwitch(db, { level: "flatten", reason: "operator drill", actor: { system: "test" } });
    await db.paperAccount.update({ where: { id: accounts.eth }, data: { fundingMicro: 0 } });
    const report = await runRuntimeAssertions(db, clock);
    expect(report.breaker).toEqual({ tripped: false, level: "flatten" });
    expect(await killSwitch(db)).toBe("flatten");
    const board = await assertionBoard(db);
    expect(board.find((b) => b.assertion === "equity-identity")!.latest).toMatchObject({ ok: false, message: expect.stringMatching(new RegExp(`^account ${accounts.eth}: stored funding 0 µ\\$ but its 1 position total -?[\\d,]+ µ\\$`)) });
  });
});

/** A consistent position written the way paper execution writes one (order, fill, position), with no fee: only its asset or size is wrong. */
async function insertFilledPosition(db: PrismaClient, p: { accountId: string; asset: string; sizeBase: number; price: number; leverage: number }) {
  const time = BigInt(T + 45 * M);
  const notional = BigInt(Math.round(p.sizeBase * p.price * 1e6));
  const order = await db.paperOrder.create({
    data: { accountId: p.accountId, clientKey: `manual:${p.asset}`, asset: p.asset, side: "buy", purpose: "OPEN", sizeBase: p.sizeBase, reduceOnly: false, status: "FILLED", createdAtMs: time },
  });
  await db.paperFill.create({ data: { orderId: order.id, accountId: p.accountId, asset: p.asset, side: "buy", price: p.price, sizeBase: p.sizeBase, notionalMicro: notional, feeMicro: 0n, slippageBps: 0, timeMs: time } });
  const position = await db.paperPosition.create({
    data: {
      accountId: p.accountId, asset: p.asset, side: "long", state: "MONITORING", sizeBase: p.sizeBase, entryPrice: p.price, entryNotionalMicro: notional,
      leverage: p.leverage, marginMicro: notional / BigInt(p.leverage), trailHigh: p.price, trailLow: p.price, lastPrice: p.price,
      realizedPnlMicro: 0n, feesMicro: 0n, fundingMicro: 0n, fundingThroughHour: time - (time % 3_600_000n), details: "{}", openedAtMs: time, updatedAtMs: time,
    },
  });
  return position.id;
}
