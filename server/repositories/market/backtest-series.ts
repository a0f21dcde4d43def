/**
 * Market memory for a backtest window, read once: for each series, the newest
 * points before the window (as many as a decision at its start reads) and every
 * point in it. Rows travel as one JSON text per statement, a flat list of their
 * numbers built by printf ('%!.17g' writes a double that reads back as the same
 * double, see perp-at.ts): a year of minutes as 525,600 driver rows would cost
 * seconds; as one JSON array per row, ~0.6 s to parse them and make the candles;
 * as one flat list, ~0.35 s (what remains, ~0.6 s, is SQLite writing the numbers).
 */
import { readRows, type Db } from "@/server/db";
import type { BookTopRow, ContextRow, FundingRow } from "@/lib/domain/decisions/build-packet";
import type { PerpSeries, PredictionSeries } from "@/lib/domain/backtest/series";
import { columnsInOrder, emptyMinuteColumns, type MinuteColumns } from "@/lib/domain/market/minute-columns";
import { findAsset } from "./assets";
import { CANDLE_DAYS_USABLE, CANDLE_REVISION_SQL, copyCandleDay, countCandleDays, DAY_MS, keepCandleDays, packCandleDay, readCandleDays, type CandleDayBlock } from "./candle-days";
import { predictionMarketOf } from "./before";

/** minutes per statement: ~4 MB of JSON */
const CHUNK_MS = 30 * 86_400_000;

type Num = number | null;

/**
 * The printf'd rows' numbers in one flat list, oldest row first: the newest `limit`
 * before `from` (limit > 0), or all in [from, to).
 *
 * The rows are fed to group_concat in time order by a subquery that walks the primary
 * key (assetId, time), so nothing is sorted: the aggregate's own ORDER BY buffers and
 * sorts every row (~0.4 s more for a year of minutes). SQLite keeps the order rows are
 * fed in, but does not promise it, so the times are checked, and the statement made
 * again with the aggregate's ORDER BY should they ever be out of order.
 */
async function flatRows(db: Db, table: string, time: string, row: RowFormat, where: string, args: (string | number | bigint)[], window: { from: number; to?: number; limit?: number }): Promise<Num[]> {
  return (await flatRowsWith(db, table, time, row, where, args, window)).values;
}

/**
 * flatRows, with more columns read in the same statement (so from the same snapshot):
 * `also.sql` a select list of scalar subqueries, `also.args` their arguments.
 */
async function flatRowsWith<A extends Record<string, unknown> = Record<string, never>>(
  db: Db, table: string, time: string, row: RowFormat, where: string, args: (string | number | bigint)[],
  window: { from: number; to?: number; limit?: number }, also?: { sql: string; args: (string | number | bigint)[] },
): Promise<{ values: Num[]; also: A }> {
  const inner = window.limit !== undefined
    ? `SELECT * FROM (SELECT "${time}" AS t, ${row.sql} AS row FROM "${table}" WHERE ${where} AND "${time}" < ? ORDER BY "${time}" DESC LIMIT ${Math.max(0, Math.floor(window.limit))}) ORDER BY t`
    : `SELECT "${time}" AS t, ${row.sql} AS row FROM "${table}" WHERE ${where} AND "${time}" >= ? AND "${time}" < ? ORDER BY "${time}"`;
  const bounds = window.limit !== undefined ? [BigInt(window.from)] : [BigInt(window.from), BigInt(window.to!)];
  const read = async (concat: string) => {
    const [result] = await readRows<{ rows: string | null } & A>(db,
      `SELECT '[' || ${concat} || ']' AS rows${also ? `, ${also.sql}` : ""} FROM (${inner})`, [...(also?.args ?? []), ...args, ...bounds]);
    return { values: result?.rows ? (JSON.parse(result.rows) as Num[]) : [], also: result as A };
  };
  const first = await read(`group_concat(row, ',')`);
  for (let at = row.width; at < first.values.length; at += row.width) {
    if (!(first.values[at]! > first.values[at - row.width]!)) return read(`group_concat(row, ',' ORDER BY t)`);
  }
  return first;
}

/**
 * The newest `before` points before `from` and every point in [from, to), in chunks:
 * each row made by `read` from its numbers, values[at..at + row.width).
 */
async function series<T>(db: Db, table: string, time: string, row: RowFormat, where: string, args: (string | number | bigint)[], from: number, to: number, before: number, read: (values: Num[], at: number) => T): Promise<T[]> {
  const out: T[] = [];
  const take = (values: Num[]) => {
    for (let at = 0; at < values.length; at += row.width) out.push(read(values, at));
  };
  if (before > 0) take(await flatRows(db, table, time, row, where, args, { from, limit: before }));
  for (let a = from; a < to; a += CHUNK_MS) take(await flatRows(db, table, time, row, where, args, { from: a, to: Math.min(to, a + CHUNK_MS) }));
  return out;
}

/** A row as SQL (its numbers, comma-separated) and how many numbers it has. */
interface RowFormat {
  sql: string;
  width: number;
}

