/**
 * A perp at T (asset, closed 1-minute candles, mid, book) with the minutes served
 * from an in-process copy, per database client and asset. Reading 725 minutes is
 * ~2.5 ms; a decision needs only the minutes appended since the last one.
 *
 * The copy is an exact image of the stored minutes from its first to its last
 * openTime, for one candle revision. Every read asks for the minutes after the
 * copy's last one, with the revision, in one statement (one snapshot). Revision
 * unchanged: only appends happened, and an append never lands inside the copy, so
 * copy + new minutes are exact. Revision moved (a backfilled gap, a late or
 * corrected candle, a delete): a second statement reads all the minutes again and
 * replaces the copy. So a late candle is seen by the very next read, and nothing
 * after T is ever served: the copy is cut at T - 1 min.
 *
 * Only reads outside a transaction are kept: a copy read inside one could outlive
 * its rollback. The copies of a client live as long as the client (a WeakMap).
 */
import type { Candle } from "@/lib/domain/market/types";
import type { Db } from "@/server/db";
import { perpAssetId, perpAt, type BookTop, type PerpRead } from "@/server/repositories/market/perp-at";

const M = 60_000;

export interface PerpAtT {
  assetId: string;
  meta: string;
  /** the newest closed minutes before T (at most as many as asked), ascending */
  minutes: readonly Candle[];
  mid: { time: number; price: number } | null;
  book: BookTop | null;
}

interface Copy {
  revision: number;
  /** ascending, never empty, frozen */
  rows: readonly Candle[];
  /** no stored minute precedes rows[0] */
  fromStart: boolean;
  /** the most minutes a read has asked for: how much history is kept */
  depth: number;
}

interface Kept {
  /** symbol -> asset id: assets are never deleted or re-keyed */
  ids: Map<string, string>;
  /** asset id -> its copy */
  copies: Map<string, Copy>;
}

const keptByDb = new WeakMap<object, Kept>();

/** Counts for the benchmark and tests: how reads were served. */
export const closedMinuteStats = { whole: 0, validated: 0 };

export async function perpAtT(db: Db, symbol: string, T: number, minutes: number): Promise<PerpAtT | null> {
  // a transaction client has no $transaction of its own: nothing read in one is kept
  const kept = "$transaction" in db ? keptOf(db) : null;
  const knownId = kept?.ids.get(symbol);
  const assetId = knownId ?? (await perpAssetId(db, symbol));
  if (!assetId) return null;
  const copy = kept?.copies.get(assetId);
  const usable = copy && canServe(copy, T - M, minutes) ? copy : undefined;
  const read = await perpAt(db, assetId, T, minutes, usable ? usable.rows.at(-1)!.openTime : -1);
  if (!read) {
    kept?.ids.delete(symbol);
    kept?.copies.delete(assetId);
    return knownId ? perpAtT(db, symbol, T, minutes) : null;
  }
  kept?.ids.set(symbol, assetId);
  const at = (r: PerpRead, rows: readonly Candle[]): PerpAtT => ({ assetId, meta: r.meta, mid: r.mid, book: r.book, minutes: rows });
  if (usable && read.revision === usable.revision) {
    closedMinuteStats.validated++;
    const next = extend(usable, read.minutes, minutes);
    if (next !== usable) kept!.copies.set(assetId, next);
    return at(read, newestUpTo(next.rows, T - M, minutes));
  }
  // no copy, or a stored minute changed since it was made: all the minutes again
  const whole = usable ? await perpAt(db, assetId, T, minutes) : read;
  if (!whole) return perpAtT(db, symbol, T, minutes);
  closedMinuteStats.whole++;
  if (whole.minutes.length) {
    kept?.copies.set(assetId, { revision: whole.revision, rows: freeze(whole.minutes), fromStart: whole.minutes.length < minutes, depth: Math.max(minutes, copy?.depth ?? 0) });
  } else if (copy && copy.revision !== whole.revision) {
    kept?.copies.delete(assetId);
  }
  return at(whole, whole.minutes);
}

function keptOf(db: Db): Kept {
  let kept = keptByDb.get(db);
  if (!kept) keptByDb.set(db, (kept = { ids: new Map(), copies: new Map() }));
  return kept;
}

/** The copy answers "the newest n minutes up to X" if it holds n of them, or all there are. */
function canServe(copy: Copy, X: number, n: number): boolean {
  const first = copy.rows[0]!.openTime;
  if (X < first) return false;
  return copy.fromStart || upperBound(copy.rows, X) >= n;
}

/** The copy with the minutes stored after it appended (all newer than its last row). */
function extend(copy: Copy, tail: Candle[], n: number): Copy {
  if (tail.length === 0) return copy;
  // a full page of new minutes may have skipped some between the copy and them: start over
  if (tail.length >= n) return { ...copy, rows: freeze(tail), fromStart: false, depth: Math.max(copy.depth, n) };
  const depth = Math.max(copy.depth, n);
  const rows = [...copy.rows, ...freeze(tail)];
  // keep up to twice the deepest read, so trimming (a copy) happens once per `depth` minutes
  const trimmed = rows.length > 2 * depth ? rows.slice(rows.length - depth) : rows;
  return { ...copy, rows: Object.freeze(trimmed), fromStart: copy.fromStart && trimmed === rows, depth };
}

function newestUpTo(rows: readonly Candle[], X: number, n: number): Candle[] {
  const end = upperBound(rows, X);
  return rows.slice(Math.max(0, end - n), end);
}

/** How many rows have openTime <= X. */
function upperBound(rows: readonly Candle[], X: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.openTime <= X) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Copies are shared by every decision that reads them: a caller must not change one. */
function freeze(rows: Candle[]): readonly Candle[] {
  for (const r of rows) Object.freeze(r);
  return Object.freeze(rows);
}
