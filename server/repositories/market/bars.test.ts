import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { resample, type Interval, INTERVALS } from "@/lib/domain/market/resample";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { syncReplay } from "@/server/services/market/sync/replay";
import { barsBefore } from "./bars";
import { latestCandlesBefore } from "./series";

const T = Date.UTC(2026, 4, 20, 13, 37, 40);
let t: TestDb;
let assetId: string;
beforeAll(async () => {
  t = await createTestDb();
  await syncReplay(t.db, new ManualClock(T + 3_600_000), { seed: "bars", symbols: ["ETH"] });
  assetId = (await t.db.marketAsset.findFirstOrThrow({ where: { symbol: "ETH" } })).id;
});
afterAll(async () => t.cleanup());

describe("barsBefore", () => {
  it.each([
    ["1m", 50],
    ["5m", 725],
    ["15m", 300],
    ["1h", 300],
  ] as const)("%s bars from %i minutes equal the JavaScript resample of the same minutes", async (interval, minutes) => {
    const sql = await barsBefore(t.db, assetId, T, minutes, INTERVALS[interval as Interval]);
    const ones = await latestCandlesBefore(t.db, assetId, T, minutes);
    const js = resample(ones, interval as Interval, true);
    expect(sql.bars.map(({ volume: _v, ...c }) => c)).toEqual(js.map(({ volume: _v, ...c }) => c));
    // volumes are float sums: the same up to summation order
    sql.bars.forEach((b, i) => expect(b.volume).toBeCloseTo(js[i]!.volume, 9));
    expect(sql.lastMinute).toEqual({ openTime: ones.at(-1)!.openTime, close: ones.at(-1)!.close });
    for (const b of sql.bars) expect(b.closeTime + 1).toBeLessThanOrEqual(T);
  });

  it("is empty before any data", async () => {
    expect(await barsBefore(t.db, assetId, Date.UTC(2026, 0, 1), 100, 300_000)).toEqual({ bars: [], lastMinute: null });
  });
});