// one printf per row: a concatenation of an expression per field costs ~50% more (see perp-at.ts)
const printfRow = (fields: [string, "int" | "real" | "real?"][]): RowFormat => ({
  sql: `printf('${fields.map(([, kind]) => (kind === "int" ? "%d" : kind === "real" ? "%!.17g" : "%s")).join(",")}', ${fields
    .map(([col, kind]) => (kind === "real?" ? `iif("${col}" IS NULL, 'null', printf('%!.17g', "${col}"))` : `"${col}"`))
    .join(", ")})`,
  width: fields.length,
});
const reals = (cols: string[]) => cols.map((c): [string, "real"] => [c, "real"]);

const CANDLE = printfRow([["openTimeMs", "int"], ...reals(["open", "high", "low", "close", "volume"]), ["trades", "int"]]);
const MID = printfRow([["timeMs", "int"], ["price", "real"]]);
const BOOK = printfRow([["timeMs", "int"], ...reals(["bestBid", "bestAsk", "mid", "spreadBps", "bidDepthUsd", "askDepthUsd"])]);
const FUNDING = printfRow([["timeMs", "int"], ["rate", "real"], ["premium", "real"]]);
const CONTEXT_FIELDS = ["funding", "openInterest", "markPx", "oraclePx", "midPx", "premium", "prevDayPx", "dayNtlVlm", "dayBaseVlm", "impactBidPx", "impactAskPx"] as const;
const CONTEXT = printfRow([["timeMs", "int"], ...CONTEXT_FIELDS.map((c): [string, "real?"] => [c, "real?"])]);
const PRICE = printfRow([["timeMs", "int"], ["price", "real"]]);
const MACRO = printfRow([["timeMs", "int"], ["value", "real"]]);

// the rows from their numbers, in the printf's order: time first (the non-null fields are never null: their columns are NOT NULL)
const readPrice = (v: Num[], at: number) => ({ time: v[at]!, price: v[at + 1]! });
const readBook = (v: Num[], at: number): BookTopRow => ({
  time: v[at]!, bestBid: v[at + 1]!, bestAsk: v[at + 2]!, mid: v[at + 3]!, spreadBps: v[at + 4]!, bidDepthUsd: v[at + 5]!, askDepthUsd: v[at + 6]!,
});
const readFunding = (v: Num[], at: number): FundingRow => ({ time: v[at]!, rate: v[at + 1]!, premium: v[at + 2]! });
function readContext(v: Num[], at: number): ContextRow {
  const row: ContextRow = { time: v[at]! };
  for (let f = 0; f < CONTEXT_FIELDS.length; f++) row[CONTEXT_FIELDS[f]!] = v[at + 1 + f] ?? null;
  return row;
}
const readMacro = (v: Num[], at: number) => ({ time: v[at]!, value: v[at + 1]! });

/**
 * The newest `before` minutes before `from` and every minute in [from, to), as columns:
 * the whole UTC days inside the window from the columns kept for them (candle-days.ts),
 * where they are kept and current; every other minute from its row. A closed day read
 * from rows is kept for the next backtest.
 */
async function perpMinutes(db: Db, assetId: string, from: number, to: number, before: number): Promise<MinuteColumns> {
  const where = `"assetId" = ?`;
  // the pieces in time order: flat rows (CANDLE.width numbers a minute) or kept days
  const pieces: (Num[] | CandleDayBlock)[] = [];
  const rowsOf = async (a: number, b: number) => {
    for (let c = a; c < b; c += CHUNK_MS) pieces.push(await flatRows(db, "Candle", "openTimeMs", CANDLE, where, [assetId], { from: c, to: Math.min(b, c + CHUNK_MS) }));
  };
  if (before > 0) pieces.push(await flatRows(db, "Candle", "openTimeMs", CANDLE, where, [assetId], { from, limit: before }));
  const firstDay = Math.ceil(from / DAY_MS) * DAY_MS;
  const endDay = Math.floor(to / DAY_MS) * DAY_MS;
  if (!CANDLE_DAYS_USABLE || firstDay >= endDay) {
    await rowsOf(from, to);
    return columnsOf(pieces);
  }
  await rowsOf(from, firstDay);
  const kept = new Map((await readCandleDays(db, assetId, firstDay, endDay)).map((d) => [d.dayMs, d]));
  for (let day = firstDay; day < endDay; ) {
    const block = kept.get(day);
    if (block) {
      pieces.push(block);
      day += DAY_MS;
      continue;
    }
    // a run of days not kept, at most a chunk: read from rows, with the revision and newest minute of the same snapshot
    let end = day + DAY_MS;
    while (end < endDay && !kept.has(end) && end - day < CHUNK_MS) end += DAY_MS;
    const read = await flatRowsWith<{ revision: number | bigint; newest: number | bigint | null }>(db, "Candle", "openTimeMs", CANDLE, where, [assetId], { from: day, to: end }, {
      sql: `${CANDLE_REVISION_SQL} AS revision, (SELECT max("openTimeMs") FROM "Candle" WHERE "assetId" = ?) AS newest`,
      args: [assetId, assetId],
    });
    pieces.push(read.values);
    const newest = read.also.newest === null ? null : Number(read.also.newest);
    const closed: CandleDayBlock[] = [];
    for (let d = day, at = 0; d < end && newest !== null && newest >= d + DAY_MS; d += DAY_MS) {
      let count = 0;
      while (at + (count + 1) * CANDLE.width <= read.values.length && read.values[at + count * CANDLE.width]! < d + DAY_MS) count++;
      closed.push(packCandleDay(d, read.values, at, count));
      at += count * CANDLE.width;
    }
    // a cache: a backtest that could not keep its days (the write lock busy past the timeout, a read-only file) still has its minutes
    await keepCandleDays(db, assetId, Number(read.also.revision), closed).catch((e: unknown) => console.warn(`[backtest] days of candles not kept for the next backtest: ${e instanceof Error ? e.message : String(e)}`));
    day = end;
  }
  await rowsOf(endDay, to);
  return columnsOf(pieces);
}

