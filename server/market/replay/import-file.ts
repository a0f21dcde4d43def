/**
 * Reads a JSON file recorded from a real market API and returns its records in
 * the product's shape, without touching the database: the caller writes them
 * through the ingestion path like any other source's data.
 *
 * An allMids snapshot has no time of its own: it is taken from options.timeMs or,
 * failing that, from the file's modification time (so copy recordings with their
 * mtime preserved, or pass the time). A prices-history response does not name its
 * token: options.tokenId is required for it.
 */
import { readFile, stat } from "node:fs/promises";
import {
  RecordedFormatError,
  detectRecordedFormat,
  parseRecorded,
  type RecordedBatch,
  type RecordedOptions,
} from "@/lib/domain/market/replay/recorded-formats";

export type { RecordedBatch, RecordedOptions };
export { RecordedFormatError };

export async function importRecordedFile(file: string, options: RecordedOptions = {}): Promise<RecordedBatch[]> {
  const text = await readFile(file, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RecordedFormatError(file, "", `not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  let timeMs = options.timeMs;
  if (timeMs === undefined && detectRecordedFormat(json) === "allMids") timeMs = Math.floor((await stat(file)).mtimeMs);
  return parseRecorded(file, json, { ...options, timeMs });
}
