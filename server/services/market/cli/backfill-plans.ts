/**
 * How each source fetches a backfill window, one chunk at a time: each chunk is
 * stored through the ingestion path (one transaction) and reported with the
 * position reached, so the runner can save a cursor and resume there.
 */
import type { Dataset } from "@/lib/domain/market/datasets";
import { replayPerp } from "@/lib/domain/market/replay/assets";
import { replayCandles, replayFunding } from "@/lib/domain/market/replay/generator";
import type { AssetRef, MacroPoint, MacroSeries, PredictionMarketInfo } from "@/lib/domain/market/types";
import { DefiLlamaClient } from "@/server/market/defillama/client";
import { HyperliquidInfoClient } from "@/server/market/hyperliquid/info-client";
import { PolymarketClient } from "@/server/market/polymarket/client";
import type { IngestResult } from "../ingest";
import { macroAsset, perpAsset, storeCandles, storeFunding, storeMacro, storePredictionPrices } from "../store";
import type { CliDeps } from "./context";
import type { BackfillArgs } from "./schemas";

const M = 60_000;
const H = 3_600_000;
const D = 86_400_000;

export interface ChunkDone {
  /** where the next chunk starts: the resume position */
  cursorMs: number;
  stored: IngestResult | null;
}

export interface BackfillPlan {
  channel: { source: string; dataset: Dataset; asset: AssetRef };
  /** chunks left for [fromMs, toMs); venues that page learn their page size as they go */
  estimateChunks(fromMs: number, toMs: number): number;
  /** looks up what the window needs before anything is stored (a market by its slug) */
  prepare?(): Promise<void>;
  run(fromMs: number, toMs: number, onChunk: (chunk: ChunkDone) => Promise<void>): Promise<void>;
}

/** The newest point a backfill may ask for: only closed minutes, never the future. */
export function windowEnd(dataset: Dataset, nowMs: number): number {
  return dataset === "candles" || dataset === "prediction-prices" ? Math.floor(nowMs / M) * M : nowMs;
}

/** [a, b) spans cut on multiples of `size` (UTC midnights for a day), so reruns cut the same chunks. */
function spans(fromMs: number, toMs: number, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let a = fromMs; a < toMs; ) {
    const b = Math.min(toMs, (Math.floor(a / size) + 1) * size);
    out.push([a, b]);
    a = b;
  }
  return out;
}

function chunked(size: number, store: (a: number, b: number) => Promise<IngestResult | null>): Pick<BackfillPlan, "estimateChunks" | "run"> {
  return {
    estimateChunks: (from, to) => spans(from, to, size).length,
    async run(from, to, onChunk) {
      for (const [a, b] of spans(from, to, size)) await onChunk({ cursorMs: b, stored: await store(a, b) });
    },
  };
}

export function backfillPlan(args: BackfillArgs, deps: CliDeps): BackfillPlan {
  const { db, clock, env } = deps;
  const ctx = { db, clock, source: args.source };
  const channel = (venue: AssetRef["venue"]) => ({ source: args.source, dataset: args.dataset, asset: { venue, symbol: args.asset } });

  if (args.source === "replay") {
    const p = replayPerp(args.asset);
    const asset = perpAsset(args.asset, { szDecimals: p.szDecimals, maxLeverage: p.maxLeverage });
    const seed = env.REPLAY_SEED;
    // a day of minutes (1 440 rows) or a month of hours (720) per transaction
    return args.dataset === "candles"
      ? { channel: channel("HYPERLIQUID"), ...chunked(D, (a, b) => storeCandles(ctx, asset, replayCandles(seed, args.asset, a, b))) }
      : { channel: channel("HYPERLIQUID"), ...chunked(30 * D, (a, b) => storeFunding(ctx, asset, replayFunding(seed, args.asset, a, b))) };
  }

  if (args.source === "hyperliquid") {
    const client = deps.clients?.hyperliquid ?? new HyperliquidInfoClient({ baseUrl: env.HYPERLIQUID_API_URL, timeoutMs: env.MARKET_HTTP_TIMEOUT_MS });
    const asset = perpAsset(args.asset);
    const candles = args.dataset === "candles";
    const step = candles ? M : H;
    // the venue's documented cap estimates the pages until the first full page shows the real one
    const documentedCap = candles ? 5000 : 500;
    let largestPage = 0;
    const page = <T>(rows: T[], timeOf: (r: T) => number, from: number, to: number) => {
      largestPage = Math.max(largestPage, rows.length);
      return rows.filter((r) => timeOf(r) >= from && timeOf(r) < to);
    };
    return {
      channel: channel("HYPERLIQUID"),
      estimateChunks: (from, to) => Math.ceil((to - from) / step / (largestPage || documentedCap)),
      async run(from, to, onChunk) {
        if (candles) {
          await client.candles(args.asset, "1m", from, to - 1, async (rows) => {
            const fresh = page(rows, (c) => c.openTime, from, to);
            if (fresh.length) await onChunk({ cursorMs: fresh.at(-1)!.openTime + M, stored: await storeCandles(ctx, asset, fresh) });
          });
        } else {
          await client.fundingHistory(args.asset, from, to - 1, async (rows) => {
            const fresh = page(rows, (f) => Math.floor(f.time / H) * H, from, to);
            if (fresh.length) await onChunk({ cursorMs: Math.floor(fresh.at(-1)!.time / H) * H + H, stored: await storeFunding(ctx, asset, fresh) });
          });
        }
      },
    };
  }

  if (args.source === "polymarket") {
    const client = deps.clients?.polymarket ?? new PolymarketClient({ gammaUrl: env.POLYMARKET_GAMMA_URL, clobUrl: env.POLYMARKET_CLOB_URL, timeoutMs: env.MARKET_HTTP_TIMEOUT_MS });
    let market: PredictionMarketInfo | undefined;
    let tokenId = "";
    return {
      channel: channel("POLYMARKET"),
      async prepare() {
        market = await client.marketBySlug(args.asset);
        tokenId = market.tokenIds[0] ?? "";
        if (!tokenId) throw new Error(`Polymarket market ${args.asset} lists no outcome token`);
      },
      // a day per request: the CLOB refuses long windows at minute fidelity
      ...chunked(D, async (a, b) => {
        const points = await client.pricesHistory(tokenId, { startTs: a, endTs: b - 1, fidelity: 1 });
        return points.length ? storePredictionPrices(ctx, market!, 0, points) : null;
      }),
    };
  }

  const client = deps.clients?.defillama ?? new DefiLlamaClient({ apiUrl: env.DEFILLAMA_API_URL, stablecoinsUrl: env.DEFILLAMA_STABLECOINS_URL, timeoutMs: env.MARKET_HTTP_TIMEOUT_MS });
  const series = args.asset as MacroSeries;
  const fetchSeries: Record<MacroSeries, () => Promise<MacroPoint[]>> = {
    tvl: () => client.chainTvl(),
    stablecoins: () => client.stablecoinSupply(),
    "dex-volume": () => client.dexVolume(),
    fees: () => client.fees("dailyFees"),
  };
  return {
    channel: channel("DEFILLAMA"),
    // DefiLlama answers a whole series at once: one chunk
    estimateChunks: (from, to) => (to > from ? 1 : 0),
    async run(from, to, onChunk) {
      const day = (p: MacroPoint) => Math.floor(p.time / D) * D;
      const points = (await fetchSeries[series]()).filter((p) => day(p) >= from && day(p) < to);
      await onChunk({ cursorMs: to, stored: points.length ? await storeMacro(ctx, macroAsset(series), points) : null });
    },
  };
}
