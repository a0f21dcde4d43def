/**
 * The Hyperliquid sync against a local server speaking Hyperliquid's real formats:
 * what is written is exactly what was served; failures land on the right channel;
 * nothing is half-written.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { parseEnv } from "@/lib/env";
import { parseCandleSnapshot } from "@/server/market/hyperliquid/parse";
import { createHyperliquidMock, wireCandles, type HyperliquidMock } from "@/server/market/testing/hyperliquid-mock";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { candlesInRange } from "@/server/repositories/market/series";
import { HyperliquidInfoClient } from "@/server/market/hyperliquid/info-client";
import { liveSyncs } from "./live";

const M = 60_000;
const NOW = Date.UTC(2026, 3, 1, 12, 0, 30); // 30 s into a minute
const FIRST = NOW - 30_000 - 10 * M; // ten closed minutes before NOW
let t: TestDb;
let hl: HyperliquidMock;

function ctx(symbol: string) {
  return { funding: "0.0000125", openInterest: "688.11", prevDayPx: "15.322", dayNtlVlm: "1169046.29406", premium: "0.00031774",
    oraclePx: "14.32", markPx: "14.3161", midPx: "14.314", impactPxs: ["14.3047", "14.3444"] as [string, string], dayBaseVlm: symbol === "BTC" ? "12.5" : "99" };
}

beforeAll(async () => {
  hl = await createHyperliquidMock({ maxCandlesPerRequest: 4 });
});
beforeEach(async () => {
  t = await createTestDb();
  hl.data.mids = { BTC: "95012.5", ETH: "3401.25", "@107": "1.0" };
  hl.data.universe = [{ name: "BTC", szDecimals: 5, maxLeverage: 40 }, { name: "ETH", szDecimals: 4, maxLeverage: 25 }];
  hl.data.ctxs = [ctx("BTC"), ctx("ETH")];
  // 11 candles: ten closed ones and the one still forming at NOW (must not be stored)
  hl.data.candles = { BTC: wireCandles("BTC", "1m", FIRST, 11, (i) => 95_000 + i), ETH: wireCandles("ETH", "1m", FIRST, 11, (i) => 3_400 + i / 4) };
  hl.data.funding = {
    BTC: [{ coin: "BTC", fundingRate: "-0.00061334", premium: "-0.00091334", time: NOW - 2 * 3_600_000 + 48 }],
    ETH: [{ coin: "ETH", fundingRate: "0.0000125", premium: "0.0001", time: NOW - 3_600_000 + 12 }],
  };
  hl.data.books = {
    BTC: { coin: "BTC", time: NOW - 1000, levels: [[{ px: "95010", sz: "1.5", n: 3 }], [{ px: "95015", sz: "2", n: 1 }]] },
    ETH: { coin: "ETH", time: NOW - 1000, levels: [[{ px: "3401", sz: "10", n: 2 }], [{ px: "3401.5", sz: "8", n: 4 }]] },
  };
  hl.server.queue.length = 0;
});
afterEach(async () => t.cleanup());
afterAll(async () => hl.close());

const env = () => parseEnv({ HYPERLIQUID_API_URL: hl.url, MARKET_ASSETS: "BTC,ETH", MARKET_HTTP_TIMEOUT_MS: "300" });
// the client as in production, but with the mock's page cap and quick retries
const client = () =>
  new HyperliquidInfoClient({ baseUrl: hl.url, maxCandlesPerRequest: 4, timeoutMs: 300, backoff: { baseMs: 5, maxMs: 20, factor: 2, jitter: 0 } });
const sync = (clock = new ManualClock(NOW)) => liveSyncs.hyperliquid(t.db, clock, env(), { hyperliquid: client() });
const assetId = async (symbol: string) =>
  (await t.db.marketAsset.findUniqueOrThrow({ where: { venue_symbol: { venue: "HYPERLIQUID", symbol } } })).id;
const channel = (id: string) => t.db.ingestionChannel.findUniqueOrThrow({ where: { id } });

describe("Hyperliquid sync", () => {
  it("writes exactly what the venue served, paged, without the forming candle", async () => {
    await sync();
    const served = parseCandleSnapshot(hl.data.candles.BTC).slice(0, 10);
    expect(await candlesInRange(t.db, await assetId("BTC"), 0, NOW + M)).toEqual(served);
    expect(hl.infoBodies("candleSnapshot").length).toBeGreaterThanOrEqual(3); // 10 candles at 4 per page
    const btc = await assetId("BTC");
    expect(await t.db.midPrice.findMany({ where: { assetId: btc }, select: { timeMs: true, price: true } })).toEqual([{ timeMs: BigInt(NOW), price: 95012.5 }]);
    expect(await t.db.fundingRate.findMany({ where: { assetId: btc }, select: { timeMs: true, rate: true } })).toEqual([
      { timeMs: BigInt(Math.floor((NOW - 2 * 3_600_000) / 3_600_000) * 3_600_000), rate: -0.00061334 },
    ]);
    expect(await t.db.bookSnapshot.findFirst({ where: { assetId: btc } })).toMatchObject({ bestBid: 95010, bestAsk: 95015, mid: 95012.5 });
    expect(await t.db.assetContext.findFirst({ where: { assetId: btc } })).toMatchObject({ markPx: 14.3161, impactBidPx: 14.3047, dayBaseVlm: 12.5 });
    const channels = await t.db.ingestionChannel.findMany();
    expect(channels).toHaveLength(10);
    expect(channels.every((c) => c.consecutiveFailures === 0 && c.lastSuccessAt !== null)).toBe(true);
    expect(await t.db.feedGap.count()).toBe(0);

    // a second sync a minute later adds exactly the one newly closed candle
    hl.data.candles.BTC = wireCandles("BTC", "1m", FIRST, 12, (i) => 95_000 + i);
    await sync(new ManualClock(NOW + M));
    expect(await t.db.candle.count({ where: { assetId: btc } })).toBe(11);
  });

  it("retries a 429 (Retry-After), a 500 and a timeout, and writes the same data", async () => {
    hl.server.queue.push(
      { status: 429, json: { error: "rate limited" }, headers: { "retry-after": "0" } },
      { status: 500, text: "internal error" },
      { hang: true },
    );
    await sync();
    expect(await candlesInRange(t.db, await assetId("BTC"), 0, NOW + M)).toEqual(parseCandleSnapshot(hl.data.candles.BTC).slice(0, 10));
    expect(await t.db.ingestionChannel.count({ where: { consecutiveFailures: { gt: 0 } } })).toBe(0);
  });

  it("a malformed body fails its channels only, recorded, with nothing written for them", async () => {
    hl.server.queue.push({ json: [{ universe: [{ name: "BTC", szDecimals: 5, maxLeverage: 40 }] }, [{ ...ctx("BTC"), markPx: "not-a-number" }]] });
    await sync();
    const btcContexts = await channel("hyperliquid:contexts:HYPERLIQUID:BTC");
    expect(btcContexts.consecutiveFailures).toBe(1);
    expect(btcContexts.lastError).toMatch(/MalformedResponseError.*markPx/);
    expect((await channel("hyperliquid:contexts:HYPERLIQUID:ETH")).consecutiveFailures).toBe(1);
    expect(await t.db.assetContext.count()).toBe(0);
    expect(await t.db.ingestionError.count()).toBe(2);
    // the other datasets went through
    expect((await channel("hyperliquid:candles:HYPERLIQUID:BTC")).consecutiveFailures).toBe(0);
    expect(await t.db.candle.count()).toBe(20);
  });

  it("a failure mid-paging keeps whole pages only and the next sync resumes without gaps or duplicates", async () => {
    // requests in order: metaAndAssetCtxs, then BTC candles page 1, then page 2 fails five times (all retries)
    hl.server.queue.push(
      { json: [{ universe: hl.data.universe }, hl.data.ctxs] },
      { json: hl.data.candles.BTC!.slice(0, 4) },
      ...Array.from({ length: 5 }, () => ({ status: 503, text: "unavailable" })),
    );
    await sync();
    const btc = await assetId("BTC");
    expect(await t.db.candle.count({ where: { assetId: btc } })).toBe(4);
    expect((await channel("hyperliquid:candles:HYPERLIQUID:BTC")).consecutiveFailures).toBe(1);

    await sync();
    expect(await candlesInRange(t.db, btc, 0, NOW + M)).toEqual(parseCandleSnapshot(hl.data.candles.BTC).slice(0, 10));
    expect((await channel("hyperliquid:candles:HYPERLIQUID:BTC")).consecutiveFailures).toBe(0);
    expect(await t.db.feedGap.count()).toBe(0);
  });
});
