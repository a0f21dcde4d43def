/**
 * A Hyperliquid perp as a decision at T meets it, in ONE statement read straight on
 * the libSQL client (see server/db/reader.ts): the asset's meta, its candle
 * revision (see the CandleRevision model), the newest closed 1-minute candles
 * before T (only those after `afterMs`, for a caller that holds the older ones),
 * and the latest mid and top of book stamped before T.
 *
 * The statement is kept plain (scalar subqueries, no CTEs): the driver prepares it
 * on every call, and preparing the first version, with CTEs, cost ~150 µs of the
 * decision; this one ~45 µs.
 *
 * Values travel as JSON text built by printf in one row (rows through the driver
 * cost ~5 µs each): SQLite 3.45's own JSON renders a double with 15 digits, which
 * is not the same double back; printf('%!.17g') writes 17, which is.
 */
import { readRows, type Db } from "@/server/db";
import type { Candle } from "@/lib/domain/market/types";

const M = 60_000;

const SQL = `
SELECT (SELECT "meta" FROM "MarketAsset" WHERE "id" = ?1) AS "meta",
  coalesce((SELECT "revision" FROM "CandleRevision" WHERE "assetId" = ?1), 0) AS "revision",
  (SELECT '[' || group_concat(row, ',' ORDER BY t) || ']' FROM (
    SELECT "openTimeMs" AS t, printf('[%d,%!.17g,%!.17g,%!.17g,%!.17g,%!.17g,%d]', "openTimeMs", "open", "high", "low", "close", "volume", "trades") AS row
    FROM "Candle" WHERE "assetId" = ?1 AND "openTimeMs" <= ?2 AND "openTimeMs" > ?3 ORDER BY "openTimeMs" DESC LIMIT ?4)) AS "minutes",
  (SELECT printf('[%d,%!.17g]', "timeMs", "price") FROM "MidPrice" WHERE "assetId" = ?1 AND "timeMs" < ?5 ORDER BY "timeMs" DESC LIMIT 1) AS "mid",
  (SELECT printf('[%d,%!.17g,%!.17g,%!.17g,%!.17g,%!.17g,%!.17g]', "timeMs", "bestBid", "bestAsk", "mid", "spreadBps", "bidDepthUsd", "askDepthUsd")
   FROM "BookSnapshot" WHERE "assetId" = ?1 AND "timeMs" < ?5 ORDER BY "timeMs" DESC LIMIT 1) AS "book"`;

export interface BookTop {
  time: number;
  bestBid: number;
  bestAsk: number;
  mid: number;
  spreadBps: number;
  bidDepthUsd: number;
  askDepthUsd: number;
}

export interface PerpRead {
  meta: string;
  revision: number;
  /** the newest `limit` closed minutes after `afterMs`, ascending by openTime */
  minutes: Candle[];
  mid: { time: number; price: number } | null;
  book: BookTop | null;
}

interface Row {
  meta: string | null;
  revision: bigint | number;
  minutes: string | null;
  mid: string | null;
  book: string | null;
}

/** The id of a Hyperliquid perp in market memory. Assets are never deleted or re-keyed. */
export async function perpAssetId(db: Db, symbol: string): Promise<string | null> {
  const [row] = await readRows<{ id: string }>(db, `SELECT "id" FROM "MarketAsset" WHERE "venue" = 'HYPERLIQUID' AND "symbol" = ?1`, [symbol]);
  return row?.id ?? null;
}

/** Null if there is no such asset. */
export async function perpAt(db: Db, assetId: string, beforeMs: number, limit: number, afterMs = -1): Promise<PerpRead | null> {
  // a candle opened at t closes at t + 59,999 ms: it is complete before T only if t + 60,000 <= T
  const [row] = await readRows<Row>(db, SQL, [assetId, BigInt(beforeMs - M), BigInt(afterMs), limit, BigInt(beforeMs)]);
  if (!row || row.meta === null) return null;
  const mid = row.mid === null ? null : (JSON.parse(row.mid) as number[]);
  const book = row.book === null ? null : (JSON.parse(row.book) as number[]);
  return {
    meta: row.meta,
    revision: Number(row.revision),
    minutes: row.minutes ? (JSON.parse(row.minutes) as number[][]).map(toCandle) : [],
    mid: mid && { time: mid[0]!, price: mid[1]! },
    book: book && { time: book[0]!, bestBid: book[1]!, bestAsk: book[2]!, mid: book[3]!, spreadBps: book[4]!, bidDepthUsd: book[5]!, askDepthUsd: book[6]! },
  };
}

function toCandle([openTime, open, high, low, close, volume, trades]: number[]): Candle {
  return { openTime: openTime!, closeTime: openTime! + M - 1, open: open!, high: high!, low: low!, close: close!, volume: volume!, trades: trades! };
}
