/**
 * Backfills from the live sources, against local servers speaking their real
 * formats: what is stored is what was served, page by page, and a source that
 * fails mid-way leaves whole chunks, a failure on the channel and a cursor to resume.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { DefiLlamaClient } from "@/server/market/defillama/client";
import { parseCandleSnapshot } from "@/server/market/hyperliquid/parse";
import { HyperliquidInfoClient } from "@/server/market/hyperliquid/info-client";
import { PolymarketClient } from "@/server/market/polymarket/client";
import { createDefiLlamaMock, type DefiLlamaMock } from "@/server/market/testing/defillama-mock";
import { createHyperliquidMock, wireCandles, type HyperliquidMock } from "@/server/market/testing/hyperliquid-mock";
import { createPolymarketMock, gammaMarketRow, type PolymarketMock } from "@/server/market/testing/polymarket-mock";
import { findChannel } from "@/server/repositories/market/channels";
import { candlesInRange } from "@/server/repositories/market/series";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { parseCommand, type Command } from "./args";
import { backfill } from "./backfill";
import { cliDeps } from "./test-io";

const M = 60_000;
const D = 86_400_000;
const FROM = Date.UTC(2026, 2, 1, 10, 0);
const NOW = Date.UTC(2026, 3, 1, 12, 0, 30);
const fast = { timeoutMs: 300, backoff: { baseMs: 5, maxMs: 20, factor: 2, jitter: 0 } };
let t: TestDb;
let hl: HyperliquidMock;
let pm: PolymarketMock;
let dl: DefiLlamaMock;

beforeAll(async () => {
  [hl, pm, dl] = await Promise.all([createHyperliquidMock({ maxCandlesPerRequest: 4 }), createPolymarketMock({ now: () => NOW }), createDefiLlamaMock()]);
});
beforeEach(async () => {
  t = await createTestDb();
  hl.data.candles = { BTC: wireCandles("BTC", "1m", FROM - 2 * M, 14, (i) => 95_000 + i) };
  hl.server.queue.length = 0;
  hl.server.requests.length = 0;
});
afterEach(async () => t.cleanup());
afterAll(async () => Promise.all([hl.close(), pm.close(), dl.close()]));

const env = () => parseEnv({ HYPERLIQUID_API_URL: hl.url, POLYMARKET_GAMMA_URL: pm.gammaUrl, POLYMARKET_CLOB_URL: pm.clobUrl, DEFILLAMA_API_URL: dl.apiUrl, DEFILLAMA_STABLECOINS_URL: dl.stablecoinsUrl });
const clients = () => ({
  hyperliquid: new HyperliquidInfoClient({ baseUrl: hl.url, maxCandlesPerRequest: 4, ...fast }),
  polymarket: new PolymarketClient({ gammaUrl: pm.gammaUrl, clobUrl: pm.clobUrl, ...fast }),
  defillama: new DefiLlamaClient({ apiUrl: dl.apiUrl, stablecoinsUrl: dl.stablecoinsUrl, ...fast }),
});
const run = (source: string, asset: string, interval: string, from: number, to: number) => {
  const c = parseCommand(["backfill", "--source", source, "--asset", asset, "--interval", interval, "--from", new Date(from).toISOString(), "--to", new Date(to).toISOString()]) as Command;
  if (c.name !== "backfill") throw new Error(String(c));
  const io = cliDeps(t.db, { now: NOW, env: env(), clients: clients() });
  return backfill(c.args, io.deps).then((code) => ({ code, ...io }));
};
const btc = async () => (await t.db.marketAsset.findUniqueOrThrow({ where: { venue_symbol: { venue: "HYPERLIQUID", symbol: "BTC" } } })).id;
const CHANNEL = "hyperliquid:candles:HYPERLIQUID:BTC";
// the ten candles of [FROM, FROM + 10 min); the mock also holds two before and two after
const served = () => parseCandleSnapshot(hl.data.candles.BTC!).slice(2, 12);

describe("backfill --source hyperliquid", () => {
  it("stores the window's candles page by page, each page a chunk", async () => {
    const r = await run("hyperliquid", "BTC", "1m", FROM, FROM + 10 * M);
    expect(r.code).toBe(0);
    expect(await candlesInRange(t.db, await btc(), 0, NOW)).toEqual(served());
    expect(hl.infoBodies("candleSnapshot").map((b) => (b.req as { startTime: number }).startTime)).toEqual([FROM, FROM + 3 * M + 1, FROM + 7 * M + 1]);
    expect(r.stdout.text).toContain("10 rows in 3 chunk(s), 0 gap(s) opened");
    expect(r.stderr.text).toContain("100% 3/3 chunks");
    expect((await findChannel(t.db, CHANNEL))?.cursorMs).toBeNull();
  });

  it("a failure on the second page keeps the first, is recorded, and the rerun resumes there", async () => {
    hl.server.queue.push({ json: hl.data.candles.BTC!.slice(2, 6) }, ...Array.from({ length: 5 }, () => ({ status: 503, text: "unavailable" })));
    const failed = await run("hyperliquid", "BTC", "1m", FROM, FROM + 10 * M);
    expect(failed.code).toBe(1);
    expect(failed.stderr.text).toContain(`backfill failed: HttpError: HTTP 503`);
    expect(failed.stderr.text).toContain(`(recorded on ${CHANNEL}); run the same command again to resume from ${new Date(FROM + 4 * M).toISOString()}`);
    expect(await t.db.candle.count()).toBe(4);
    const channel = await findChannel(t.db, CHANNEL);
    expect(channel).toMatchObject({ consecutiveFailures: 1, cursorMs: BigInt(FROM + 4 * M) });
    expect(channel?.lastError).toContain("HTTP 503");

    const again = await run("hyperliquid", "BTC", "1m", FROM, FROM + 10 * M);
    expect(again.code).toBe(0);
    expect(again.stdout.text).toContain(`resuming ${CHANNEL} from its cursor ${new Date(FROM + 4 * M).toISOString()}`);
    expect(await candlesInRange(t.db, await btc(), 0, NOW)).toEqual(served());
    expect(await findChannel(t.db, CHANNEL)).toMatchObject({ consecutiveFailures: 0, cursorMs: null });
    expect(await t.db.feedGap.count()).toBe(0);
  });

  it("backfills funding with --interval 1h, aligned to the hour", async () => {
    const H = 3_600_000;
    hl.data.funding = { BTC: [0, 1, 2, 3].map((i) => ({ coin: "BTC", fundingRate: `0.0000${i + 1}`, premium: "0.0001", time: FROM + i * H + 48 })) };
    const r = await run("hyperliquid", "BTC", "1h", FROM, FROM + 3 * H);
    expect(r.code).toBe(0);
    const rows = await t.db.fundingRate.findMany({ orderBy: { timeMs: "asc" }, select: { timeMs: true, rate: true } });
    expect(rows).toEqual([0, 1, 2].map((i) => ({ timeMs: BigInt(FROM + i * H), rate: (i + 1) / 100_000 })));
  });
});

describe("backfill --source polymarket and defillama", () => {
  it("stores the first outcome's minute prices of the market named by its slug, a day per request", async () => {
    pm.data.markets = [gammaMarketRow({ id: "9", slug: "btc-100k", question: "BTC above 100k?", outcomes: ["Yes", "No"], outcomePrices: ["0.4", "0.6"], clobTokenIds: ["111", "222"] })];
    const day = Date.UTC(2026, 2, 1);
    pm.data.history = { "111": [day - M, day + 5 * M, day + D + 7 * M, day + 2 * D].map((ms, i) => ({ t: ms / 1000 + 5, p: 0.5 + i / 100 })) };
    const r = await run("polymarket", "btc-100k", "1m", day, day + 2 * D);
    expect(r.code).toBe(0);
    const prices = await t.db.predictionPrice.findMany({ orderBy: { timeMs: "asc" }, select: { outcome: true, timeMs: true, price: true, source: true } });
    expect(prices).toEqual([
      { outcome: 0, timeMs: BigInt(day + 5 * M), price: 0.51, source: "polymarket" },
      { outcome: 0, timeMs: BigInt(day + D + 7 * M), price: 0.52, source: "polymarket" },
    ]);
    expect(pm.server.requests.filter((q) => q.path.endsWith("/prices-history"))).toHaveLength(2);

    const missing = await run("polymarket", "no-such-market", "1m", day, day + D);
    expect(missing.code).toBe(1);
    expect(missing.stderr.text).toContain("--asset no-such-market: polymarket has no such market");
    expect(await findChannel(t.db, "polymarket:prediction-prices:POLYMARKET:no-such-market")).toBeNull();
  });

  it("stores the days of a DefiLlama series inside the window, and a failing fetch is recorded", async () => {
    const day = Date.UTC(2026, 2, 1);
    dl.data.chainTvl = [0, 1, 2, 3].map((i) => ({ date: (day + i * D) / 1000, tvl: 150e9 + i }));
    const r = await run("defillama", "tvl", "1d", day + D, day + 3 * D);
    expect(r.code).toBe(0);
    const points = await t.db.macroPoint.findMany({ orderBy: { timeMs: "asc" }, select: { timeMs: true, value: true } });
    expect(points).toEqual([1, 2].map((i) => ({ timeMs: BigInt(day + i * D), value: 150e9 + i })));

    dl.server.queue.push(...Array.from({ length: 5 }, () => ({ status: 500, text: "upstream" })));
    const failed = await run("defillama", "tvl", "1d", day, day + D);
    expect(failed.code).toBe(1);
    expect((await findChannel(t.db, "defillama:macro:DEFILLAMA:tvl"))?.consecutiveFailures).toBe(1);
  });
});
