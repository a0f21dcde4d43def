/**
 * Market memory for a backtest window, read once: for each series, the newest
 * points before the window (as many as a decision at its start reads) and every
 * point in it. Rows travel as one JSON text per statement built by printf
 * ('%!.17g' writes a double that reads back as the same double, see perp-at.ts):
 * a year of minutes as 525,600 driver rows would cost seconds, as JSON ~0.3 s.
 */
import { readRows, type Db } from "@/server/db";
import type { BookTopRow, ContextRow, FundingRow } from "@/lib/domain/decisions/build-packet";
import type { PerpSeries, PredictionSeries } from "@/lib/domain/backtest/series";
import type { Candle } from "@/lib/domain/market/types";
import { findAsset } from "./assets";
import { predictionMarketOf } from "./before";

const M = 60_000;
/** minutes per statement: ~4 MB of JSON */
const CHUNK_MS = 30 * 86_400_000;

type Num = number | null;

/** `[...]` of printf'd rows, oldest first: the newest `limit` before `from` (limit > 0), or all in [from, to). */
async function jsonRows(db: Db, table: string, time: string, row: string, where: string, args: (string | number | bigint)[], window: { from: number; to?: number; limit?: number }): Promise<Num[][]> {
  const inner = window.limit !== undefined
    ? `SELECT "${time}" AS t, ${row} AS row FROM "${table}" WHERE ${where} AND "${time}" < ? ORDER BY "${time}" DESC LIMIT ${Math.max(0, Math.floor(window.limit))}`
    : `SELECT "${time}" AS t, ${row} AS row FROM "${table}" WHERE ${where} AND "${time}" >= ? AND "${time}" < ?`;
  const sql = `SELECT '[' || group_concat(row, ',' ORDER BY t) || ']' AS rows FROM (${inner})`;
  const bounds = window.limit !== undefined ? [BigInt(window.from)] : [BigInt(window.from), BigInt(window.to!)];
  const [result] = await readRows<{ rows: string | null }>(db, sql, [...args, ...bounds]);
  return result?.rows ? (JSON.parse(result.rows) as Num[][]) : [];
}

/** The newest `before` points before `from` and every point in [from, to), in chunks. */
async function series(db: Db, table: string, time: string, row: string, where: string, args: (string | number | bigint)[], from: number, to: number, before: number) {
  const out = before > 0 ? await jsonRows(db, table, time, row, where, args, { from, limit: before }) : [];
  for (let a = from; a < to; a += CHUNK_MS) out.push(...(await jsonRows(db, table, time, row, where, args, { from: a, to: Math.min(to, a + CHUNK_MS) })));
  return out;
}

// one printf per row: a concatenation of an expression per field costs ~50% more (see perp-at.ts)
const printfRow = (fields: [string, "int" | "real" | "real?"][]) =>
  `printf('[${fields.map(([, kind]) => (kind === "int" ? "%d" : kind === "real" ? "%!.17g" : "%s")).join(",")}]', ${fields
    .map(([col, kind]) => (kind === "real?" ? `iif("${col}" IS NULL, 'null', printf('%!.17g', "${col}"))` : `"${col}"`))
    .join(", ")})`;
const reals = (cols: string[]) => cols.map((c): [string, "real"] => [c, "real"]);

const CANDLE = printfRow([["openTimeMs", "int"], ...reals(["open", "high", "low", "close", "volume"]), ["trades", "int"]]);
const MID = printfRow([["timeMs", "int"], ["price", "real"]]);
const BOOK = printfRow([["timeMs", "int"], ...reals(["bestBid", "bestAsk", "mid", "spreadBps", "bidDepthUsd", "askDepthUsd"])]);
const FUNDING = printfRow([["timeMs", "int"], ["rate", "real"], ["premium", "real"]]);
const CONTEXT_FIELDS = ["funding", "openInterest", "markPx", "oraclePx", "midPx", "premium", "prevDayPx", "dayNtlVlm", "dayBaseVlm", "impactBidPx", "impactAskPx"] as const;
const CONTEXT = printfRow([["timeMs", "int"], ...CONTEXT_FIELDS.map((c): [string, "real?"] => [c, "real?"])]);
const PRICE = printfRow([["timeMs", "int"], ["price", "real"]]);
const MACRO = printfRow([["timeMs", "int"], ["value", "real"]]);

