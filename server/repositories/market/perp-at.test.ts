import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import type { Candle } from "@/lib/domain/market/types";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { syncReplay } from "@/server/services/market/sync/replay";
import { bookBefore } from "./before";
import { perpAssetId, perpAt } from "./perp-at";
import { latestCandlesBefore, upsertCandles } from "./series";

const M = 60_000;
const T = Date.UTC(2026, 4, 20, 13, 37, 40); // mid-minute
let t: TestDb;
let assetId: string;
beforeAll(async () => {
  t = await createTestDb();
  // a sync before T (mids and books are stamped at sync time), then data up to an hour after T: none of it may be read at T
  for (const at of [T - 10 * M, T + 3_600_000]) await syncReplay(t.db, new ManualClock(at), { seed: "perp-at", symbols: ["ETH"] });
  assetId = (await t.db.marketAsset.findFirstOrThrow({ where: { symbol: "ETH" } })).id;
});
afterAll(async () => t.cleanup());

describe("perpAt", () => {
  it("reads the newest closed minutes, mid and book before T, each double exactly as stored", async () => {
    expect(await perpAssetId(t.db, "ETH")).toBe(assetId);
    const read = (await perpAt(t.db, assetId, T, 725))!;
    expect(read.revision).toBe(0);
    expect(read.meta).toBe((await t.db.marketAsset.findUniqueOrThrow({ where: { id: assetId } })).meta);
    expect(read.minutes).toEqual(await latestCandlesBefore(t.db, assetId, T, 725));
    const mid = await t.db.midPrice.findFirstOrThrow({ where: { assetId, timeMs: { lt: BigInt(T) } }, orderBy: { timeMs: "desc" } });
    expect(read.mid).toEqual({ time: Number(mid.timeMs), price: mid.price });
    const { levels: _l, ...book } = (await bookBefore(t.db, assetId, T))!;
    expect(read.book).toEqual(book);
    expect(read.minutes.at(-1)!.openTime + M).toBeLessThanOrEqual(T);
    expect(read.mid!.time).toBeLessThan(T);
    expect(read.book!.time).toBeLessThan(T);
  });

  it("returns only the minutes after the caller's last one", async () => {
    const older = (await perpAt(t.db, assetId, T - 3 * M, 50))!;
    const after = (await perpAt(t.db, assetId, T, 50, older.minutes.at(-1)!.openTime))!;
    expect(after.minutes).toEqual(await latestCandlesBefore(t.db, assetId, T, 3));
  });

  it("is null for an unknown perp, and empty before any data", async () => {
    expect(await perpAssetId(t.db, "NOPE")).toBeNull();
    expect(await perpAt(t.db, "no-such-asset", T, 10)).toBeNull();
    expect(await perpAt(t.db, assetId, Date.UTC(2026, 0, 1), 10)).toMatchObject({ minutes: [], mid: null, book: null });
  });
});

describe("the candle revision (triggers of the CandleRevision migration)", () => {
  const revision = async (id: string) =>
    (await t.db.$queryRawUnsafe<{ revision: bigint }[]>(`SELECT "revision" FROM "CandleRevision" WHERE "assetId" = ?`, id))[0]?.revision ?? 0;
  const c = (minute: number, close = 1): Candle => ({ openTime: minute * M, closeTime: minute * M + M - 1, open: 1, high: 2, low: 0.5, close, volume: 3, trades: 4 });

  it("stays on appends and identical rewrites, and moves on anything that changes a stored minute", async () => {
    const id = "revision-asset";
    const steps: [string, () => Promise<unknown>, number][] = [
      ["appends", () => upsertCandles(t.db, id, "test", [c(10), c(11), c(12)]), 0],
      ["an identical rewrite of an overlapping window", () => upsertCandles(t.db, id, "test", [c(11), c(12)]), 0],
      ["more appends", () => upsertCandles(t.db, id, "test", [c(13), c(15)]), 0],
      ["a corrected close", () => upsertCandles(t.db, id, "test", [c(13, 9)]), 1],
      ["a late minute in the gap", () => upsertCandles(t.db, id, "test", [c(14)]), 2],
      ["a backfill before the oldest", () => upsertCandles(t.db, id, "test", [c(9)]), 3],
      ["a delete", () => t.db.candle.deleteMany({ where: { assetId: id, openTimeMs: BigInt(10 * M) } }), 4],
    ];
    for (const [what, write, expected] of steps) {
      await write();
      expect(Number(await revision(id)), what).toBe(expected);
    }
  });
});
