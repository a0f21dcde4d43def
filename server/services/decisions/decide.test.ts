import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { equityBreakdown } from "@/lib/domain/paper/account";
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import type { ModelOutcome, ModelProvider, DecisionRequest } from "@/server/models/types";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import * as paper from "@/server/repositories/paper";
import { createCloneFromTemplate } from "../clones/clones";
import { syncReplay } from "../market/sync/replay";
import { marketAt } from "../paper/market-at";
import { decide } from "./decide";

const M = 60_000;
const T = Date.UTC(2026, 6, 1, 10, 30, 5);
let t: TestDb;
let accountId: string;

/** A provider that answers with the given raw action (or outcome), and counts its calls. */
function answering(answer: unknown | ModelOutcome) {
  const calls: DecisionRequest[] = [];
  const provider: ModelProvider = {
    name: "scripted",
    async decide(request) {
      calls.push(request);
      if (answer && typeof answer === "object" && "ok" in answer) return answer as ModelOutcome;
      return { ok: true, rawAction: answer, rawResponse: { answer }, usage: null, costMicroUsd: 0, latencyMs: 1, attempts: 1 };
    },
  };
  return { provider, calls };
}
let slot = 0; // each case decides in its own minute: a slot is decided once
const long = { action: "open_long", asset: "BTC", sizePct: 10, leverage: 2, confidence: 0.7, reasoning: "Trend up; EMA(12) above EMA(48)." };

beforeAll(async () => {
  t = await createTestDb();
  await syncReplay(t.db, new ManualClock(T + 30 * M), { seed: "decide", symbols: ["BTC"] });
  const owner = await t.db.user.create({ data: { email: "creator@example.test", name: "Creator", passwordHash: "-" } });
  const { id } = await createCloneFromTemplate(t.db, { ownerId: owner.id, templateId: "momentum", name: "Momentum Mo" });
  accountId = (await paper.ensureAccount(t.db, { cloneId: id, mode: "PERSONAL", scopeKey: owner.id, startMicro: usdToMicro(10_000), dayStartMs: T - (T % 86_400_000) })).id;
});
afterAll(async () => t.cleanup());

