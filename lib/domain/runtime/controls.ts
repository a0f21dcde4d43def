/**
 * Runtime controls: the switches operators flip while the product runs, stored as
 * key/value rows and read by background work every tick.
 *
 * - "kill-switch": none | pause (no new entries) | flatten (close every position at
 *   the next price, then no new entries) | emergency (no decisions, no exits, no
 *   trading of any kind until lowered).
 * - "clone.paused.<cloneId>": the clone makes no decisions; its stops and
 *   take-profits still run, so a paused clone can still be exited safely.
 * - "market.paused.<source>": the source family's syncs stop.
 * - "limits.<name>": global caps applied on top of every clone's own risk block.
 *
 * Values are validated on write; a stored value that does not parse fails closed
 * (an unknown kill-switch level reads as emergency, an unreadable limit as its
 * tightest bound) so a corrupted row can never loosen a safeguard.
 */
import { DomainError } from "@/lib/domain/errors";
import { MARKET_SOURCES, type MarketSource } from "@/lib/domain/market/types";
import { KILL_SWITCH_LEVELS, type KillSwitchLevel } from "@/lib/domain/risk/gates";

export const KILL_SWITCH_KEY = "kill-switch";
export const clonePausedKey = (cloneId: string) => `clone.paused.${cloneId}`;
export const sourcePausedKey = (source: MarketSource) => `market.paused.${source}`;
export const limitKey = (name: GlobalLimitName) => `limits.${name}`;

export const GLOBAL_LIMITS = {
  maxLeverage: { label: "Max leverage", unit: "x", min: 1, max: 50, default: 20 },
  maxPositionPct: { label: "Max position size", unit: "% of equity", min: 1, max: 100, default: 100 },
  maxNotionalUsd: { label: "Max position notional", unit: "USD", min: 100, max: 10_000_000, default: 250_000 },
} as const;
export type GlobalLimitName = keyof typeof GLOBAL_LIMITS;
export const GLOBAL_LIMIT_NAMES = Object.keys(GLOBAL_LIMITS) as GlobalLimitName[];
export type GlobalLimits = Record<GlobalLimitName, number>;

export const KILL_SWITCH_DESCRIPTIONS: Record<KillSwitchLevel, string> = {
  none: "Trading runs normally.",
  pause: "No new entries. Closes, stops and take-profits still run.",
  flatten: "Every open position is closed at the next price; no new entries.",
  emergency: "Everything stops now: no decisions, no exits, no trading.",
};

export interface RuntimeControls {
  killSwitch: KillSwitchLevel;
  pausedClones: ReadonlySet<string>;
  pausedSources: ReadonlySet<MarketSource>;
  limits: GlobalLimits;
}

export function defaultLimits(): GlobalLimits {
  return Object.fromEntries(GLOBAL_LIMIT_NAMES.map((n) => [n, GLOBAL_LIMITS[n].default])) as GlobalLimits;
}

export function isKillSwitchLevel(value: string): value is KillSwitchLevel {
  return (KILL_SWITCH_LEVELS as readonly string[]).includes(value);
}

/** The controls from their stored rows; anything unreadable fails closed. */
export function controlsFromRows(rows: readonly { key: string; value: string }[]): RuntimeControls {
  const pausedClones = new Set<string>();
  const pausedSources = new Set<MarketSource>();
  const limits = defaultLimits();
  let killSwitch: KillSwitchLevel = "none";
  for (const { key, value } of rows) {
    if (key === KILL_SWITCH_KEY) killSwitch = isKillSwitchLevel(value) ? value : "emergency";
    else if (key.startsWith("clone.paused.")) {
      if (value !== "false") pausedClones.add(key.slice("clone.paused.".length));
    } else if (key.startsWith("market.paused.")) {
      const source = key.slice("market.paused.".length) as MarketSource;
      if (MARKET_SOURCES.includes(source) && value !== "false") pausedSources.add(source);
    } else if (key.startsWith("limits.")) {
      const name = key.slice("limits.".length) as GlobalLimitName;
      if (!(name in GLOBAL_LIMITS)) continue;
      const parsed = parseLimit(name, value);
      limits[name] = parsed.ok ? parsed.value : GLOBAL_LIMITS[name].min;
    }
  }
  return { killSwitch, pausedClones, pausedSources, limits };
}

export function parseLimit(name: GlobalLimitName, raw: string | number): { ok: true; value: number } | { ok: false; reason: string } {
  const spec = GLOBAL_LIMITS[name];
  const value = typeof raw === "number" ? raw : Number(String(raw).trim());
  if (typeof raw === "string" && raw.trim() === "") return { ok: false, reason: `${spec.label} needs a number` };
  if (!Number.isFinite(value)) return { ok: false, reason: `${spec.label} must be a number, got ${JSON.stringify(String(raw))}` };
  if (value < spec.min || value > spec.max) return { ok: false, reason: `${spec.label} must be between ${spec.min} and ${spec.max.toLocaleString("en-US")} ${spec.unit}` };
  return { ok: true, value };
}

/** A reason is required for every change: the audit trail says why, not only who. */
export function requireReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 3) throw new DomainError("VALIDATION_FAILED", "Give a reason for the change (at least 3 characters)", "reason");
  if (trimmed.length > 500) throw new DomainError("VALIDATION_FAILED", "Keep the reason under 500 characters", "reason");
  return trimmed;
}

/** The breaker only ever raises the level: it never lowers flatten or emergency to pause. */
export function breakerLevel(current: KillSwitchLevel): KillSwitchLevel {
  return current === "none" ? "pause" : current;
}
