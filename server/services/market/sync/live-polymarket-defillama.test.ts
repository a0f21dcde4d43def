/** Polymarket and DefiLlama syncs against local servers speaking their real formats. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { parseEnv } from "@/lib/env";
import { DefiLlamaClient } from "@/server/market/defillama/client";
import { PolymarketClient } from "@/server/market/polymarket/client";
import { createDefiLlamaMock, stablecoinRow, type DefiLlamaMock } from "@/server/market/testing/defillama-mock";
import { createPolymarketMock, gammaMarketRow, type PolymarketMock } from "@/server/market/testing/polymarket-mock";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { liveSyncs } from "./live";

const M = 60_000;
const D = 86_400_000;
const NOW = Date.UTC(2026, 3, 1, 12, 0, 30);
const fast = { timeoutMs: 300, backoff: { baseMs: 5, maxMs: 20, factor: 2, jitter: 0 } };
let t: TestDb;
let pm: PolymarketMock;
let dl: DefiLlamaMock;

beforeAll(async () => {
  pm = await createPolymarketMock({ now: () => NOW });
  dl = await createDefiLlamaMock();
});
beforeEach(async () => {
  t = await createTestDb();
  pm.data.markets = [
    gammaMarketRow({ id: "1066851", slug: "btc-updown-15m-1", question: "Bitcoin Up or Down?", outcomes: ["Up", "Down"], outcomePrices: ["0.585", "0.415"], clobTokenIds: ["111", "222"], volume: 92509.47, endDate: "2026-04-01T12:15:00Z" }),
    gammaMarketRow({ id: "77", slug: "old-news", outcomePrices: ["0.1", "0.9"], clobTokenIds: ["333", "444"], closed: true }),
  ];
  pm.data.history = { "111": [{ t: (NOW - 3 * M) / 1000 + 5, p: 0.52 }, { t: (NOW - 2 * M) / 1000 + 5, p: 0.55 }, { t: (NOW - M) / 1000 + 5, p: 0.585 }] };
  dl.data.chainTvl = [{ date: (NOW - 2 * D) / 1000, tvl: 150e9 }, { date: (NOW - D) / 1000, tvl: 152.5e9 }];
  dl.data.stablecoins = [stablecoinRow(Math.floor((NOW - D) / 1000), { peggedUSD: 300e9, peggedEUR: 0.5e9 })];
  dl.data.dexChart = [[Math.floor((NOW - D) / 1000), 2.1e9]];
  dl.data.feesChart = [[Math.floor((NOW - D) / 1000), 45e6]];
  pm.server.queue.length = 0;
  dl.server.queue.length = 0;
});
afterEach(async () => t.cleanup());
afterAll(async () => {
  await pm.close();
  await dl.close();
});

const env = () => parseEnv({ POLYMARKET_GAMMA_URL: pm.gammaUrl, POLYMARKET_CLOB_URL: pm.clobUrl, DEFILLAMA_API_URL: dl.apiUrl, DEFILLAMA_STABLECOINS_URL: dl.stablecoinsUrl });
const clients = () => ({
  polymarket: new PolymarketClient({ gammaUrl: pm.gammaUrl, clobUrl: pm.clobUrl, ...fast }),
  defillama: new DefiLlamaClient({ apiUrl: dl.apiUrl, stablecoinsUrl: dl.stablecoinsUrl, ...fast }),
});

describe("Polymarket sync", () => {
  it("stores the active markets and their first outcome's minute prices", async () => {
    pm.server.queue.push({ status: 429, json: { error: "slow down" }, headers: { "retry-after": "0" } });
    await liveSyncs.polymarket(t.db, new ManualClock(NOW), env(), clients());
    const market = await t.db.predictionMarket.findFirstOrThrow();
    expect(market).toMatchObject({ gammaId: "1066851", slug: "btc-updown-15m-1", outcomes: '["Up","Down"]', tokenIds: '["111","222"]', active: true, closed: false });
    expect(await t.db.predictionMarket.count()).toBe(1); // the closed one is not followed
    const prices = await t.db.predictionPrice.findMany({ orderBy: { timeMs: "asc" }, select: { outcome: true, timeMs: true, price: true } });
    expect(prices).toEqual([
      { outcome: 0, timeMs: BigInt(NOW - 30_000 - 3 * M), price: 0.52 },
      { outcome: 0, timeMs: BigInt(NOW - 30_000 - 2 * M), price: 0.55 },
      { outcome: 0, timeMs: BigInt(NOW - 30_000 - M), price: 0.585 },
    ]);
    const history = pm.server.requests.find((r) => r.path.endsWith("/prices-history"))!;
    expect(history.query.get("market")).toBe("111");
    expect(Number(history.query.get("startTs"))).toBe(Math.floor((NOW - 6 * 3_600_000) / 1000));
  });

  it("a malformed Gamma page fails discovery, recorded, and writes nothing", async () => {
    pm.server.queue.push({ json: [{ id: "1", question: "q", outcomes: "[\"Yes\"]", outcomePrices: "[\"0.5\", \"0.5\"]", clobTokenIds: "[\"1\"]" }] });
    await liveSyncs.polymarket(t.db, new ManualClock(NOW), env(), clients());
    const ch = await t.db.ingestionChannel.findUniqueOrThrow({ where: { id: "polymarket:prediction-markets:POLYMARKET:*" } });
    expect(ch).toMatchObject({ consecutiveFailures: 1, lastSuccessAt: null });
    expect(ch.lastError).toContain("MalformedResponseError");
    expect(await t.db.predictionMarket.count()).toBe(0);
    expect(await t.db.predictionPrice.count()).toBe(0);
  });
});

describe("DefiLlama sync", () => {
  it("stores the four macro series per day", async () => {
    dl.server.queue.push({ status: 500, text: "upstream" });
    await liveSyncs.defillama(t.db, new ManualClock(NOW), env(), clients());
    const points = await t.db.macroPoint.findMany({ orderBy: [{ assetId: "asc" }, { timeMs: "asc" }] });
    const assets = await t.db.marketAsset.findMany({ where: { venue: "DEFILLAMA" } });
    const bySymbol = (s: string) => points.filter((p) => p.assetId === assets.find((a) => a.symbol === s)!.id).map((p) => [Number(p.timeMs), p.value]);
    const day = (ms: number) => Math.floor(ms / D) * D;
    expect(bySymbol("tvl")).toEqual([[day(NOW - 2 * D), 150e9], [day(NOW - D), 152.5e9]]);
    expect(bySymbol("stablecoins")).toEqual([[day(NOW - D), 300.5e9]]);
    expect(bySymbol("dex-volume")).toEqual([[day(NOW - D), 2.1e9]]);
    expect(bySymbol("fees")).toEqual([[day(NOW - D), 45e6]]);
    expect(await t.db.ingestionChannel.count({ where: { source: "defillama", consecutiveFailures: 0 } })).toBe(4);
  });

  it("a timed-out series fails alone, and a missing day becomes a gap", async () => {
    dl.server.queue.push(...Array.from({ length: 5 }, () => ({ hang: true as const })));
    await liveSyncs.defillama(t.db, new ManualClock(NOW), env(), clients());
    const tvl = await t.db.ingestionChannel.findUniqueOrThrow({ where: { id: "defillama:macro:DEFILLAMA:tvl" } });
    expect(tvl.consecutiveFailures).toBe(1);
    expect(tvl.lastError).toContain("RequestTimeoutError");
    expect(await t.db.ingestionChannel.count({ where: { source: "defillama", consecutiveFailures: 0 } })).toBe(3);

    // two days later the series resumes, today and yesterday missing: one gap of exactly those two days
    dl.data.chainTvl = [...dl.data.chainTvl, { date: (NOW + 2 * D) / 1000, tvl: 155e9 }];
    await liveSyncs.defillama(t.db, new ManualClock(NOW + 2 * D), env(), clients());
    const gaps = await t.db.feedGap.findMany({ where: { channelId: "defillama:macro:DEFILLAMA:tvl" } });
    const today = Math.floor(NOW / D) * D;
    expect(gaps.map((g) => [Number(g.fromMs), Number(g.toMs)])).toEqual([[today, today + 2 * D]]);
  });
});
