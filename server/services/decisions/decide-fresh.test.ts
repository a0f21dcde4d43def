/**
 * What decide() keeps in process (copies of closed minutes, parsed clone versions)
 * never hides a change: a late candle, or a new version of the clone, is used by
 * the very next decision. A TickMemo, the runner's option, fixes the market for
 * the decisions of one tick only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import type { ContextPacket } from "@/lib/domain/decisions/context-packet";
import { templateGraph } from "@/lib/domain/graph/templates";
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import { createScriptedProvider } from "@/server/models/scripted";
import { upsertCandles } from "@/server/repositories/market/series";
import * as paper from "@/server/repositories/paper";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createClone, updateClone } from "../clones/clones";
import { createTickMemo } from "../market/tick-memo";
import { syncReplay } from "../market/sync/replay";
import { decide } from "./decide";

const M = 60_000;
const T = Date.UTC(2026, 6, 1, 10, 30, 5); // the newest complete 5m bar before T opens at 10:25
const BAR = Date.UTC(2026, 6, 1, 10, 25);
const LATE = Date.UTC(2026, 6, 1, 10, 27);
let t: TestDb;
let ownerId: string;
let assetId: string;
const hold = createScriptedProvider(() => ({ action: "hold", asset: "BTC", confidence: 0.5, reasoning: "Flat." }));

beforeAll(async () => {
  t = await createTestDb();
  await syncReplay(t.db, new ManualClock(T + 30 * M), { seed: "fresh", symbols: ["BTC"] });
  ownerId = (await t.db.user.create({ data: { email: "fresh@example.test", name: "Fresh", passwordHash: "-" } })).id;
  assetId = (await t.db.marketAsset.findFirstOrThrow({ where: { symbol: "BTC" } })).id;
});
afterAll(async () => t.cleanup());

async function newAccount(name = "Fresh Mo") {
  const { id } = await createClone(t.db, { ownerId, graph: templateGraph("momentum", { name }) });
  return { cloneId: id, accountId: (await paper.ensureAccount(t.db, { cloneId: id, mode: "BACKTEST", scopeKey: "fresh", startMicro: usdToMicro(10_000), dayStartMs: 0 })).id };
}
const newestBar = async (runId: string) => {
  const run = await t.db.decisionRun.findUniqueOrThrow({ where: { id: runId } });
  return (JSON.parse(run.contextPacket) as ContextPacket).assets[0]!.streams[0]!.points.at(-1)!.time;
};
/** Takes minute LATE out of market memory, and gives a function that writes it back as a late arrival. */
async function holdBackLateMinute() {
  const row = await t.db.candle.findUniqueOrThrow({ where: { assetId_openTimeMs: { assetId, openTimeMs: BigInt(LATE) } } });
  await t.db.candle.delete({ where: { assetId_openTimeMs: { assetId, openTimeMs: BigInt(LATE) } } });
  const { open, high, low, close, volume, trades } = row;
  return () => upsertCandles(t.db, assetId, "replay", [{ openTime: LATE, closeTime: LATE + M - 1, open, high, low, close, volume, trades }]);
}

describe("decide, with what it keeps in process", () => {
  it("a candle that arrives late is in the very next decision's packet", async () => {
    const arrive = await holdBackLateMinute();
    const first = await decide(t.db, { accountId: (await newAccount()).accountId, asset: "BTC", decisionTime: T, provider: hold });
    expect(await newestBar(first.runId)).toBe(BAR - 5 * M); // the 10:25 bar misses a minute: not read
    await arrive();
    const next = await decide(t.db, { accountId: (await newAccount()).accountId, asset: "BTC", decisionTime: T, provider: hold });
    expect(await newestBar(next.runId)).toBe(BAR);
  });

  it("a new version of the clone is used by its very next decision", async () => {
    const { cloneId, accountId } = await newAccount("Old Name");
    const first = await decide(t.db, { accountId, asset: "BTC", decisionTime: T + M, provider: hold });
    await updateClone(t.db, { actorId: ownerId, cloneId, graph: templateGraph("momentum", { name: "New Name" }) });
    const next = await decide(t.db, { accountId, asset: "BTC", decisionTime: T + 2 * M, provider: hold });
    const runs = await t.db.decisionRun.findMany({ where: { id: { in: [first.runId, next.runId] } }, orderBy: { decisionTimeMs: "asc" } });
    expect(runs.map((r) => [r.cloneVersion, r.prompt.includes("You are Old Name"), r.prompt.includes("You are New Name")])).toEqual([[1, true, false], [2, false, true]]);
  });

  it("decisions sharing a TickMemo see one market for the tick; a decision without it sees the late candle", async () => {
    const arrive = await holdBackLateMinute();
    const tick = createTickMemo(t.db, T + 3 * M);
    const shared = async () => decide(t.db, { accountId: (await newAccount()).accountId, asset: "BTC", decisionTime: T + 3 * M, provider: hold, tick });
    const a = await shared();
    await arrive();
    const b = await shared();
    const own = await decide(t.db, { accountId: (await newAccount()).accountId, asset: "BTC", decisionTime: T + 3 * M, provider: hold });
    expect([await newestBar(a.runId), await newestBar(b.runId), await newestBar(own.runId)]).toEqual([BAR - 5 * M, BAR - 5 * M, BAR]);
  });

  it("refuses a TickMemo of another decision time", async () => {
    const { accountId } = await newAccount();
    await expect(decide(t.db, { accountId, asset: "BTC", decisionTime: T + 4 * M, provider: hold, tick: createTickMemo(t.db, T + 5 * M) }))
      .rejects.toMatchObject({ code: "INVARIANT_VIOLATED" });
  });
});
