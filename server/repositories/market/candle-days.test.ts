import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { candlesOf } from "@/lib/domain/market/minute-columns";
import type { Candle } from "@/lib/domain/market/types";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { ensureAsset } from "./assets";
import { loadPerpSeries } from "./backtest-series";
import { DAY_MS, keepCandleDays, packCandleDay, readCandleDays } from "./candle-days";
import { candlesInRange, upsertCandles } from "./series";

const M = 60_000;
const DAY0 = Date.UTC(2026, 2, 1);
const NEEDS = { minutes: 30, funding: 0, contexts: 0 };

/** A minute whose numbers are awkward doubles (no short decimal), so a lossy copy would show. */
function candle(openTime: number, close?: number): Candle {
  const k = openTime / M;
  const base = 60_000 + Math.sin(k / 97) * 1_234.5678 + k * 1e-7;
  const c = close ?? base + 0.1 + 0.2;
  return { openTime, closeTime: openTime + M - 1, open: base, high: Math.max(base, c) + 1 / 3, low: Math.min(base, c) - 2 / 7, close: c, volume: (k % 13) * 0.30000000000000004 + 1e-300, trades: k % 50 };
}
const minutesOf = (from: number, to: number, skip: (t: number) => boolean = () => false) => {
  const out: Candle[] = [];
  for (let t = from; t < to; t += M) if (!skip(t)) out.push(candle(t));
  return out;
};

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.cleanup());

async function perp(symbol: string) {
  return ensureAsset(t.db, { venue: "HYPERLIQUID", symbol, kind: "PERP", name: symbol, meta: { szDecimals: 4 } });
}
const keptDays = async (assetId: string) =>
  (await t.db.candleDay.findMany({ where: { assetId }, orderBy: { dayMs: "asc" }, select: { dayMs: true, count: true, revision: true } })).map((d) => ({
    day: (Number(d.dayMs) - DAY0) / DAY_MS, count: d.count, revision: Number(d.revision),
  }));
/** what the Candle table holds for the window, and the minutes before it a backtest reads */
async function stored(assetId: string, from: number, to: number) {
  return [...(await candlesInRange(t.db, assetId, from - NEEDS.minutes * M, from)).slice(-NEEDS.minutes), ...(await candlesInRange(t.db, assetId, from, to))];
}

