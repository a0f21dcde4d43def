/**
 * Where a replay minute comes from. Each UTC day is generated from the state at
 * the day's start with a random stream keyed by (seed, asset, day), and day
 * starts are reached by stepping from REPLAY_ANCHOR once and keeping the
 * day-start states as checkpoints. So a minute is the same whatever window asks
 * for it, and the close of one day is exactly the open of the next.
 */
import { DomainError } from "../../errors";
import { DAY_MS, MINUTES_PER_DAY, MINUTE_MS, REPLAY_ANCHOR, REPLAY_HORIZON_DAYS, replayPerp } from "./assets";
import { INITIAL_REGIME, stepMarketDay, type MarketDay } from "./regimes";
import { initialPerpState, stepPerpDay, type PerpDay, type PerpState } from "./perp-day";

export type ReplaySeed = string | number;

/** A Map that forgets its least recently used entry past a size, so a long-lived process stays bounded. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
  clear(): void {
    this.map.clear();
  }
}

// checkpoints are tiny (one state per day), generated days are ~130 kB each
const marketCheckpoints = new Lru<number[]>(16);
const perpCheckpoints = new Lru<PerpState[]>(64);
const marketDays = new Lru<MarketDay>(16);
const perpDays = new Lru<PerpDay>(96);

/** Forgets every cached path (tests use it to prove a second generation from scratch agrees). */
export function clearReplayCaches(): void {
  marketCheckpoints.clear();
  perpCheckpoints.clear();
  marketDays.clear();
  perpDays.clear();
}

/** The day index of a time, refusing times the replay cannot serve. */
export function replayDay(ms: number, field = "time"): number {
  if (!Number.isFinite(ms)) throw new DomainError("VALIDATION_FAILED", `${field} must be a finite epoch ms, got ${ms}`, field);
  if (ms < REPLAY_ANCHOR) {
    throw new DomainError(
      "VALIDATION_FAILED",
      `replay data starts at ${new Date(REPLAY_ANCHOR).toISOString()}; ${field} ${new Date(ms).toISOString()} is before it`,
      field,
    );
  }
  const day = Math.floor((ms - REPLAY_ANCHOR) / DAY_MS);
  if (day >= REPLAY_HORIZON_DAYS) {
    throw new DomainError("VALIDATION_FAILED", `replay data ends ${REPLAY_HORIZON_DAYS} days after its start; ${field} is beyond`, field);
  }
  return day;
}

/** Index of the minute containing ms, counted from the anchor. */
export function replayMinute(ms: number, field = "time"): number {
  replayDay(ms, field);
  return Math.floor((ms - REPLAY_ANCHOR) / MINUTE_MS);
}

export function marketDay(seed: ReplaySeed, day: number): MarketDay {
  const s = String(seed);
  const cached = marketDays.get(`${s}|${day}`);
  if (cached) return cached;
  let starts = marketCheckpoints.get(s);
  if (!starts) {
    starts = [INITIAL_REGIME];
    marketCheckpoints.set(s, starts);
  }
  for (let d = Math.min(day, starts.length - 1); d <= day; d++) {
    const { track, endRegime } = stepMarketDay(s, d, starts[d] ?? INITIAL_REGIME);
    if (d + 1 === starts.length) starts.push(endRegime);
    if (d === day) {
      marketDays.set(`${s}|${day}`, track);
      return track;
    }
  }
  throw new Error(`unreachable: replay market day ${day}`);
}

export function perpDay(seed: ReplaySeed, symbol: string, day: number): PerpDay {
  const s = String(seed);
  const key = `${s}|${symbol}|${day}`;
  const cached = perpDays.get(key);
  if (cached) return cached;
  const perp = replayPerp(symbol);
  let starts = perpCheckpoints.get(`${s}|${symbol}`);
  if (!starts) {
    starts = [initialPerpState(perp)];
    perpCheckpoints.set(`${s}|${symbol}`, starts);
  }
  const first = Math.min(day, starts.length - 1);
  for (let d = first; d <= day; d++) {
    const start = starts[d];
    if (!start) throw new Error(`replay checkpoint ${d} missing for ${symbol}`);
    const { track, end } = stepPerpDay(s, perp, d, start, marketDay(s, d));
    if (d + 1 === starts.length) starts.push(end);
    if (d === day) {
      perpDays.set(key, track);
      return track;
    }
  }
  throw new Error(`unreachable: replay day ${day} for ${symbol}`);
}

/** The generated minute at an absolute minute index: its day's track and the offset in it. */
export function perpMinute(seed: ReplaySeed, symbol: string, minute: number): { track: PerpDay; m: number } {
  const day = Math.floor(minute / MINUTES_PER_DAY);
  return { track: perpDay(seed, symbol, day), m: minute - day * MINUTES_PER_DAY };
}
