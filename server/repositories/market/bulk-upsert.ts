/**
 * INSERT ... ON CONFLICT DO UPDATE for a batch of rows: the latest write of a row
 * wins, so re-ingesting an overlapping window is idempotent.
 *
 * The rows travel as ONE JSON text parameter that SQLite unpacks with json_each.
 * Prisma serializes every bound parameter of a raw query, which for a multi-row
 * VALUES list (30,000 parameters) made ingestion ~1.8x slower than the driver
 * itself; one text parameter avoids that (bench/ingest.ts measures it). Floats are
 * written with 17 significant digits, which SQLite 3.45 parses back to the very
 * same double (bulk-upsert.test.ts pins that; the shortest form does not always).
 */
import type { Db } from "@/server/db";

/** Rows per statement: keeps one JSON parameter to a few megabytes. */
const ROWS_PER_STATEMENT = 20_000;

export type SqlValue = string | number | bigint | boolean | null;

export function encodeJsonValue(v: SqlValue): string {
  // numbers first: nearly every value of a market row is one
  if (typeof v === "number") {
    if (Number.isSafeInteger(v)) return "" + v;
    if (!Number.isFinite(v)) throw new Error(`cannot store the non-finite number ${v}`);
    return v.toPrecision(17);
  }
  if (v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "bigint") return v.toString();
  return v ? "1" : "0";
}

export async function bulkUpsert(
  db: Db,
  table: string,
  columns: readonly string[],
  keyColumns: readonly string[],
  rows: readonly SqlValue[][],
): Promise<number> {
  if (rows.length === 0) return 0;
  const cols = columns.map((c) => `"${c}"`).join(", ");
  const picks = columns.map((_c, i) => `value ->> ${i}`).join(", ");
  const updates = columns.filter((c) => !keyColumns.includes(c)).map((c) => `"${c}" = excluded."${c}"`);
  const conflict = `ON CONFLICT (${keyColumns.map((c) => `"${c}"`).join(", ")}) DO ${updates.length ? `UPDATE SET ${updates.join(", ")}` : "NOTHING"}`;
  // "WHERE true" lets SQLite tell the upsert clause from a join constraint after a SELECT
  const sql = `INSERT INTO "${table}" (${cols}) SELECT ${picks} FROM json_each(?) WHERE true ${conflict}`;
  let written = 0;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    const json = `[${chunk.map((row) => `[${row.map(encodeJsonValue).join(",")}]`).join(",")}]`;
    written += await db.$executeRawUnsafe(sql, json);
  }
  return written;
}
