/**
 * Multi-row INSERT ... ON CONFLICT DO UPDATE: the latest write of a row wins, so
 * re-ingesting an overlapping window is idempotent. One statement per chunk keeps
 * ingestion close to a raw bulk insert (bench/ingest.ts measures it).
 */
import type { Db } from "@/server/db";

/** SQLite's bound-parameter limit is 32,766; stay well under it. */
const MAX_PARAMS = 30_000;

export type SqlValue = string | number | bigint | boolean | null;

export async function bulkUpsert(
  db: Db,
  table: string,
  columns: readonly string[],
  keyColumns: readonly string[],
  rows: readonly SqlValue[][],
): Promise<number> {
  if (rows.length === 0) return 0;
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const cols = columns.map((c) => `"${c}"`).join(", ");
  const updates = columns.filter((c) => !keyColumns.includes(c)).map((c) => `"${c}" = excluded."${c}"`);
  const conflict = `ON CONFLICT (${keyColumns.map((c) => `"${c}"`).join(", ")}) DO ${updates.length ? `UPDATE SET ${updates.join(", ")}` : "NOTHING"}`;
  const rowPlaceholder = `(${columns.map(() => "?").join(", ")})`;
  let written = 0;
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    const sql = `INSERT INTO "${table}" (${cols}) VALUES ${Array(chunk.length).fill(rowPlaceholder).join(", ")} ${conflict}`;
    written += await db.$executeRawUnsafe(sql, ...chunk.flat());
  }
  return written;
}
