/**
 * Which exit a price update calls for. Conventions, chosen to be conservative
 * (never better for the trader than what could really have happened):
 *
 * - Order inside a bar is unknown beyond its open. The open is certain, so a bar
 *   that OPENS beyond a level triggers it at the open; otherwise, when the bar's
 *   range covers both the stop and the take-profit, the STOP is assumed first.
 * - Gaps: a stop crossed by the open fills from the open (worse than the stop); a
 *   take-profit crossed by the open fills from the take-profit level, because a
 *   favourable gap is never credited. A tick works like an open.
 * - The trailing stop uses the best price seen BEFORE this update; the update's own
 *   high (or low) only ratchets the trail for later updates, since we cannot know
 *   whether a bar's high came before its low.
 * - When both a fixed stop and a trailing stop exist, the tighter one applies.
 */
import { canonicalPrice } from "./fill";
import type { ExitTrigger, ExitTriggerKind, Position } from "./position-types";

export interface BarUpdate {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
}
export interface TickUpdate {
  time: number;
  price: number;
}
export type PriceUpdate = BarUpdate | TickUpdate;

export interface StopLevel {
  level: number;
  kind: Extract<ExitTriggerKind, "stop_loss" | "trailing_stop">;
}

// Written without closures or temporary arrays: the monitor calls these for every
// minute a position is open (half a million times in a year's backtest).

/** The stop in force for the position now (fixed or trailing, the tighter). */
export function activeStop(position: Position): StopLevel | null {
  const { side, stopLoss, trailingStopPct } = position;
  const trail =
    trailingStopPct !== undefined && trailingStopPct > 0
      ? canonicalPrice(
          side === "long"
            ? (position.trailHigh * (100 - trailingStopPct)) / 100
            : (position.trailLow * (100 + trailingStopPct)) / 100,
        )
      : undefined;
  if (stopLoss === undefined) return trail === undefined ? null : { level: trail, kind: "trailing_stop" };
  if (trail === undefined) return { level: stopLoss, kind: "stop_loss" };
  // Ties go to the fixed stop: it is the one the trader set explicitly.
  return (side === "long" ? trail > stopLoss : trail < stopLoss) ? { level: trail, kind: "trailing_stop" } : { level: stopLoss, kind: "stop_loss" };
}

export function detectExit(position: Position, update: PriceUpdate): ExitTrigger | null {
  const long = position.side === "long";
  const tick = "price" in update;
  const open = tick ? update.price : update.open;
  // "beyond" in the adverse direction for stops, the favourable one for take-profits.
  const adverse = tick ? update.price : long ? update.low : update.high;
  const favourable = tick ? update.price : long ? update.high : update.low;
  return exitAt(long, activeStop(position), position.takeProfit, update.time, open, adverse, favourable);
}

/**
 * detectExit once the update is read: its open (a tick's price), its most adverse and
 * most favourable prices for the position's side, against the stop in force and the
 * take-profit. For a caller that has these at hand (a run of candles whose stop
 * cannot move: no trailing stop).
 */
export function exitAt(long: boolean, stop: StopLevel | null, tp: number | undefined, time: number, open: number, adverse: number, favourable: number): ExitTrigger | null {
  if (stop && (long ? open <= stop.level : open >= stop.level)) {
    return { reason: "STOP_TRIGGERED", kind: stop.kind, level: stop.level, referencePrice: open, gap: open !== stop.level, time };
  }
  if (tp !== undefined && (long ? open >= tp : open <= tp)) {
    return { reason: "TP_TRIGGERED", kind: "take_profit", level: tp, referencePrice: tp, gap: open !== tp, time };
  }
  if (stop && (long ? adverse <= stop.level : adverse >= stop.level)) {
    return { reason: "STOP_TRIGGERED", kind: stop.kind, level: stop.level, referencePrice: stop.level, gap: false, time };
  }
  if (tp !== undefined && (long ? favourable >= tp : favourable <= tp)) {
    return { reason: "TP_TRIGGERED", kind: "take_profit", level: tp, referencePrice: tp, gap: false, time };
  }
  return null;
}

const usable = (p: number) => Number.isFinite(p) && p > 0;

/** Why an update cannot be used, or null when it is a sane price. */
export function invalidUpdate(update: PriceUpdate): string | null {
  if (!Number.isFinite(update.time)) return "update time is not a finite number";
  if ("price" in update) return usable(update.price) ? null : "update has a non-positive or non-finite price";
  return invalidBar(update.open, update.high, update.low, update.close);
}

/** Why a bar's prices cannot be used, or null (invalidUpdate's rule for a bar, its time aside). */
export function invalidBar(open: number, high: number, low: number, close: number): string | null {
  if (!(usable(open) && usable(high) && usable(low) && usable(close))) return "update has a non-positive or non-finite price";
  if (high < low || open > high || open < low || close > high || close < low) {
    return "bar is inconsistent (open/close outside low..high)";
  }
  return null;
}