describe("a backtest's minutes through the kept days (CandleDay)", () => {
  it("reads the same minutes, double for double, from rows and then from the days it kept; the day still filling is not kept", async () => {
    const id = await perp("DAYS");
    // four days and a half, with a hole on day 1 and no minute at all on day 2
    await upsertCandles(t.db, id, "test", minutesOf(DAY0 - 2 * 60 * M, DAY0 + 4.5 * DAY_MS, (x) => (x >= DAY0 + DAY_MS + 100 * M && x < DAY0 + DAY_MS + 130 * M) || (x >= DAY0 + 2 * DAY_MS && x < DAY0 + 3 * DAY_MS)));
    // the window starts inside a day and ends where day 5 starts: its whole days are 0 to 4, and day 4 (minutes to 12:00) is still filling
    const from = DAY0 - 37 * M;
    const to = DAY0 + 5 * DAY_MS;
    const expected = await stored(id, from, to);
    expect(expected.length).toBe(NEEDS.minutes + 37 + 1_440 + 1_410 + 1_440 + 720);

    const cold = (await loadPerpSeries(t.db, "DAYS", from, to, NEEDS))!;
    expect(candlesOf(cold.minutes)).toEqual(expected);
    expect(await keptDays(id)).toEqual([
      { day: 0, count: 1_440, revision: 0 }, { day: 1, count: 1_410, revision: 0 }, { day: 2, count: 0, revision: 0 }, { day: 3, count: 1_440, revision: 0 },
    ]);
    // served from the kept days now: the same minutes, each double exactly
    expect((await readCandleDays(t.db, id, DAY0, DAY0 + 5 * DAY_MS)).map((d) => d.count)).toEqual([1_440, 1_410, 0, 1_440]);
    const warm = (await loadPerpSeries(t.db, "DAYS", from, to, NEEDS))!;
    expect(candlesOf(warm.minutes)).toEqual(expected);
    for (let i = 0; i < expected.length; i++) expect(Object.is(warm.minutes.volume[i], expected[i]!.volume)).toBe(true);

    // minutes appended after the newest one (day 4 filling up, day 5 starting): the next read has them, and keeps day 4, closed now
    await upsertCandles(t.db, id, "test", minutesOf(DAY0 + 4.5 * DAY_MS, DAY0 + 5 * DAY_MS + 10 * M));
    const filled = (await loadPerpSeries(t.db, "DAYS", from, to, NEEDS))!;
    expect(candlesOf(filled.minutes)).toEqual(await stored(id, from, to));
    expect(filled.minutes.length).toBe(expected.length + 720);
    expect((await keptDays(id)).map((d) => [d.day, d.count])).toEqual([[0, 1_440], [1, 1_410], [2, 0], [3, 1_440], [4, 1_440]]);
  });

  it("never serves a kept day after its minutes changed: a corrected close, a late minute in a hole, a delete", async () => {
    const id = await perp("CHANGED");
    await upsertCandles(t.db, id, "test", minutesOf(DAY0, DAY0 + 3 * DAY_MS + M, (x) => x === DAY0 + DAY_MS + 7 * M));
    const from = DAY0;
    const to = DAY0 + 3 * DAY_MS;
    await loadPerpSeries(t.db, "CHANGED", from, to, NEEDS);
    expect((await keptDays(id)).map((d) => d.count)).toEqual([1_440, 1_439, 1_440]);
    const changes: [string, () => Promise<unknown>][] = [
      ["a corrected close", () => upsertCandles(t.db, id, "test", [candle(DAY0 + 5 * M, 1.5)])],
      ["a late minute in the hole", () => upsertCandles(t.db, id, "test", [candle(DAY0 + DAY_MS + 7 * M)])],
      ["a delete", () => t.db.candle.deleteMany({ where: { assetId: id, openTimeMs: BigInt(DAY0 + 2 * DAY_MS + 99 * M) } })],
    ];
    for (const [what, change] of changes) {
      await change();
      const read = (await loadPerpSeries(t.db, "CHANGED", from, to, NEEDS))!;
      expect(candlesOf(read.minutes), what).toEqual(await stored(id, from, to));
      // kept again under the new revision, all three days
      const kept = await keptDays(id);
      expect(new Set(kept.map((d) => d.revision)).size, what).toBe(1);
      expect(kept.length, what).toBe(3);
    }
    expect(candlesOf((await loadPerpSeries(t.db, "CHANGED", from, to, NEEDS))!.minutes).find((c) => c.openTime === DAY0 + 5 * M)!.close).toBe(1.5);
    expect((await keptDays(id)).map((d) => d.count)).toEqual([1_440, 1_440, 1_439]);
  });

  it("keeps nothing read at a revision that has moved since (a write between the read and the keeping)", async () => {
    const id = await perp("RACE");
    await upsertCandles(t.db, id, "test", minutesOf(DAY0, DAY0 + DAY_MS + M));
    const rows = await candlesInRange(t.db, id, DAY0, DAY0 + DAY_MS);
    const day = packCandleDay(DAY0, rows.flatMap((c) => [c.openTime, c.open, c.high, c.low, c.close, c.volume, c.trades]), 0, rows.length);
    await upsertCandles(t.db, id, "test", [candle(DAY0 + 3 * M, 7)]); // revision 0 -> 1
    expect(await keepCandleDays(t.db, id, 0, [day])).toBe(0);
    expect(await keptDays(id)).toEqual([]);
    expect(await keepCandleDays(t.db, id, 1, [day])).toBe(1);
    expect(await keptDays(id)).toEqual([{ day: 0, count: 1_440, revision: 1 }]);
  });

  it("reads a window inside one day from rows alone", async () => {
    const id = await perp("SHORT");
    await upsertCandles(t.db, id, "test", minutesOf(DAY0, DAY0 + DAY_MS + 10 * M));
    const read = (await loadPerpSeries(t.db, "SHORT", DAY0 + 60 * M, DAY0 + 300 * M, NEEDS))!;
    expect(candlesOf(read.minutes)).toEqual(await stored(id, DAY0 + 60 * M, DAY0 + 300 * M));
    expect(await keptDays(id)).toEqual([]);
  });
});
