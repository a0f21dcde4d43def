import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { replayCandles } from "@/lib/domain/market/replay/generator";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { perpAsset, storeCandles } from "@/server/services/market/store";
import { latestCandlesBefore } from "./series";

const M = 60_000;
const T0 = Date.UTC(2026, 1, 1);
let t: TestDb;
let assetId: string;
const candles = replayCandles("series-test", "ETH", T0, T0 + 3 * 24 * 60 * M);
beforeAll(async () => {
  t = await createTestDb();
  await storeCandles({ db: t.db, clock: new ManualClock(T0 + 4 * 24 * 60 * M), source: "replay" }, perpAsset("ETH"), candles);
  assetId = (await t.db.marketAsset.findFirstOrThrow({ where: { symbol: "ETH" } })).id;
});
afterAll(async () => t.cleanup());

describe("latestCandlesBefore", () => {
  it.each([
    ["on a minute boundary", T0 + 100 * M, 5, 95],
    ["mid-minute: the forming minute is excluded", T0 + 100 * M + 30_000, 5, 95],
    ["near the start: fewer than asked", T0 + 3 * M, 10, 0],
  ])("%s", async (_n, before, limit, firstIndex) => {
    const got = await latestCandlesBefore(t.db, assetId, before, limit);
    const expected = candles.filter((c) => c.openTime + M <= before).slice(-limit);
    expect(got).toEqual(expected);
    expect(got[0]?.openTime).toBe(T0 + firstIndex * M);
  });

  it("walks the primary key instead of scanning the table", async () => {
    const plan = await t.db.$queryRawUnsafe<{ detail: string }[]>(
      `EXPLAIN QUERY PLAN SELECT * FROM "Candle" WHERE "assetId" = ? AND "openTimeMs" <= ? ORDER BY "openTimeMs" DESC LIMIT 500`,
      assetId, T0 + 1000 * M,
    );
    const details = plan.map((p) => p.detail).join(" | ");
    expect(details).toMatch(/SEARCH Candle USING (PRIMARY KEY|INDEX sqlite_autoindex_Candle_1) \(assetId=\? AND openTimeMs<\?\)/);
    expect(details).not.toMatch(/TEMP B-TREE|SCAN Candle/);
  });
});
