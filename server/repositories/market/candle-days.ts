/**
 * Closed days of a perp's 1-minute candles in columns (the CandleDay table), for
 * backtests: a year of minutes read as 365 rows of ~80 KB in ~20-50 ms, where its
 * 525,600 Candle rows cost SQLite ~1.3 s of number formatting (backtest-series.ts).
 *
 * A cache, exact or absent:
 * - A day is written with the asset's candle revision it was read at, read in the
 *   very statement that read its minutes (one snapshot), and only if that snapshot
 *   holds a minute after the day: any later write to the day is then an insert
 *   before the newest minute, an update or a delete, each of which moves the
 *   revision (migration 20261121080000_candle_revision). The write itself checks
 *   the revision is still that one, in the same statement.
 * - A day is read only while the asset's revision equals the one it was written
 *   with, in the statement that reads it.
 * So a day served from here holds exactly the minutes the Candle table holds for
 * it. A day written under an older revision is ignored, and replaced the next time
 * a backtest reads its minutes.
 *
 * The layout: `count` minutes as seven little-endian float64 columns (openTimeMs,
 * open, high, low, close, volume, trades), column after column. Every field is
 * a double already (SQLite's REAL) or an integer far below 2^53, so nothing is
 * rounded. On a big-endian machine the cache is not used at all.
 */
import { readRows, write, type Db } from "@/server/db";
import { columnsInOrder, type MinuteColumns } from "@/lib/domain/market/minute-columns";

export const DAY_MS = 86_400_000;
/** numbers per minute, in the order of the columns (columnsInOrder) */
const CANDLE_FIELDS = 7;

/** The asset's candle revision now, SQL for one asset id argument (a missing row is revision 0). */
export const CANDLE_REVISION_SQL = `coalesce((SELECT "revision" FROM "CandleRevision" WHERE "assetId" = ?), 0)`;

/** The asset's days in [fromDay, toDay) kept under its current revision: asset, from, to, asset. */
const CURRENT_DAYS = `"assetId" = ? AND "dayMs" >= ? AND "dayMs" < ? AND "revision" = ${CANDLE_REVISION_SQL}`;

/** Float64Array reads and writes in the platform's order: the layout is little-endian. */
export const CANDLE_DAYS_USABLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export interface CandleDayBlock {
  dayMs: number;
  count: number;
  /** count × CANDLE_FIELDS float64 values, column after column */
  columns: Float64Array;
}

/**
 * The days of [fromDay, toDay) kept under the asset's current revision, ascending.
 * Days never kept, or kept under an older revision, are missing.
 */
export async function readCandleDays(db: Db, assetId: string, fromDay: number, toDay: number): Promise<CandleDayBlock[]> {
  const rows = await readRows<{ dayMs: number | bigint; count: number; data: ArrayBuffer | Uint8Array }>(db,
    `SELECT "dayMs", "count", "data" FROM "CandleDay" WHERE ${CURRENT_DAYS} ORDER BY "dayMs"`,
    [assetId, BigInt(fromDay), BigInt(toDay), assetId]);
  const out: CandleDayBlock[] = [];
  for (const row of rows) {
    const count = Number(row.count);
    const columns = float64s(row.data);
    // a row of another layout (never written by this code) is no day at all: read from the minutes again
    if (columns && columns.length === count * CANDLE_FIELDS) out.push({ dayMs: Number(row.dayMs), count, columns });
  }
  return out;
}

/** How many days of [fromDay, toDay) are kept under the asset's current revision. */
export async function countCandleDays(db: Db, assetId: string, fromDay: number, toDay: number): Promise<number> {
  const [row] = await readRows<{ n: number | bigint }>(db,
    `SELECT count(*) AS n FROM "CandleDay" WHERE ${CURRENT_DAYS}`,
    [assetId, BigInt(fromDay), BigInt(toDay), assetId]);
  return Number(row?.n ?? 0);
}

/** The blob's doubles, copied only if its bytes are not 8-aligned. */
function float64s(data: ArrayBuffer | Uint8Array | null): Float64Array | null {
  if (!data) return null;
  if (data instanceof ArrayBuffer) return data.byteLength % 8 === 0 ? new Float64Array(data) : null;
  if (data.byteLength % 8 !== 0) return null;
  if (data.byteOffset % 8 === 0) return new Float64Array(data.buffer, data.byteOffset, data.byteLength / 8);
  return new Float64Array(data.slice().buffer);
}

/**
 * Keeps days read at `revision`, in one statement that writes nothing unless the
 * asset's revision is still `revision` (a write since the read makes them stale
 * before they are kept). Days that already exist are replaced. The number kept.
 */
export async function keepCandleDays(db: Db, assetId: string, revision: number, days: readonly CandleDayBlock[]): Promise<number> {
  if (days.length === 0) return 0;
  const values = days.map(() => "(?, ?, ?)").join(", ");
  const args: unknown[] = [];
  for (const d of days) args.push(BigInt(d.dayMs), d.count, new Uint8Array(d.columns.buffer, d.columns.byteOffset, d.columns.byteLength));
  return write(db,
    `INSERT OR REPLACE INTO "CandleDay" ("assetId", "dayMs", "revision", "count", "data")
     SELECT ?, "column1", ?, "column2", "column3" FROM (VALUES ${values})
     WHERE ${CANDLE_REVISION_SQL} = ?`,
    [assetId, BigInt(revision), ...args, assetId, BigInt(revision)]);
}

/**
 * Packs `count` minutes given as flat numbers, CANDLE_FIELDS per minute in column
 * order (values[at + k * ...]: openTime, open, high, low, close, volume, trades).
 */
export function packCandleDay(dayMs: number, values: readonly (number | null)[], at: number, count: number): CandleDayBlock {
  const columns = new Float64Array(count * CANDLE_FIELDS);
  for (let i = 0; i < count; i++) {
    const row = at + i * CANDLE_FIELDS;
    for (let f = 0; f < CANDLE_FIELDS; f++) columns[f * count + i] = values[row + f]!;
  }
  return { dayMs, count, columns };
}

/** The day's minutes copied into `out` from index `at` on. */
export function copyCandleDay(day: CandleDayBlock, out: MinuteColumns, at: number): void {
  const { count: n, columns: c } = day;
  const fields = columnsInOrder(out);
  for (let f = 0; f < CANDLE_FIELDS; f++) fields[f]!.set(c.subarray(f * n, (f + 1) * n), at);
}
