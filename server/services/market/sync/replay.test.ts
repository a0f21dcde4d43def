import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import type { PrismaClient } from "@/server/db";
import { evaluateIngestionHealth } from "../evaluate-health";
import { REPLAY_INITIAL_WINDOW_MS, syncReplay } from "./replay";

const M = 60_000;
const T = Date.UTC(2026, 2, 1, 12, 0, 30);
const SYMBOLS = ["BTC", "ETH", "SOL", "DOGE"];
const dbs: TestDb[] = [];
const fresh = async () => {
  const t = await createTestDb();
  dbs.push(t);
  return t.db;
};
afterAll(async () => Promise.all(dbs.map((t) => t.cleanup())));

/** Every stored market row, in a fixed order, as text: what "byte for byte" compares. */
async function dump(db: PrismaClient) {
  const [assets, candles, funding, mids, books, prices] = await Promise.all([
    db.marketAsset.findMany({ orderBy: [{ venue: "asc" }, { symbol: "asc" }], select: { venue: true, symbol: true, kind: true, name: true, meta: true } }),
    db.candle.findMany({ orderBy: [{ assetId: "asc" }, { openTimeMs: "asc" }], omit: { assetId: true } }),
    db.fundingRate.findMany({ orderBy: [{ assetId: "asc" }, { timeMs: "asc" }], omit: { assetId: true } }),
    db.midPrice.findMany({ orderBy: [{ assetId: "asc" }, { timeMs: "asc" }], omit: { assetId: true } }),
    db.bookSnapshot.findMany({ orderBy: [{ assetId: "asc" }, { timeMs: "asc" }], omit: { assetId: true } }),
    db.predictionPrice.findMany({ orderBy: [{ assetId: "asc" }, { timeMs: "asc" }], omit: { assetId: true } }),
  ]);
  return JSON.stringify({ assets, candles, funding, mids, books, prices }, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
}

describe("replay sync", () => {
  let db: PrismaClient;
  beforeAll(async () => {
    db = await fresh();
    await syncReplay(db, new ManualClock(T), { seed: "test-seed", symbols: SYMBOLS });
  });

  it("fills the initial window of closed minutes for every asset, and every channel is green", async () => {
    const perAsset = await db.candle.groupBy({ by: ["assetId"], _count: { _all: true }, _max: { openTimeMs: true } });
    expect(perAsset).toHaveLength(4);
    for (const a of perAsset) {
      expect(a._count._all).toBe(REPLAY_INITIAL_WINDOW_MS / M);
      expect(Number(a._max.openTimeMs)).toBe(T - 30_000 - M); // the forming minute is not stored
    }
    expect(await db.fundingRate.count()).toBe(4 * 6);
    expect(await db.predictionMarket.count()).toBeGreaterThanOrEqual(1);
    expect(await db.predictionPrice.count()).toBeGreaterThan(0);
    const health = await evaluateIngestionHealth(db, new ManualClock(T), { webhookUrl: undefined, sources: ["replay"] });
    expect(health.counts).toEqual({ GREEN: 22, YELLOW: 0, RED: 0 });
    expect(await db.feedGap.count()).toBe(0);
  });

  it("is deterministic: the same seed and clock give identical rows, byte for byte", async () => {
    const again = await fresh();
    await syncReplay(again, new ManualClock(T), { seed: "test-seed", symbols: SYMBOLS });
    expect(await dump(again)).toBe(await dump(db));
    const other = await fresh();
    await syncReplay(other, new ManualClock(T), { seed: "another-seed", symbols: SYMBOLS });
    expect(await dump(other)).not.toBe(await dump(db));
  });

  it("follows the application clock: five minutes later, exactly five more candles, no gap", async () => {
    const before = await db.candle.count();
    await syncReplay(db, new ManualClock(T + 5 * M), { seed: "test-seed", symbols: SYMBOLS });
    expect((await db.candle.count()) - before).toBe(4 * 5);
    expect(await db.feedGap.count()).toBe(0);
  });

  it("an asset outside the replay universe fails its own channels only", async () => {
    const t = await fresh();
    await syncReplay(t, new ManualClock(T), { seed: "test-seed", symbols: ["BTC", "PEPE"] });
    const failed = await t.ingestionChannel.findMany({ where: { consecutiveFailures: { gt: 0 } }, select: { id: true, lastError: true } });
    expect(failed.map((f) => f.id).sort()).toEqual(["book", "candles", "contexts", "funding", "mids"].map((d) => `replay:${d}:HYPERLIQUID:PEPE`));
    expect(failed[0]!.lastError).toContain("not in the replay universe");
    expect(await t.candle.count()).toBe(REPLAY_INITIAL_WINDOW_MS / M);
  });
});
