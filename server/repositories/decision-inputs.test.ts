import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { templateGraph } from "@/lib/domain/graph/templates";
import type { Position } from "@/lib/domain/paper/position-types";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { decisionInputs } from "./decision-inputs";
import * as decisions from "./decisions";
import * as paper from "./paper";

const T = Date.UTC(2026, 6, 1, 10, 30);
let t: TestDb;
let account: paper.AccountRow;
let cloneId: string;

// doubles whose shortest form needs 17 digits, and both forms of every optional field
const awkward: Position = {
  asset: "BTC", side: "long", sizeBase: 0.1 + 0.2, entryPrice: 100_123.456_789_012_34, entryNotionalMicro: 30_037_037_036,
  leverage: 1 / 3, marginMicro: 9_007_199_254_740_991, stopLoss: 98_765.432_109_876_54, trailingStopPct: 2.5,
  trailHigh: 101_234.567_890_123_4, trailLow: 99_999.999_999_999_99, lastPrice: 100_500.000_000_000_01, openedAt: T - 120_000,
  updatedAt: T - 60_000, realizedPnlMicro: -1, feesMicro: 12_345, fundingMicro: -678, fundingThroughHour: T - 3_600_000,
  state: "MONITORING", history: [{ state: "ENTRY", time: T - 120_000 }, { state: "MONITORING", time: T - 120_000 }],
};

beforeAll(async () => {
  t = await createTestDb();
  const owner = await t.db.user.create({ data: { email: "inputs@example.test", name: "Inputs", passwordHash: "-" } });
  cloneId = (await t.db.clone.create({ data: { ownerId: owner.id, name: "Inputs", currentVersion: 2 } })).id;
  for (const version of [1, 2]) await t.db.cloneVersion.create({ data: { cloneId, version, graph: JSON.stringify(templateGraph("momentum")), createdById: owner.id } });
  account = await paper.ensureAccount(t.db, { cloneId, mode: "PERSONAL", scopeKey: owner.id, startMicro: 10_000_000_000, dayStartMs: T - (T % 86_400_000) });
  await paper.insertPosition(t.db, account.id, { ...awkward, asset: "ETH", openedAt: T - 30_000, stopLoss: undefined, trailingStopPct: undefined, takeProfit: 3_000.1 });
  await paper.insertPosition(t.db, account.id, awkward);
  await paper.insertPosition(t.db, account.id, { ...awkward, asset: "SOL", state: "CLOSED", exitReason: "CLOSE_SIGNAL", exitPrice: 1 / 7, closedAt: T - 1 });
});
afterAll(async () => t.cleanup());

describe("decisionInputs", () => {
  it("is exactly what the separate Prisma reads return, in one statement", async () => {
    const inputs = (await decisionInputs(t.db, account.id, "BTC", T))!;
    expect(inputs.account).toEqual(await paper.findAccount(t.db, account.id));
    expect(inputs.positions).toEqual(await paper.openPositions(t.db, account.id));
    expect(inputs.positions.map((p) => p.position.asset)).toEqual(["BTC", "ETH"]);
    expect(inputs.positions[0]!.position).toEqual(awkward);
    expect(inputs.version).toBe(2);
    expect(inputs.previous).toBeNull();
  });

  it("carries the run already stored for the slot, and only for that slot", async () => {
    const run = await decisions.insertDecisionRun(t.db, {
      cloneId, cloneVersion: 2, accountId: account.id, mode: "PERSONAL", asset: "BTC", decisionTimeMs: T, provider: "scripted", model: "m",
      status: "HOLD", reason: 'Quotes " and \\ survive', contextPacket: "{}", prompt: "p", response: "null",
      parsedAction: JSON.stringify({ action: "hold", asset: "BTC" }), validation: "{}", latencyMs: 0, inputTokens: 0, outputTokens: 0,
      cacheReadTokens: 0, cacheWriteTokens: 0, costMicroUsd: 0,
    });
    expect((await decisionInputs(t.db, account.id, "BTC", T))!.previous).toEqual({
      id: run.id, status: "HOLD", reason: 'Quotes " and \\ survive', parsedAction: JSON.stringify({ action: "hold", asset: "BTC" }),
    });
    expect((await decisionInputs(t.db, account.id, "ETH", T))!.previous).toBeNull();
    expect((await decisionInputs(t.db, account.id, "BTC", T + 60_000))!.previous).toBeNull();
  });

  it("is null for an unknown account", async () => {
    expect(await decisionInputs(t.db, "no-such-account", "BTC", T)).toBeNull();
  });
});
