/**
 * Two deciders of one slot (account, asset, T): both pass the first read, the
 * loser's insert violates the slot's unique key, and it returns the winner's run.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import type { ModelProvider } from "@/server/models/types";
import * as decisions from "@/server/repositories/decisions";
import * as paper from "@/server/repositories/paper";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createCloneFromTemplate } from "../clones/clones";
import { syncReplay } from "../market/sync/replay";
import { decide } from "./decide";

const M = 60_000;
const T = Date.UTC(2026, 6, 1, 10, 30, 5);
let t: TestDb;
let account: paper.AccountRow;
beforeAll(async () => {
  t = await createTestDb();
  await syncReplay(t.db, new ManualClock(T + 30 * M), { seed: "race", symbols: ["BTC"] });
  const owner = await t.db.user.create({ data: { email: "race@example.test", name: "Race", passwordHash: "-" } });
  const { id } = await createCloneFromTemplate(t.db, { ownerId: owner.id, templateId: "momentum" });
  account = await paper.ensureAccount(t.db, { cloneId: id, mode: "PERSONAL", scopeKey: owner.id, startMicro: usdToMicro(10_000), dayStartMs: T - (T % 86_400_000) });
});
afterAll(async () => t.cleanup());

/** A model that answers `answer`, while another process stores the same slot as HOLD. */
function racedBy(decisionTime: number, answer: unknown): ModelProvider {
  const other = t.connectAgain();
  return {
    name: "scripted",
    async decide() {
      await decisions.insertDecisionRun(other, {
        cloneId: account.cloneId, cloneVersion: 1, accountId: account.id, mode: "PERSONAL", asset: "BTC", decisionTimeMs: decisionTime,
        provider: "other-worker", model: "m", status: "HOLD", reason: "decided elsewhere", contextPacket: "{}", prompt: "p", response: "null",
        parsedAction: JSON.stringify({ action: "hold", asset: "BTC", confidence: 0.5, reasoning: "decided elsewhere" }), validation: "{}",
        latencyMs: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costMicroUsd: 0,
      });
      return { ok: true, rawAction: answer, rawResponse: null, usage: null, costMicroUsd: 0, latencyMs: 1, attempts: 1 };
    },
  };
}

describe("decide, when another decider stores the slot first", () => {
  it.each([
    ["a hold", T, { action: "hold", asset: "BTC", confidence: 0.5, reasoning: "Flat." }],
    ["an open (its order, fill and position are rolled back)", T + M, { action: "open_long", asset: "BTC", sizePct: 10, leverage: 2, confidence: 0.7, reasoning: "Up." }],
  ])("returns the stored run, replayed, after %s", async (_name, at, answer) => {
    const orders = await t.db.paperOrder.count();
    const result = await decide(t.db, { accountId: account.id, asset: "BTC", decisionTime: at, provider: racedBy(at, answer) });
    const stored = await t.db.decisionRun.findUniqueOrThrow({ where: { accountId_asset_decisionTimeMs: { accountId: account.id, asset: "BTC", decisionTimeMs: BigInt(at) } } });
    expect(result).toEqual({ runId: stored.id, status: "HOLD", reason: "decided elsewhere", action: expect.objectContaining({ action: "hold" }), replayed: true });
    expect(stored.provider).toBe("other-worker");
    expect(await t.db.paperOrder.count()).toBe(orders);
    expect(await t.db.paperFill.count()).toBe(0);
    expect(await paper.openPositions(t.db, account.id)).toEqual([]);
  });
});
