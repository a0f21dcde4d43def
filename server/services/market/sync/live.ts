/**
 * The live sources: Hyperliquid (perps), Polymarket (prediction markets) and
 * DefiLlama (macro series), each fetched with its real client and stored through
 * the one ingestion path. One failing channel never stops the others.
 */
import { channelId, type Dataset } from "@/lib/domain/market/datasets";
import { assetKey, type AssetRef, type MacroPoint, type MacroSeries } from "@/lib/domain/market/types";
import type { Clock } from "@/lib/domain/clock";
import type { Env } from "@/lib/env";
import type { PrismaClient } from "@/server/db";
import { DefiLlamaClient } from "@/server/market/defillama/client";
import { HyperliquidInfoClient } from "@/server/market/hyperliquid/info-client";
import { PolymarketClient } from "@/server/market/polymarket/client";
import { findChannel, listChannels, retireChannel } from "@/server/repositories/market/channels";
import { runChannel } from "../ingest";
import { macroAsset, perpAsset, storeBook, storeCandles, storeContexts, storeFunding, storeMacro, storeMids, storePredictionMarket, storePredictionPrices } from "../store";

const M = 60_000;
const H = 3_600_000;
const D = 86_400_000;
/** A new channel starts with this much history; older data comes from `npm run market -- backfill`. */
export const LIVE_INITIAL_WINDOW_MS = 6 * H;
/** How many of Polymarket's busiest active markets are followed. */
export const POLYMARKET_TRACKED = 10;

/** Clients to use instead of the ones built from the environment (tests pass their own). */
export interface LiveClients {
  hyperliquid?: HyperliquidInfoClient;
  polymarket?: PolymarketClient;
  defillama?: DefiLlamaClient;
}

type Sync = (db: PrismaClient, clock: Clock, env: Env, clients?: LiveClients) => Promise<{ rows: number }>;

// Clients live across runs so Hyperliquid's weight budget spans them.
// (keyed by URL and timeout, so a changed setting gets a fresh client)
const clientCache = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  if (!clientCache.has(key)) clientCache.set(key, make());
  return clientCache.get(key) as T;
}

async function resume(db: PrismaClient, source: string, dataset: Dataset, ref: AssetRef, stepMs: number, fallback: number) {
  const c = await findChannel(db, channelId(source, dataset, assetKey(ref)));
  return c?.lastDataTimeMs != null ? Number(c.lastDataTimeMs) + stepMs : fallback;
}

const syncHyperliquid: Sync = async (db, clock, env, injected) => {
  const client = injected?.hyperliquid ?? cached(`hl:${env.HYPERLIQUID_API_URL}:${env.MARKET_HTTP_TIMEOUT_MS}`, () => new HyperliquidInfoClient({ baseUrl: env.HYPERLIQUID_API_URL, timeoutMs: env.MARKET_HTTP_TIMEOUT_MS }));
  const ctx = { db, clock, source: "hyperliquid" };
  const now = clock.now().getTime();
  const closedUntil = Math.floor(now / M) * M;
  // one request serves every symbol; each symbol's channel reports its own outcome
  const mids = once(() => client.allMids(now));
  const contexts = once(() => client.metaAndAssetCtxs(now));
  let rows = 0;
  for (const symbol of env.MARKET_ASSETS) {
    const ref: AssetRef = { venue: "HYPERLIQUID", symbol };
    const ch = (dataset: Dataset) => ({ source: "hyperliquid", dataset, asset: ref });
    await runChannel(db, clock, ch("contexts"), async () => {
      const all = await contexts();
      const assetIndex = all.findIndex((x) => x.symbol === symbol); // the universe's order is the exchange's asset index
      const c = all[assetIndex];
      if (!c) throw new Error(`Hyperliquid lists no perp named ${symbol}`);
      rows += (await storeContexts(ctx, perpAsset(symbol, { szDecimals: c.szDecimals, maxLeverage: c.maxLeverage, assetIndex }), [c])).rows;
    });
    await runChannel(db, clock, ch("candles"), async () => {
      const from = await resume(db, "hyperliquid", "candles", ref, M, closedUntil - LIVE_INITIAL_WINDOW_MS);
      if (from >= closedUntil) return;
      // stored page by page: a long catch-up that fails half-way resumes where it stopped
      await client.candles(symbol, "1m", from, closedUntil - 1, async (page) => {
        const closed = page.filter((c) => c.openTime < closedUntil);
        if (closed.length) rows += (await storeCandles(ctx, perpAsset(symbol), closed)).rows;
      });
    });
    await runChannel(db, clock, ch("funding"), async () => {
      const from = await resume(db, "hyperliquid", "funding", ref, H, now - LIVE_INITIAL_WINDOW_MS);
      const rates = await client.fundingHistory(symbol, from, now);
      if (rates.length) rows += (await storeFunding(ctx, perpAsset(symbol), rates)).rows;
    });
    await runChannel(db, clock, ch("mids"), async () => {
      const mid = (await mids()).find((m) => m.symbol === symbol);
      if (!mid) throw new Error(`allMids has no ${symbol}`);
      rows += (await storeMids(ctx, perpAsset(symbol), [mid])).rows;
    });
    await runChannel(db, clock, ch("book"), async () => {
      rows += (await storeBook(ctx, perpAsset(symbol), await client.l2Book(symbol))).rows;
    });
  }
  return { rows };
};

