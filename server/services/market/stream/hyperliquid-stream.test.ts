import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { HyperliquidInfoClient } from "@/server/market/hyperliquid/info-client";
import { parseCandleSnapshot } from "@/server/market/hyperliquid/parse";
import { createHyperliquidMock, waitUntil, wireCandle, wireCandles, type HyperliquidMock } from "@/server/market/testing/hyperliquid-mock";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { candlesInRange } from "@/server/repositories/market/series";
import { startHyperliquidStream } from "./hyperliquid-stream";

const M = 60_000;
const T0 = Date.UTC(2026, 4, 1, 9, 0);
let t: TestDb;
let hl: HyperliquidMock;
beforeAll(async () => {
  t = await createTestDb();
  hl = await createHyperliquidMock();
});
afterAll(async () => {
  await hl.close();
  await t.cleanup();
});

/** A wire candle as the product stores it. */
const stored1 = (w: unknown) => parseCandleSnapshot([w])[0];
const row = (i: number, close: number) => wireCandle({ t: T0 + i * M, o: 100 + i, h: Math.max(100 + i, close) + 1, l: Math.min(100 + i, close) - 1, c: close, v: 5, n: 3, coin: "BTC" });

describe("Hyperliquid stream ingestion", () => {
  it("stores closed candles exactly, records a dropped socket and fills the missed minutes after reconnecting", async () => {
    const clock = new ManualClock(T0 + 10_000);
    const rest = new HyperliquidInfoClient({ baseUrl: hl.url, backoff: { baseMs: 5, maxMs: 20, factor: 2, jitter: 0 } });
    const ingestion = startHyperliquidStream(t.db, clock, {
      url: hl.wsUrl,
      symbols: ["BTC"],
      rest,
      midEveryMs: 5_000,
      stream: { pingEveryMs: 1_000, backoff: { baseMs: 20, maxMs: 50, factor: 2, jitter: 0 } },
      log: { warn: () => {}, error: () => {} },
    });
    await waitUntil(() => hl.openConnections().some((c) => c.subscriptions.size === 2), "subscriptions");

    // minute 0 forms (two pushes), minute 1 starts: minute 0 is closed and stored with its final values
    hl.pushCandle(row(0, 101));
    hl.pushCandle(row(0, 103));
    hl.pushCandle(row(1, 104));
    hl.pushMids({ BTC: "104.5", ETH: "3000" });
    hl.pushMids({ BTC: "104.6" }); // within 5 s of the last stored mid: not kept
    await new Promise((r) => setTimeout(r, 50));
    await ingestion.idle();
    const btc = async () => (await t.db.marketAsset.findUniqueOrThrow({ where: { venue_symbol: { venue: "HYPERLIQUID", symbol: "BTC" } } })).id;
    expect(await candlesInRange(t.db, await btc(), T0, T0 + 10 * M)).toEqual([stored1(row(0, 103))]);
    expect(await t.db.midPrice.count()).toBe(1);

    // the connection drops while minutes 1..3 go by; the venue's REST history has them
    hl.data.candles.BTC = [row(0, 103), ...wireCandles("BTC", "1m", T0 + M, 3, (i) => 105 + i)];
    clock.set(T0 + 4 * M + 5_000);
    hl.dropAll();
    await waitUntil(() => hl.openConnections().length > 0 && hl.openConnections().every((c) => c.subscriptions.size === 2), "resubscribed");
    await new Promise((r) => setTimeout(r, 50));
    await ingestion.idle();
    const channel = await t.db.ingestionChannel.findUniqueOrThrow({ where: { id: "hyperliquid:candles:HYPERLIQUID:BTC" } });
    expect(channel.lastError).toContain("WebSocket disconnected");
    expect(await t.db.ingestionError.count({ where: { channelId: channel.id } })).toBe(1);

    // streaming goes on: minute 4 forms, minute 5 starts
    hl.pushCandle(row(4, 110));
    hl.pushCandle(row(5, 111));
    await new Promise((r) => setTimeout(r, 50));
    await ingestion.idle();
    const stored = await candlesInRange(t.db, await btc(), T0, T0 + 10 * M);
    expect(stored.map((c) => c.openTime)).toEqual([0, 1, 2, 3, 4].map((i) => T0 + i * M));
    expect(stored.slice(1, 4)).toEqual(wireCandles("BTC", "1m", T0 + M, 3, (i) => 105 + i).map(stored1));
    expect(stored[4]).toEqual(stored1(row(4, 110)));
    expect(await t.db.feedGap.count({ where: { channelId: channel.id, filledAt: null } })).toBe(0);
    expect((await t.db.ingestionChannel.findUniqueOrThrow({ where: { id: channel.id } })).consecutiveFailures).toBe(0);
    await ingestion.stop();
  });
});
