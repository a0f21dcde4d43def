/** Writes and reads of the market-memory time series. Times are ms (BigInt in the database). */
import type { Db } from "@/server/db";
import type {
  AssetContext,
  Candle,
  FundingRate,
  MacroPoint,
  MidPrice,
  PredictionPricePoint,
} from "@/lib/domain/market/types";
import type { BookSummary } from "@/lib/domain/market/book";
import { bulkUpsert } from "./bulk-upsert";

const CANDLE_COLUMNS = ["assetId", "openTimeMs", "open", "high", "low", "close", "volume", "trades", "source"] as const;

export function upsertCandles(db: Db, assetId: string, source: string, candles: readonly Candle[]) {
  return bulkUpsert(db, "Candle", CANDLE_COLUMNS, ["assetId", "openTimeMs"],
    candles.map((c) => [assetId, c.openTime, c.open, c.high, c.low, c.close, c.volume, c.trades, source]));
}

export function upsertMids(db: Db, assetId: string, source: string, mids: readonly Pick<MidPrice, "time" | "price">[]) {
  return bulkUpsert(db, "MidPrice", ["assetId", "timeMs", "price", "source"], ["assetId", "timeMs"],
    mids.map((m) => [assetId, m.time, m.price, source]));
}

const CONTEXT_COLUMNS = ["assetId", "timeMs", "funding", "openInterest", "markPx", "oraclePx", "midPx", "premium", "prevDayPx",
  "dayNtlVlm", "dayBaseVlm", "impactBidPx", "impactAskPx", "source"] as const;

export function upsertContexts(db: Db, assetId: string, source: string, ctxs: readonly AssetContext[]) {
  return bulkUpsert(db, "AssetContext", CONTEXT_COLUMNS, ["assetId", "timeMs"],
    ctxs.map((c) => [assetId, c.time, c.funding, c.openInterest, c.markPx, c.oraclePx, c.midPx, c.premium, c.prevDayPx,
      c.dayNtlVlm, c.dayBaseVlm, c.impactBidPx, c.impactAskPx, source]));
}

export function upsertFunding(db: Db, assetId: string, source: string, rates: readonly FundingRate[]) {
  return bulkUpsert(db, "FundingRate", ["assetId", "timeMs", "rate", "premium", "source"], ["assetId", "timeMs"],
    rates.map((r) => [assetId, r.time, r.rate, r.premium, source]));
}

const BOOK_COLUMNS = ["assetId", "timeMs", "bestBid", "bestAsk", "mid", "spreadBps", "bidDepthUsd", "askDepthUsd", "levels", "source"] as const;

export function upsertBooks(db: Db, assetId: string, source: string, books: readonly BookSummary[]) {
  return bulkUpsert(db, "BookSnapshot", BOOK_COLUMNS, ["assetId", "timeMs"],
    books.map((b) => [assetId, b.time, b.bestBid, b.bestAsk, b.mid, b.spreadBps, b.bidDepthUsd, b.askDepthUsd, JSON.stringify(b.levels), source]));
}

export function upsertPredictionPrices(db: Db, assetId: string, outcome: number, source: string, points: readonly PredictionPricePoint[]) {
  return bulkUpsert(db, "PredictionPrice", ["assetId", "outcome", "timeMs", "price", "source"], ["assetId", "outcome", "timeMs"],
    points.map((p) => [assetId, outcome, p.time, p.price, source]));
}

export function upsertMacroPoints(db: Db, assetId: string, source: string, points: readonly MacroPoint[]) {
  return bulkUpsert(db, "MacroPoint", ["assetId", "timeMs", "value", "source"], ["assetId", "timeMs"],
    points.map((p) => [assetId, p.time, p.value, source]));
}

/** Candles with openTime in [fromMs, toMs), ascending. */
export async function candlesInRange(db: Db, assetId: string, fromMs: number, toMs: number): Promise<Candle[]> {
  const rows = await db.candle.findMany({
    where: { assetId, openTimeMs: { gte: BigInt(fromMs), lt: BigInt(toMs) } },
    orderBy: { openTimeMs: "asc" },
  });
  return rows.map(toCandle);
}

/** Regular series whose gaps are tracked, with their table and time column. */
export const GAP_TRACKED = {
  candles: { table: "Candle", time: "openTimeMs", extra: "" },
  funding: { table: "FundingRate", time: "timeMs", extra: "" },
  "prediction-prices": { table: "PredictionPrice", time: "timeMs", extra: ` AND "outcome" = 0` },
  macro: { table: "MacroPoint", time: "timeMs", extra: "" },
} as const;
export type GapTrackedDataset = keyof typeof GAP_TRACKED;

/** Stored times of a series in [fromMs, toMs), ascending. */
export async function seriesTimes(db: Db, dataset: GapTrackedDataset, assetId: string, fromMs: number, toMs: number): Promise<number[]> {
  const { table, time, extra } = GAP_TRACKED[dataset];
  const rows = await db.$queryRawUnsafe<{ t: bigint | number }[]>(
    `SELECT "${time}" AS t FROM "${table}" WHERE "assetId" = ? AND "${time}" >= ? AND "${time}" < ?${extra} ORDER BY "${time}"`,
    assetId, fromMs, toMs,
  );
  return rows.map((r) => Number(r.t));
}

/** The stored time just before `beforeMs` (null if none) and just at/after `atOrAfterMs` (null if none). */
export async function seriesNeighbours(db: Db, dataset: GapTrackedDataset, assetId: string, beforeMs: number, atOrAfterMs: number) {
  const { table, time, extra } = GAP_TRACKED[dataset];
  const [prev] = await db.$queryRawUnsafe<{ t: bigint | number | null }[]>(
    `SELECT MAX("${time}") AS t FROM "${table}" WHERE "assetId" = ? AND "${time}" < ?${extra}`, assetId, beforeMs);
  const [next] = await db.$queryRawUnsafe<{ t: bigint | number | null }[]>(
    `SELECT MIN("${time}") AS t FROM "${table}" WHERE "assetId" = ? AND "${time}" >= ?${extra}`, assetId, atOrAfterMs);
  return { previous: prev?.t == null ? null : Number(prev.t), next: next?.t == null ? null : Number(next.t) };
}

/**
 * The latest `limit` 1-minute candles that closed before `beforeMs`, oldest first:
 * what a decision at time T may read. Served by the (assetId, openTimeMs) primary
 * key, walked backwards from T.
 */
export async function latestCandlesBefore(db: Db, assetId: string, beforeMs: number, limit: number): Promise<Candle[]> {
  const rows = await db.candle.findMany({
    // a candle opened at t closes at t + 59,999 ms: it is complete before T only if t + 60,000 <= T
    where: { assetId, openTimeMs: { lte: BigInt(beforeMs - 60_000) } },
    orderBy: { openTimeMs: "desc" },
    take: limit,
  });
  return rows.reverse().map(toCandle);
}

function toCandle(r: { openTimeMs: bigint; open: number; high: number; low: number; close: number; volume: number; trades: number }): Candle {
  const openTime = Number(r.openTimeMs);
  return { openTime, closeTime: openTime + 59_999, open: r.open, high: r.high, low: r.low, close: r.close, volume: r.volume, trades: r.trades };
}
