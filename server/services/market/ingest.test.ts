import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import type { Candle } from "@/lib/domain/market/types";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { startLocalServer, type LocalServer } from "@/server/market/testing/local-server";
import { candlesInRange } from "@/server/repositories/market/series";
import { evaluateIngestionHealth } from "./evaluate-health";
import { ingest } from "./ingest";
import { perpAsset, storeCandles } from "./store";

const M = 60_000;
const T0 = Date.UTC(2026, 2, 1, 12, 0);
let t: TestDb;
let webhook: LocalServer;
beforeAll(async () => {
  t = await createTestDb();
  webhook = await startLocalServer(() => ({ json: { ok: true } }));
});
afterAll(async () => {
  await webhook.close();
  await t.cleanup();
});

const candle = (i: number): Candle => ({
  openTime: T0 + i * M,
  closeTime: T0 + i * M + M - 1,
  open: 100 + i - 0.5,
  high: 100 + i + 1,
  low: 100 + i - 1,
  close: 100 + i,
  volume: 10 + i,
  trades: 5,
});

const channel = (id: string) => t.db.ingestionChannel.findUniqueOrThrow({ where: { id } });
const gaps = (channelId: string) =>
  t.db.feedGap.findMany({ where: { channelId }, orderBy: { fromMs: "asc" } }).then((rows) =>
    rows.map((g) => ({ fromMs: Number(g.fromMs), toMs: Number(g.toMs), filled: g.filledAt !== null })),
  );

describe("ingesting candles", () => {
  it("stores them exactly, once, and records the channel's success", async () => {
    const clock = new ManualClock(T0 + 10 * M);
    const ctx = { db: t.db, clock, source: "replay" };
    const result = await storeCandles(ctx, perpAsset("AAA"), [candle(0), candle(1), candle(2)]);
    await storeCandles(ctx, perpAsset("AAA"), [{ ...candle(2), volume: 999 }, candle(1)]); // overlapping window: latest wins
    const asset = await t.db.marketAsset.findUniqueOrThrow({ where: { venue_symbol: { venue: "HYPERLIQUID", symbol: "AAA" } } });
    const stored = await candlesInRange(t.db, asset.id, T0, T0 + 10 * M);
    expect(stored).toEqual([candle(0), candle(1), { ...candle(2), volume: 999 }]);
    expect(result).toEqual({ channelId: "replay:candles:HYPERLIQUID:AAA", rows: 3, gapsOpened: [] });
    const ch = await channel(result.channelId);
    expect(ch).toMatchObject({ rowsWritten: 5n, lastDataTimeMs: BigInt(T0 + 2 * M), consecutiveFailures: 0 });
    expect(ch.lastSuccessAt?.getTime()).toBe(T0 + 10 * M);
  });

  it("a missing minute becomes one gap with exact bounds, and a backfill closes it", async () => {
    const clock = new ManualClock(T0 + 10 * M);
    const ctx = { db: t.db, clock, source: "replay" };
    await storeCandles(ctx, perpAsset("GAP"), [candle(0), candle(1)]);
    const r = await storeCandles(ctx, perpAsset("GAP"), [candle(3), candle(4)]);
    expect(r.gapsOpened).toEqual([{ fromMs: T0 + 2 * M, toMs: T0 + 3 * M }]);
    expect(await gaps(r.channelId)).toEqual([{ fromMs: T0 + 2 * M, toMs: T0 + 3 * M, filled: false }]);

    await storeCandles(ctx, perpAsset("GAP"), [candle(2)]);
    expect(await gaps(r.channelId)).toEqual([{ fromMs: T0 + 2 * M, toMs: T0 + 3 * M, filled: true }]);
    expect((await channel(r.channelId)).lastDataTimeMs).toBe(BigInt(T0 + 4 * M));
  });

  it("a partial backfill leaves exactly the minutes still missing", async () => {
    const ctx = { db: t.db, clock: new ManualClock(T0 + 20 * M), source: "replay" };
    await storeCandles(ctx, perpAsset("PART"), [candle(0)]);
    await storeCandles(ctx, perpAsset("PART"), [candle(6)]);
    await storeCandles(ctx, perpAsset("PART"), [candle(2), candle(3)]);
    const open = (await gaps("replay:candles:HYPERLIQUID:PART")).filter((g) => !g.filled);
    expect(open).toEqual([
      { fromMs: T0 + M, toMs: T0 + 2 * M, filled: false },
      { fromMs: T0 + 4 * M, toMs: T0 + 6 * M, filled: false },
    ]);
  });

  it("refuses a batch with one bad candle: nothing written, the failure recorded", async () => {
    const ctx = { db: t.db, clock: new ManualClock(T0 + 10 * M), source: "replay" };
    const bad = { ...candle(1), low: 500 };
    await expect(storeCandles(ctx, perpAsset("BAD"), [candle(0), bad])).rejects.toThrow("inconsistent OHLC");
    expect(await t.db.marketAsset.count({ where: { symbol: "BAD" } })).toBe(0);
    const ch = await channel("replay:candles:HYPERLIQUID:BAD");
    expect(ch).toMatchObject({ consecutiveFailures: 1, rowsWritten: 0n, lastSuccessAt: null });
    expect(ch.lastError).toContain("inconsistent OHLC");
  });

  it("rolls a failed write back whole and records the failure on the channel", async () => {
    const clock = new ManualClock(T0 + 10 * M);
    const ctx = { db: t.db, clock, source: "replay" };
    await storeCandles(ctx, perpAsset("ROLL"), [candle(0)]);
    const before = await t.db.candle.count();
    await expect(
      ingest(t.db, clock, {
        source: "replay",
        dataset: "candles",
        asset: perpAsset("ROLL"),
        times: [candle(1).openTime],
        write: async (tx, assetId) => {
          await tx.$executeRawUnsafe(
            `INSERT INTO "Candle" ("assetId","openTimeMs","open","high","low","close","volume","trades","source") VALUES (?,?,1,1,1,1,1,1,'replay')`,
            assetId, candle(1).openTime,
          );
          throw new Error("disk on fire");
        },
      }),
    ).rejects.toThrow("disk on fire");
    expect(await t.db.candle.count()).toBe(before);
    const ch = await channel("replay:candles:HYPERLIQUID:ROLL");
    expect(ch).toMatchObject({ consecutiveFailures: 1, lastError: "Error: disk on fire", rowsWritten: 1n });
    expect(await t.db.ingestionError.count({ where: { channelId: ch.id } })).toBe(1);
  });
});