describe("decide", () => {
  it("leverage above the clone's limit is refused by its gate and orders nothing", async () => {
    const result = await decide(t.db, { accountId, asset: "BTC", decisionTime: T - 5 * M, provider: answering({ ...long, leverage: 40 }).provider });
    expect(result).toMatchObject({ status: "REJECTED", reason: expect.stringMatching(/^Safety gate leverage: /) });
    expect(await t.db.paperOrder.count()).toBe(0);
  });

  it("an open_long is filled, stored whole, and a retry of the slot posts nothing", async () => {
    const { provider, calls } = answering(long);
    const result = await decide(t.db, { accountId, asset: "BTC", decisionTime: T, provider });
    expect(result).toMatchObject({ status: "ACTION", reason: null, replayed: false, action: { action: "open_long", sizePct: 10, leverage: 2 } });
    const run = await t.db.decisionRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run).toMatchObject({ status: "ACTION", provider: "scripted", model: "momentum", cloneVersion: 1, asset: "BTC", decisionTimeMs: BigInt(T) });
    expect(JSON.parse(run.contextPacket).decisionTime).toBe(T);
    expect(run.prompt).toContain("You are Momentum Mo");
    expect(calls[0]!.packet.assets[0]!.streams[0]!.points.every((p) => (p.time as number) < T)).toBe(true);

    const [position] = await paper.openPositions(t.db, accountId);
    const market = (await marketAt(t.db, "BTC", T))!;
    expect(position!.position).toMatchObject({ asset: "BTC", side: "long", leverage: 2, state: "MONITORING" });
    // 10% of 10,000 USD as margin at 2x: about 2,000 USD of BTC at the price known at T, plus slippage
    expect(position!.position.sizeBase * market.referencePrice).toBeGreaterThan(1_990);
    expect(position!.position.sizeBase * market.referencePrice).toBeLessThanOrEqual(2_000);
    expect(position!.position.entryPrice).toBeGreaterThan(market.referencePrice);
    const fills = await t.db.paperFill.findMany({ where: { accountId } });
    expect(fills).toHaveLength(1);
    const account = (await paper.findAccount(t.db, accountId))!;
    expect(account.feesMicro).toBe(Number(fills[0]!.feeMicro));

    const again = await decide(t.db, { accountId, asset: "BTC", decisionTime: T, provider });
    expect(again).toMatchObject({ runId: result.runId, status: "ACTION", replayed: true });
    expect(await t.db.paperFill.count({ where: { accountId } })).toBe(1);
    expect(calls).toHaveLength(1);
  });

  it.each([
    ["a malformed answer", { action: "yolo", asset: "BTC" }, "REJECTED", /Malformed action: .*action/],
    ["absurd leverage", { ...long, action: "open_short", leverage: 1e9 }, "REJECTED", /Malformed action: .*leverage/],
    ["a second position on the same asset", long, "REJECTED", /Safety gate one_position_per_asset/],
    ["another asset than the decision's", { ...long, asset: "ETH" }, "REJECTED", /the action names ETH/],
    ["a hold", { action: "hold", asset: "BTC", confidence: 0.5, reasoning: "No clear edge <script>alert(1)</script>" }, "HOLD", /No clear edge <script>alert\(1\)<\/script>/],
  ])("%s is recorded as %s with its reason, and orders nothing", async (_name, answer, status, reason) => {
    const before = await t.db.paperOrder.count();
    const result = await decide(t.db, { accountId, asset: "BTC", decisionTime: T + ++slot * M, provider: answering(answer).provider });
    expect(result.status).toBe(status);
    expect(result.reason).toMatch(reason);
    expect(await t.db.paperOrder.count()).toBe(before);
  });

  it("stale inputs make a recorded no-trade without asking the model", async () => {
    const { provider, calls } = answering(long);
    const result = await decide(t.db, { accountId, asset: "BTC", decisionTime: T + 5 * 3_600_000, provider });
    expect(result.status).toBe("NO_TRADE");
    expect(result.reason).toMatch(/^No trade on stale data: .*candles data is \d+ s old/);
    expect(calls).toHaveLength(0);
  });

  it("no API key is an explained no-trade", async () => {
    const noKey: ModelOutcome = { ok: false, kind: "no_api_key", reason: "No ANTHROPIC_API_KEY is configured", rawResponse: null, usage: null, costMicroUsd: 0, latencyMs: 0, attempts: 0 };
    const result = await decide(t.db, { accountId, asset: "BTC", decisionTime: T + 17 * M, provider: answering(noKey).provider });
    expect(result).toMatchObject({ status: "NO_TRADE", reason: "No ANTHROPIC_API_KEY is configured" });
  });

  it("a close exits through the one exit path and the equity identity holds exactly", async () => {
    const result = await decide(t.db, { accountId, asset: "BTC", decisionTime: T + 20 * M, provider: answering({ action: "close", asset: "BTC", confidence: 0.6, reasoning: "Taking profit." }).provider });
    expect(result.status).toBe("ACTION");
    expect(await paper.openPositions(t.db, accountId)).toEqual([]);
    const closed = await t.db.paperPosition.findFirstOrThrow({ where: { accountId } });
    expect(closed).toMatchObject({ state: "CLOSED", exitReason: "CLOSE_SIGNAL" });
    const account = (await paper.findAccount(t.db, accountId))!;
    const fills = await t.db.paperFill.findMany({ where: { accountId }, orderBy: { timeMs: "asc" } });
    expect(fills).toHaveLength(2);
    expect(account.feesMicro).toBe(fills.reduce((s, f) => s + Number(f.feeMicro), 0));
    expect(account.realizedMicro).toBe(Number(closed.realizedPnlMicro));
    const breakdown = equityBreakdown(account, [], {});
    expect(breakdown.equityMicro).toBe(account.startMicro + account.realizedMicro - account.feesMicro + account.fundingMicro);
  });

  it("DRY_RUN logs the exact Hyperliquid order payload it would send, and sends nothing", async () => {
    const owner = await t.db.user.create({ data: { email: "dry@example.test", name: "Dry", passwordHash: "-" } });
    const { id } = await createCloneFromTemplate(t.db, { ownerId: owner.id, templateId: "momentum" });
    const dry = await paper.ensureAccount(t.db, { cloneId: id, mode: "DRY_RUN", scopeKey: "dry", startMicro: usdToMicro(10_000), dayStartMs: 0 });
    const result = await decide(t.db, { accountId: dry.id, asset: "BTC", decisionTime: T + 2 * M, provider: answering(long).provider });
    expect(result.status).toBe("ACTION");
    const [logged] = await t.db.dryRunOrder.findMany({ where: { decisionRunId: result.runId } });
    const payload = JSON.parse(logged!.payload);
    expect(payload).toMatchObject({
      action: { type: "order", grouping: "na", orders: [{ a: 0, b: true, r: false, t: { limit: { tif: "Ioc" } } }] },
      nonce: T + 2 * M,
    });
    const order = payload.action.orders[0];
    expect(order.p).toMatch(/^\d+(\.\d+)?$/);
    expect(order.s).toMatch(/^\d+(\.\d{1,5})?$/);
    expect(Number(order.s)).toBe((await paper.openPositions(t.db, dry.id))[0]!.position.sizeBase);
  });
});