export interface PerpNeeds {
  /** closed minutes a decision at the window's start reads */
  minutes: number;
  funding: number;
  contexts: number;
}

/** A Hyperliquid perp's series for [from, to]; null if market memory has no such asset. */
export async function loadPerpSeries(db: Db, symbol: string, from: number, to: number, needs: PerpNeeds): Promise<PerpSeries | null> {
  const asset = await findAsset(db, "HYPERLIQUID", symbol);
  if (!asset) return null;
  const meta = JSON.parse(asset.meta) as { szDecimals?: number; assetIndex?: number };
  const where = `"assetId" = ?`;
  const id = [asset.id];
  const [minutes, mids, books, funding, contexts] = [
    await series(db, "Candle", "openTimeMs", CANDLE, where, id, from, to, needs.minutes),
    await series(db, "MidPrice", "timeMs", MID, where, id, from, to, 1),
    await series(db, "BookSnapshot", "timeMs", BOOK, where, id, from, to, 1),
    // the monitor books the funding hour at `to` too
    await series(db, "FundingRate", "timeMs", FUNDING, where, id, from, to + 1, Math.max(1, needs.funding)),
    needs.contexts > 0 ? await series(db, "AssetContext", "timeMs", CONTEXT, where, id, from, to, needs.contexts) : [],
  ];
  return {
    symbol,
    szDecimals: meta.szDecimals ?? 4,
    ...(meta.assetIndex !== undefined && { assetIndex: meta.assetIndex }),
    minutes: minutes.map(([t, open, high, low, close, volume, trades]): Candle => ({ openTime: t!, closeTime: t! + M - 1, open: open!, high: high!, low: low!, close: close!, volume: volume!, trades: trades! })),
    mids: mids.map(([time, price]) => ({ time: time!, price: price! })),
    books: books.map(([time, bestBid, bestAsk, mid, spreadBps, bidDepthUsd, askDepthUsd]): BookTopRow => ({ time: time!, bestBid: bestBid!, bestAsk: bestAsk!, mid: mid!, spreadBps: spreadBps!, bidDepthUsd: bidDepthUsd!, askDepthUsd: askDepthUsd! })),
    funding: funding.map(([time, rate, premium]): FundingRow => ({ time: time!, rate: rate!, premium: premium! })),
    contexts: contexts.map(([time, ...values]) => ({ time: time!, ...Object.fromEntries(CONTEXT_FIELDS.map((f, i) => [f, values[i] ?? null])) }) as ContextRow),
  };
}

export async function loadPredictionSeries(db: Db, slug: string, from: number, to: number, depth: number): Promise<PredictionSeries | null> {
  const asset = await findAsset(db, "POLYMARKET", slug);
  if (!asset) return null;
  const prices = await series(db, "PredictionPrice", "timeMs", PRICE, `"assetId" = ? AND "outcome" = 0`, [asset.id], from, to, depth);
  const market = await predictionMarketOf(db, asset.id);
  return {
    prices: prices.map(([time, price]) => ({ time: time!, price: price! })),
    snapshot: market && { volume: market.volume, liquidity: market.liquidity, updatedAt: market.updatedAt.getTime() },
  };
}

export async function loadMacroSeries(db: Db, name: string, from: number, to: number, depth: number) {
  const asset = await findAsset(db, "DEFILLAMA", name);
  if (!asset) return null;
  const points = await series(db, "MacroPoint", "timeMs", MACRO, `"assetId" = ?`, [asset.id], from, to, depth);
  return points.map(([time, value]) => ({ time: time!, value: value! }));
}

/** How many 1-minute candles of the perp lie in [from, to), and the first and last. */
export async function candleCoverage(db: Db, symbol: string, from: number, to: number) {
  const [row] = await readRows<{ n: number | bigint; first: number | bigint | null; last: number | bigint | null }>(db,
    `SELECT count(*) AS n, min(c."openTimeMs") AS first, max(c."openTimeMs") AS last FROM "Candle" c JOIN "MarketAsset" a ON a."id" = c."assetId"
     WHERE a."venue" = 'HYPERLIQUID' AND a."symbol" = ? AND c."openTimeMs" >= ? AND c."openTimeMs" < ?`, [symbol, BigInt(from), BigInt(to)]);
  const n = (v: number | bigint | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return { count: n(row?.n) ?? 0, first: n(row?.first), last: n(row?.last) };
}
