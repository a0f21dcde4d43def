import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { insertDecisionRun, type DecisionRunData } from "./decisions";
import * as paper from "./paper";

let t: TestDb;
let data: DecisionRunData;
beforeAll(async () => {
  t = await createTestDb();
  const owner = await t.db.user.create({ data: { email: "runs@example.test", name: "Runs", passwordHash: "-" } });
  const clone = await t.db.clone.create({ data: { ownerId: owner.id, name: "Runs" } });
  const account = await paper.ensureAccount(t.db, { cloneId: clone.id, mode: "RACE", scopeKey: "r", startMicro: 1, dayStartMs: 0 });
  data = {
    cloneId: clone.id, cloneVersion: 3, accountId: account.id, mode: "RACE", asset: "BTC", decisionTimeMs: Date.UTC(2026, 6, 1), provider: "anthropic",
    model: "claude", status: "HOLD", reason: null, contextPacket: '{"a":1}', prompt: "p ☃", response: "null", parsedAction: null, validation: "{}",
    latencyMs: 1234, inputTokens: 5, outputTokens: 6, cacheReadTokens: 7, cacheWriteTokens: 8, costMicroUsd: 9_007_199_254_740_991,
  };
});
afterAll(async () => t.cleanup());

describe("insertDecisionRun", () => {
  it("writes the row exactly as Prisma reads it, with a cuid-shaped id", async () => {
    const before = Date.now();
    const { id } = await insertDecisionRun(t.db, data);
    const row = await t.db.decisionRun.findUniqueOrThrow({ where: { id } });
    expect(row).toEqual({ ...data, id, decisionTimeMs: BigInt(data.decisionTimeMs), costMicroUsd: BigInt(data.costMicroUsd), createdAt: expect.any(Date) });
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(id).toMatch(/^c[0-9a-z]{24}$/);
    const [types] = await t.db.$queryRawUnsafe<Record<string, string>[]>(
      `SELECT typeof("decisionTimeMs") AS t, typeof("costMicroUsd") AS c, typeof("latencyMs") AS l FROM "DecisionRun" WHERE "id" = ?`, id);
    expect(types).toEqual({ t: "integer", c: "integer", l: "integer" });
  });

  it("gives every run its own id", async () => {
    const ids = await Promise.all(Array.from({ length: 50 }, (_x, i) => insertDecisionRun(t.db, { ...data, decisionTimeMs: data.decisionTimeMs + (i + 1) * 60_000 })));
    expect(new Set(ids.map((r) => r.id)).size).toBe(50);
  });
});
