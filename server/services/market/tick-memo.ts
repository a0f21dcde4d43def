/**
 * The market reads of one decision time T, each made once. Within a decision the
 * context resolver, the marks and the fill price all read a perp through one memo,
 * so a decision reads each perp once.
 *
 * A runner deciding many accounts at the same T may pass one memo to all of them
 * (decide()'s `tick`): they then share one read per perp, and all see the very same
 * market for that tick, even if a late candle lands while the tick is decided (the
 * next tick's memo sees it). Without one, every decision validates its own read.
 */
import { DomainError } from "@/lib/domain/errors";
import type { Db } from "@/server/db";
import { perpAtT, type PerpAtT } from "./closed-minutes";

export interface TickMemo {
  readonly db: Db;
  readonly decisionTime: number;
  /** the perp at T with (at most) the newest `minutes` closed minutes; minutes >= 1 */
  perp(symbol: string, minutes: number): Promise<PerpAtT | null>;
  /**
   * Something derived from this tick's reads alone, made once per key: the context
   * packet of one graph at T is the same for every clone with that graph, so it is
   * resolved (and stored) once per tick, not once per clone and asset.
   */
  shared<V>(key: string, make: () => Promise<V>): Promise<V>;
}

export function createTickMemo(db: Db, decisionTime: number): TickMemo {
  const reads = new Map<string, { minutes: number; read: Promise<PerpAtT | null> }>();
  const made = new Map<string, Promise<unknown>>();
  return {
    db,
    decisionTime,
    perp(symbol, minutes) {
      const known = reads.get(symbol);
      if (known && known.minutes >= minutes) {
        return known.read.then((p) => (p && p.minutes.length > minutes ? { ...p, minutes: p.minutes.slice(p.minutes.length - minutes) } : p));
      }
      const read = perpAtT(db, symbol, decisionTime, minutes);
      reads.set(symbol, { minutes, read });
      // a failed read (SQLITE_BUSY...) is not kept for the other decisions of the tick
      read.catch(() => reads.get(symbol)?.read === read && reads.delete(symbol));
      return read;
    },
    shared<V>(key: string, make: () => Promise<V>) {
      const known = made.get(key);
      if (known) return known as Promise<V>;
      const value = make();
      made.set(key, value);
      value.catch(() => made.get(key) === value && made.delete(key));
      return value;
    },
  };
}

/** The memo a decision at T reads through: the caller's for this tick, or its own. */
export function tickFor(db: Db, T: number, tick?: TickMemo): TickMemo {
  if (!tick) return createTickMemo(db, T);
  if (tick.db !== db || tick.decisionTime !== T) {
    throw new DomainError("INVARIANT_VIOLATED", `A tick memo is for one database and one decision time (${tick.decisionTime}), not ${T}`, "tick");
  }
  return tick;
}
