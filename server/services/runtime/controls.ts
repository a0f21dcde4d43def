/**
 * Runtime controls as a service: read every tick (cached at most a second per
 * process), changed only with a reason, and every change kept with who made it.
 * The runtime assertions change the kill switch through `tripBreaker`.
 */
import { DomainError } from "@/lib/domain/errors";
import { MARKET_SOURCES, type MarketSource } from "@/lib/domain/market/types";
import { KILL_SWITCH_LEVELS, type KillSwitchLevel } from "@/lib/domain/risk/gates";
import {
  breakerLevel,
  clonePausedKey,
  controlsFromRows,
  GLOBAL_LIMITS,
  KILL_SWITCH_KEY,
  limitKey,
  parseLimit,
  requireReason,
  sourcePausedKey,
  type GlobalLimitName,
  type RuntimeControls,
} from "@/lib/domain/runtime/controls";
import type { Db, PrismaClient, Tx } from "@/server/db";
import { transaction } from "@/server/db";
import { findClone } from "@/server/repositories/clones";
import { allControls, getControl, insertControlChange, setControl } from "@/server/repositories/runtime-controls";

/** Who changes a control: a signed-in admin, or the system (the assertions' breaker). */
export type Actor = { userId: string; label: string } | { system: string };

/** How an actor is recorded in the change log: the user's id (none for the system) and a label. */
export function actorColumns(actor: Actor): { changedById: string | null; changedBy: string } {
  return "userId" in actor ? { changedById: actor.userId, changedBy: actor.label } : { changedById: null, changedBy: actor.system };
}

export const CONTROLS_MAX_AGE_MS = 1_000;
const cache = new WeakMap<object, { readAt: number; controls: RuntimeControls }>();

/** The controls as of at most `maxAgeMs` ago (a second by default): cheap enough to call every tick. */
export async function readRuntimeControls(db: Db, opts: { maxAgeMs?: number } = {}): Promise<RuntimeControls> {
  const maxAge = opts.maxAgeMs ?? CONTROLS_MAX_AGE_MS;
  const hit = cache.get(db);
  if (hit && performance.now() - hit.readAt <= maxAge) return hit.controls;
  const controls = controlsFromRows(await allControls(db));
  cache.set(db, { readAt: performance.now(), controls });
  return controls;
}

interface Change {
  key: string;
  /** The new value, or a function of the old one (decided inside the transaction). */
  value: string | ((old: string | null) => string);
  reason: string;
  actor: Actor;
}

/** One transaction: the control and its audit row are written together or not at all. */
async function changeControl(db: Db, c: Change): Promise<{ changed: boolean; oldValue: string | null }> {
  const reason = requireReason(c.reason);
  const write = async (tx: Db) => {
    const old = await getControl(tx, c.key);
    const value = typeof c.value === "function" ? c.value(old?.value ?? null) : c.value;
    if (old?.value === value) return { changed: false, oldValue: old.value };
    const who = actorColumns(c.actor);
    await setControl(tx, { key: c.key, value, reason, updatedById: who.changedById });
    await insertControlChange(tx, { key: c.key, oldValue: old?.value ?? null, newValue: value, reason, ...who });
    return { changed: true, oldValue: old?.value ?? null };
  };
  const result = "$transaction" in db ? await transaction(db as PrismaClient, write) : await write(db as Tx);
  cache.delete(db);
  return result;
}

export async function setKillSwitch(db: Db, p: { level: string; reason: string; actor: Actor }) {
  if (!(KILL_SWITCH_LEVELS as readonly string[]).includes(p.level)) {
    throw new DomainError("VALIDATION_FAILED", `Unknown kill-switch level "${p.level}" (expected ${KILL_SWITCH_LEVELS.join(", ")})`, "level");
  }
  return changeControl(db, { key: KILL_SWITCH_KEY, value: p.level, reason: p.reason, actor: p.actor });
}

export async function setClonePaused(db: Db, p: { cloneId: string; paused: boolean; reason: string; actor: Actor }) {
  if (!(await findClone(db, p.cloneId))) throw new DomainError("NOT_FOUND", `No clone ${p.cloneId}`, "cloneId");
  return changeControl(db, { key: clonePausedKey(p.cloneId), value: String(p.paused), reason: p.reason, actor: p.actor });
}

export async function setSourceFamilyPaused(db: Db, p: { source: string; paused: boolean; reason: string; actor: Actor }) {
  if (!(MARKET_SOURCES as readonly string[]).includes(p.source)) {
    throw new DomainError("VALIDATION_FAILED", `Unknown source family "${p.source}"`, "source");
  }
  return changeControl(db, { key: sourcePausedKey(p.source as MarketSource), value: String(p.paused), reason: p.reason, actor: p.actor });
}

export async function setGlobalLimit(db: Db, p: { name: string; value: string | number; reason: string; actor: Actor }) {
  if (!(p.name in GLOBAL_LIMITS)) throw new DomainError("VALIDATION_FAILED", `Unknown limit "${p.name}"`, "name");
  const name = p.name as GlobalLimitName;
  const parsed = parseLimit(name, p.value);
  if (!parsed.ok) throw new DomainError("VALIDATION_FAILED", parsed.reason, "value");
  return changeControl(db, { key: limitKey(name), value: String(parsed.value), reason: p.reason, actor: p.actor });
}

/**
 * A runtime assertion failed: raise the kill switch to pause (never lower
 * flatten or emergency), recorded as a change by "runtime assertions".
 */
export async function tripBreaker(db: Db, p: { reason: string }): Promise<{ tripped: boolean; level: KillSwitchLevel }> {
  const reason = p.reason.length > 500 ? `${p.reason.slice(0, 497)}...` : p.reason;
  let level: KillSwitchLevel = "pause";
  // decided inside the transaction, so an operator's emergency set a moment ago is never lowered
  const raise = (old: string | null) => (level = breakerLevel(controlsFromRows(old === null ? [] : [{ key: KILL_SWITCH_KEY, value: old }]).killSwitch));
  const { changed } = await changeControl(db, { key: KILL_SWITCH_KEY, value: raise, reason, actor: { system: "runtime assertions" } });
  return { tripped: changed, level };
}