describe("channel health", () => {
  it("a channel that stops updating turns red and raises one alert, not one per tick", async () => {
    const clock = new ManualClock(T0);
    const ctx = { db: t.db, clock, source: "stale-test" };
    await storeCandles(ctx, perpAsset("STALE"), [candle(0)]);
    const id = "stale-test:candles:HYPERLIQUID:STALE";
    const colourOf = async () => {
      const e = await evaluateIngestionHealth(t.db, clock, { webhookUrl: `${webhook.url}/hook`, sources: ["stale-test"] });
      return { e, alerts: await t.db.ingestionAlert.findMany({ where: { channelId: id } }) };
    };
    expect((await colourOf()).alerts).toEqual([]);
    clock.advance(4 * M); // older than 3 min: yellow, no alert yet
    expect((await colourOf()).alerts).toEqual([]);
    clock.advance(3 * M); // older than 6 min: red
    const first = await colourOf();
    expect(first.e.alertsOpened).toContain(`${id}|STALE`);
    for (let i = 0; i < 5; i++) {
      clock.advance(30_000);
      await colourOf();
    }
    const { alerts } = await colourOf();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: "STALE", resolvedAt: null, notifyError: null });
    const posted = webhook.requests.filter((r) => r.path === "/hook" && JSON.stringify(r.body).includes(id));
    expect(posted).toHaveLength(1);
    expect(posted[0]!.body).toMatchObject({ alert: { channelId: id, kind: "STALE" } });

    // fresh data resolves it
    await storeCandles(ctx, perpAsset("STALE"), [candle(10)]);
    const after = await colourOf();
    expect(after.alerts[0]!.resolvedAt).not.toBeNull();
  });

  it("a channel of a source that is not running is idle: never alerted, however old", async () => {
    const clock = new ManualClock(T0);
    await storeCandles({ db: t.db, clock, source: "backfilled" }, perpAsset("IDLE"), [candle(0)]);
    clock.advance(24 * 3_600_000);
    const e = await evaluateIngestionHealth(t.db, clock, { webhookUrl: `${webhook.url}/hook`, sources: ["replay"] });
    expect(e.alertsOpened.filter((a) => a.startsWith("backfilled:"))).toEqual([]);
    expect(await t.db.ingestionAlert.count({ where: { channelId: "backfilled:candles:HYPERLIQUID:IDLE" } })).toBe(0);
  });
});
