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
  const candidates: StopLevel[] = [];
  if (stopLoss !== undefined) candidates.push({ level: stopLoss, kind: "stop_loss" });
  if (trail !== undefined) candidates.push({ level: trail, kind: "trailing_stop" });
  if (candidates.length === 0) return null;
  // Ties go to the fixed stop: it is the one the trader set explicitly.
  return candidates.reduce((best, c) =>
    (side === "long" ? c.level > best.level : c.level < best.level) ? c : best,
  );
}

export function detectExit(position: Position, update: PriceUpdate): ExitTrigger | null {
  const long = position.side === "long";
  const { open, high, low } = "price" in update
    ? { open: update.price, high: update.price, low: update.price }
    : update;
  // "beyond" in the adverse direction for stops, the favourable one for take-profits.
  const adverse = long ? low : high;
  const favourable = long ? high : low;
  const pastStop = (px: number, level: number) => (long ? px <= level : px >= level);
  const pastTp = (px: number, level: number) => (long ? px >= level : px <= level);
  const stop = activeStop(position);
  const tp = position.takeProfit;
  const make = (trigger: Omit<ExitTrigger, "time">): ExitTrigger => ({ ...trigger, time: update.time });

  if (stop && pastStop(open, stop.level)) {
    return make({ reason: "STOP_TRIGGERED", kind: stop.kind, level: stop.level, referencePrice: open, gap: open !== stop.level });
  }
  if (tp !== undefined && pastTp(open, tp)) {
    return make({ reason: "TP_TRIGGERED", kind: "take_profit", level: tp, referencePrice: tp, gap: open !== tp });
  }
  if (stop && pastStop(adverse, stop.level)) {
    return make({ reason: "STOP_TRIGGERED", kind: stop.kind, level: stop.level, referencePrice: stop.level, gap: false });
  }
  if (tp !== undefined && pastTp(favourable, tp)) {
    return make({ reason: "TP_TRIGGERED", kind: "take_profit", level: tp, referencePrice: tp, gap: false });
  }
  return null;
}

/** Why an update cannot be used, or null when it is a sane price. */
export function invalidUpdate(update: PriceUpdate): string | null {
  if (!Number.isFinite(update.time)) return "update time is not a finite number";
  const prices = "price" in update ? [update.price] : [update.open, update.high, update.low, update.close];
  if (!prices.every((p) => Number.isFinite(p) && p > 0)) return "update has a non-positive or non-finite price";
  if (!("price" in update)) {
    const { open, high, low, close } = update;
    if (high < low || open > high || open < low || close > high || close < low) {
      return "bar is inconsistent (open/close outside low..high)";
    }
  }
  return null;
}