/**
 * Reads the perp's minutes of [from, to) as a backtest does, which keeps the closed days
 * among them (after a backfill, so the first backtest over them reads the kept days).
 * How many whole days of the window are kept now; null if market memory has no such perp.
 */
export async function keepPerpDays(db: Db, symbol: string, from: number, to: number): Promise<number | null> {
  const asset = await findAsset(db, "HYPERLIQUID", symbol);
  if (!asset) return null;
  await perpMinutes(db, asset.id, from, to, 0);
  return countCandleDays(db, asset.id, Math.ceil(from / DAY_MS) * DAY_MS, Math.floor(to / DAY_MS) * DAY_MS);
}

/** The pieces' minutes, in order, in one set of columns. */
function columnsOf(pieces: readonly (Num[] | CandleDayBlock)[]): MinuteColumns {
  let length = 0;
  for (const p of pieces) length += Array.isArray(p) ? p.length / CANDLE.width : p.count;
  const out = emptyMinuteColumns(length);
  const fields = columnsInOrder(out);
  let at = 0;
  for (const p of pieces) {
    if (Array.isArray(p)) {
      // the printf's order (CANDLE) is the columns' order
      for (let v = 0; v < p.length; v += CANDLE.width, at++) {
        for (let f = 0; f < CANDLE.width; f++) fields[f]![at] = p[v + f]!;
      }
    } else {
      copyCandleDay(p, out, at);
      at += p.count;
    }
  }
  return out;
}

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
    await perpMinutes(db, asset.id, from, to, needs.minutes),
    await series(db, "MidPrice", "timeMs", MID, where, id, from, to, 1, readPrice),
    await series(db, "BookSnapshot", "timeMs", BOOK, where, id, from, to, 1, readBook),
    // the monitor books the funding hour at `to` too
    await series(db, "FundingRate", "timeMs", FUNDING, where, id, from, to + 1, Math.max(1, needs.funding), readFunding),
    needs.contexts > 0 ? await series(db, "AssetContext", "timeMs", CONTEXT, where, id, from, to, needs.contexts, readContext) : [],
  ];
  return {
    symbol,
    szDecimals: meta.szDecimals ?? 4,
    ...(meta.assetIndex !== undefined && { assetIndex: meta.assetIndex }),
    minutes, mids, books, funding, contexts,
  };
}

export async function loadPredictionSeries(db: Db, slug: string, from: number, to: number, depth: number): Promise<PredictionSeries | null> {
  const asset = await findAsset(db, "POLYMARKET", slug);
  if (!asset) return null;
  const prices = await series(db, "PredictionPrice", "timeMs", PRICE, `"assetId" = ? AND "outcome" = 0`, [asset.id], from, to, depth, readPrice);
  const market = await predictionMarketOf(db, asset.id);
  return {
    prices,
    snapshot: market && { volume: market.volume, liquidity: market.liquidity, updatedAt: market.updatedAt.getTime() },
  };
}

export async function loadMacroSeries(db: Db, name: string, from: number, to: number, depth: number) {
  const asset = await findAsset(db, "DEFILLAMA", name);
  if (!asset) return null;
  return series(db, "MacroPoint", "timeMs", MACRO, `"assetId" = ?`, [asset.id], from, to, depth, readMacro);
}

/** How many 1-minute candles of the perp lie in [from, to), and the first and last. */
export async function candleCoverage(db: Db, symbol: string, from: number, to: number) {
  const [row] = await readRows<{ n: number | bigint; first: number | bigint | null; last: number | bigint | null }>(db,
    `SELECT count(*) AS n, min(c."openTimeMs") AS first, max(c."openTimeMs") AS last FROM "Candle" c JOIN "MarketAsset" a ON a."id" = c."assetId"
     WHERE a."venue" = 'HYPERLIQUID' AND a."symbol" = ? AND c."openTimeMs" >= ? AND c."openTimeMs" < ?`, [symbol, BigInt(from), BigInt(to)]);
  const n = (v: number | bigint | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return { count: n(row?.n) ?? 0, first: n(row?.first), last: n(row?.last) };
}