const syncPolymarket: Sync = async (db, clock, env, injected) => {
  const client = injected?.polymarket ?? cached(`pm:${env.POLYMARKET_GAMMA_URL}|${env.POLYMARKET_CLOB_URL}:${env.MARKET_HTTP_TIMEOUT_MS}`, () =>
    new PolymarketClient({ gammaUrl: env.POLYMARKET_GAMMA_URL, clobUrl: env.POLYMARKET_CLOB_URL, timeoutMs: env.MARKET_HTTP_TIMEOUT_MS }));
  const ctx = { db, clock, source: "polymarket" };
  const now = clock.now().getTime();
  const discovery: AssetRef = { venue: "POLYMARKET", symbol: "*" };
  let rows = 0;
  const markets = await runChannel(db, clock, { source: "polymarket", dataset: "prediction-markets", asset: discovery }, async () => {
    const found = await client.markets({ active: true, closed: false, order: "volume24hr", ascending: false, limit: POLYMARKET_TRACKED });
    for (const m of found) await storePredictionMarket(ctx, m, discovery);
    return found;
  });
  if (!markets) return { rows };
  const tracked = new Set<string>();
  for (const market of markets) {
    const ref: AssetRef = { venue: "POLYMARKET", symbol: market.slug };
    tracked.add(assetKey(ref));
    const tokenId = market.tokenIds[0];
    if (!tokenId) continue;
    await runChannel(db, clock, { source: "polymarket", dataset: "prediction-prices", asset: ref }, async () => {
      const from = await resume(db, "polymarket", "prediction-prices", ref, M, now - LIVE_INITIAL_WINDOW_MS);
      const points = await client.pricesHistory(tokenId, { startTs: from, endTs: now, fidelity: 1 });
      if (points.length) rows += (await storePredictionPrices(ctx, market, 0, points)).rows;
    });
  }
  // markets that left the busiest set (or closed) are no longer watched
  for (const c of await listChannels(db, { source: "polymarket" })) {
    if (c.dataset === "prediction-prices" && !tracked.has(c.assetKey)) await retireChannel(db, c.id, clock.now());
  }
  return { rows };
};

const MACRO: { series: MacroSeries; fetch: (c: DefiLlamaClient) => Promise<MacroPoint[]> }[] = [
  { series: "tvl", fetch: (c) => c.chainTvl() },
  { series: "stablecoins", fetch: (c) => c.stablecoinSupply() },
  { series: "dex-volume", fetch: (c) => c.dexVolume() },
  { series: "fees", fetch: (c) => c.fees("dailyFees") },
];

const syncDefiLlama: Sync = async (db, clock, env, injected) => {
  const client = injected?.defillama ?? cached(`dl:${env.DEFILLAMA_API_URL}|${env.DEFILLAMA_STABLECOINS_URL}:${env.MARKET_HTTP_TIMEOUT_MS}`, () =>
    new DefiLlamaClient({ apiUrl: env.DEFILLAMA_API_URL, stablecoinsUrl: env.DEFILLAMA_STABLECOINS_URL, timeoutMs: env.MARKET_HTTP_TIMEOUT_MS }));
  const ctx = { db, clock, source: "defillama" };
  let rows = 0;
  for (const { series, fetch } of MACRO) {
    const ref: AssetRef = { venue: "DEFILLAMA", symbol: series };
    await runChannel(db, clock, { source: "defillama", dataset: "macro", asset: ref }, async () => {
      // the series come whole; keep what is new plus two days that DefiLlama may still revise
      const from = (await resume(db, "defillama", "macro", ref, D, 0)) - 2 * D;
      const points = (await fetch(client)).filter((p) => p.time >= from);
      if (points.length) rows += (await storeMacro(ctx, macroAsset(series), points)).rows;
    });
  }
  return { rows };
};

export const liveSyncs: Record<"hyperliquid" | "polymarket" | "defillama", Sync> = {
  hyperliquid: syncHyperliquid,
  polymarket: syncPolymarket,
  defillama: syncDefiLlama,
};

/** A fetch shared by several channels, made at most once per run. */
function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
}
