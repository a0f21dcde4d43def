/**
 * Typed entry points of the ingestion path, one per dataset. Each validates the
 * records (a bad one refuses the whole batch) and stores them through ingest().
 */
import { summarizeBook } from "@/lib/domain/market/book";
import { checkCandles, checkFinite } from "@/lib/domain/market/validate";
import type {
  AssetRef,
  AssetContext,
  Candle,
  FundingRate,
  MacroPoint,
  MacroSeries,
  MidPrice,
  OrderBook,
  PredictionMarketInfo,
  PredictionPricePoint,
} from "@/lib/domain/market/types";
import type { Clock } from "@/lib/domain/clock";
import type { PrismaClient } from "@/server/db";
import type { AssetInput } from "@/server/repositories/market/assets";
import * as series from "@/server/repositories/market/series";
import { upsertPredictionMarket } from "@/server/repositories/market/prediction-markets";
import { ingest } from "./ingest";

export const perpAsset = (symbol: string, meta?: Record<string, unknown>): AssetInput => ({
  venue: "HYPERLIQUID",
  symbol,
  kind: "PERP",
  name: `${symbol}-PERP`,
  meta,
});

export const predictionAsset = (m: Pick<PredictionMarketInfo, "slug" | "question" | "conditionId" | "tokenIds" | "outcomes">): AssetInput => ({
  venue: "POLYMARKET",
  symbol: m.slug,
  kind: "PREDICTION",
  name: m.question,
  meta: { conditionId: m.conditionId, tokenIds: m.tokenIds, outcomes: m.outcomes },
});

const MACRO_NAMES: Record<MacroSeries, string> = {
  tvl: "DeFi TVL (all chains)",
  stablecoins: "Stablecoin supply (USD)",
  "dex-volume": "DEX volume (daily)",
  fees: "Protocol fees (daily)",
};
export const macroAsset = (s: MacroSeries, chain?: string): AssetInput => ({
  venue: "DEFILLAMA",
  symbol: chain ? `${s}:${chain}` : s,
  kind: "MACRO",
  name: chain ? `${MACRO_NAMES[s]} – ${chain}` : MACRO_NAMES[s],
});

type Ctx = { db: PrismaClient; clock: Clock; source: string };

export function storeCandles(ctx: Ctx, asset: AssetInput, candles: Candle[]) {
  return ingest(ctx.db, ctx.clock, {
    source: ctx.source, dataset: "candles", asset, times: candles.map((c) => c.openTime),
    validate: () => checkCandles(candles, asset.symbol),
    write: (tx, id) => series.upsertCandles(tx, id, ctx.source, candles),
  });
}

export function storeMids(ctx: Ctx, asset: AssetInput, mids: Pick<MidPrice, "time" | "price">[]) {
  return ingest(ctx.db, ctx.clock, {
    source: ctx.source, dataset: "mids", asset, times: mids.map((m) => m.time),
    validate: () => mids.forEach((m) => checkFinite(m.price, `${asset.symbol} mid`)),
    write: (tx, id) => series.upsertMids(tx, id, ctx.source, mids),
  });
}

export function storeContexts(ctx: Ctx, asset: AssetInput, contexts: AssetContext[]) {
  return ingest(ctx.db, ctx.clock, {
    source: ctx.source, dataset: "contexts", asset, times: contexts.map((c) => c.time),
    write: (tx, id) => series.upsertContexts(tx, id, ctx.source, contexts),
  });
}

export function storeFunding(ctx: Ctx, asset: AssetInput, rates: FundingRate[]) {
  // Hyperliquid stamps funding a few ms after the hour: the series is hourly, so align it.
  const aligned = rates.map((r) => ({ ...r, time: Math.floor(r.time / 3_600_000) * 3_600_000 }));
  return ingest(ctx.db, ctx.clock, {
    source: ctx.source, dataset: "funding", asset, times: aligned.map((r) => r.time),
    write: (tx, id) => series.upsertFunding(tx, id, ctx.source, aligned),
  });
}

export function storeBook(ctx: Ctx, asset: AssetInput, book: OrderBook) {
  let summary: ReturnType<typeof summarizeBook> | undefined;
  return ingest(ctx.db, ctx.clock, {
    source: ctx.source, dataset: "book", asset, times: [book.time],
    validate: () => {
      summary = summarizeBook(book);
    },
    write: (tx, id) => series.upsertBooks(tx, id, ctx.source, [summary!]),
  });
}

/** `rolling` names the channel when markets roll (one market per window, one channel for all). */
export function storePredictionMarket(ctx: Ctx, market: PredictionMarketInfo, rolling?: AssetRef) {
  return ingest(ctx.db, ctx.clock, {
    source: ctx.source, dataset: "prediction-markets", asset: predictionAsset(market), channelAsset: rolling,
    times: [ctx.clock.now().getTime()],
    write: (tx, id) => upsertPredictionMarket(tx, id, ctx.source, market),
  });
}

/** Prices of one outcome (0 = the first, e.g. "Up"/"Yes") of a prediction market. */
export function storePredictionPrices(
  ctx: Ctx,
  market: PredictionMarketInfo,
  outcome: number,
  points: PredictionPricePoint[],
  rolling?: AssetRef,
) {
  // prices-history is minute-stamped to the second; the series is per minute
  const aligned = dedupeByTime(points.map((p) => ({ ...p, time: Math.floor(p.time / 60_000) * 60_000 })));
  return ingest(ctx.db, ctx.clock, {
    source: ctx.source, dataset: "prediction-prices", asset: predictionAsset(market), channelAsset: rolling,
    validate: () =>
      aligned.forEach((p) => {
        if (!(p.price >= 0 && p.price <= 1)) throw new Error(`${market.slug}: price ${p.price} is outside [0, 1]`);
      }),
    times: outcome === 0 ? aligned.map((p) => p.time) : [],
    write: (tx, id) => series.upsertPredictionPrices(tx, id, outcome, ctx.source, aligned),
  });
}

export function storeMacro(ctx: Ctx, asset: AssetInput, points: MacroPoint[]) {
  // DefiLlama series are daily; align to midnight UTC
  const aligned = dedupeByTime(points.map((p) => ({ ...p, time: Math.floor(p.time / 86_400_000) * 86_400_000 })));
  return ingest(ctx.db, ctx.clock, {
    source: ctx.source, dataset: "macro", asset, times: aligned.map((p) => p.time),
    validate: () => aligned.forEach((p) => checkFinite(p.value, `${asset.symbol} value`)),
    write: (tx, id) => series.upsertMacroPoints(tx, id, ctx.source, aligned),
  });
}

/** The last point of each time wins (a series re-stamped to coarser times). */
function dedupeByTime<T extends { time: number }>(points: T[]): T[] {
  return [...new Map(points.map((p) => [p.time, p])).values()].sort((a, b) => a.time - b.time);
}
