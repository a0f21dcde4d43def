import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Candle } from "@/lib/domain/market/types";
import { transaction } from "@/server/db";
import { ensureAsset } from "@/server/repositories/market/assets";
import { latestCandlesBefore, upsertCandles } from "@/server/repositories/market/series";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { closedMinuteStats, perpAtT } from "./closed-minutes";

const M = 60_000;
const T0 = Date.UTC(2026, 3, 2, 9, 0);
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.cleanup());

const candle = (i: number, close = 100 + i / 3): Candle => ({
  openTime: T0 + i * M, closeTime: T0 + i * M + M - 1, open: 100 + i / 7, high: 101 + i / 3, low: 99 + i / 11, close, volume: 0.1 + i / 13, trades: i,
});
/** A perp of its own per test (copies are per symbol), with minutes `from` .. `to` - 1 except `skip`. */
async function perp(symbol: string, from: number, to: number, skip: number[] = []) {
  const id = await ensureAsset(t.db, { venue: "HYPERLIQUID", symbol, kind: "PERP", name: symbol });
  const rows = Array.from({ length: to - from }, (_x, k) => from + k).filter((i) => !skip.includes(i)).map((i) => candle(i));
  await upsertCandles(t.db, id, "test", rows);
  return id;
}
const at = (minute: number) => T0 + minute * M + 7_000; // mid-minute: the forming minute is not closed
const counts = () => ({ ...closedMinuteStats });

describe("perpAtT", () => {
  it("serves each minute's read from the copy plus the appended minutes, equal to a fresh read (and trims the copy)", async () => {
    const id = await perp("WALK", 0, 100);
    await perpAtT(t.db, "WALK", at(100), 30);
    const before = counts();
    // 70 minutes: the copy outgrows twice the 30 read, and is trimmed on the way
    for (let m = 100; m < 170; m++) {
      await upsertCandles(t.db, id, "test", [candle(m)]); // ingestion appends the minute that just closed
      const read = (await perpAtT(t.db, "WALK", at(m + 1), 30))!;
      expect(read.minutes).toEqual(await latestCandlesBefore(t.db, id, at(m + 1), 30));
      expect(read.minutes.at(-1)!.openTime).toBe(T0 + m * M);
    }
    expect(counts()).toEqual({ whole: before.whole, validated: before.validated + 70 });
  });

  it("sees a late candle that fills a gap at the very next read", async () => {
    const id = await perp("GAP", 0, 60, [40]);
    const first = (await perpAtT(t.db, "GAP", at(60), 50))!;
    expect(first.minutes.map((c) => c.openTime)).not.toContain(T0 + 40 * M);
    await upsertCandles(t.db, id, "test", [candle(40)]);
    const next = (await perpAtT(t.db, "GAP", at(60), 50))!;
    expect(next.minutes.map((c) => c.openTime)).toContain(T0 + 40 * M);
    expect(next.minutes).toEqual(await latestCandlesBefore(t.db, id, at(60), 50));
  });

  it("sees a corrected candle at the very next read", async () => {
    const id = await perp("FIX", 0, 60);
    await perpAtT(t.db, "FIX", at(60), 50);
    await upsertCandles(t.db, id, "test", [candle(55, 123.456)]);
    const next = (await perpAtT(t.db, "FIX", at(60), 50))!;
    expect(next.minutes.find((c) => c.openTime === T0 + 55 * M)!.close).toBe(123.456);
  });

  it("sees the newest minute arriving after a read of the same T", async () => {
    const id = await perp("LATE", 0, 59);
    expect((await perpAtT(t.db, "LATE", at(60), 20))!.minutes.at(-1)!.openTime).toBe(T0 + 58 * M);
    await upsertCandles(t.db, id, "test", [candle(59)]);
    expect((await perpAtT(t.db, "LATE", at(60), 20))!.minutes.at(-1)!.openTime).toBe(T0 + 59 * M);
  });

  it("never serves a minute that had not closed by T, though the copy holds newer ones", async () => {
    const id = await perp("AFTER", 0, 200);
    await perpAtT(t.db, "AFTER", at(190), 30);
    for (const m of [150, 120, 189]) {
      const read = (await perpAtT(t.db, "AFTER", at(m), 30))!;
      expect(read.minutes).toEqual(await latestCandlesBefore(t.db, id, at(m), 30));
      for (const c of read.minutes) expect(c.openTime + M).toBeLessThanOrEqual(at(m));
    }
  });

  it("keeps nothing read inside a transaction that rolled back", async () => {
    const id = await perp("ROLLBACK", 0, 60);
    await expect(transaction(t.db, async (tx) => {
      await upsertCandles(tx, id, "test", [candle(50, 999)]);
      expect((await perpAtT(tx, "ROLLBACK", at(60), 20))!.minutes.find((c) => c.openTime === T0 + 50 * M)!.close).toBe(999);
      throw new Error("roll back");
    })).rejects.toThrow("roll back");
    expect((await perpAtT(t.db, "ROLLBACK", at(60), 20))!.minutes).toEqual(await latestCandlesBefore(t.db, id, at(60), 20));
  });

  it("is null for an unknown perp", async () => {
    expect(await perpAtT(t.db, "NONE", at(10), 5)).toBeNull();
  });
});
