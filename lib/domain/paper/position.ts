/**
 * The paper position lifecycle:
 *   ENTRY -> MONITORING -> {STOP_TRIGGERED | TP_TRIGGERED | EXPIRY | CLOSE_SIGNAL} -> EXIT_PENDING -> CLOSED
 *
 * openPosition takes the entry fill, so ENTRY is only recorded in the history.
 * exitPosition is the ONE exit function: every close (stop, take-profit, expiry,
 * clone signal, kill-switch flatten) goes through it. Given a fill it runs the
 * whole path to CLOSED; without one it stops at EXIT_PENDING (the exit order is
 * out, its price not yet known) and the only way on is that same exit's fill.
 * Nothing else touches an EXIT_PENDING position: onPrice, funding and a second
 * exit return it unchanged with a reason instead of throwing, so a race never
 * stops on a late tick.
 */
import { DomainError } from "@/lib/domain/errors";
import { detectExit, invalidUpdate, type PriceUpdate } from "./exit-triggers";
import type { PaperFill } from "./fill";
import { addMicro, divMicroCeil, sumMicro } from "./money-micro";
import {
  exitSide,
  type ExitReason,
  type ExitTrigger,
  type Position,
  type PositionResult,
  type PositionState,
} from "./position-types";

export const HOUR_MS = 3_600_000;

export interface OpenPositionParams {
  asset: string;
  leverage: number;
  stopLoss?: number;
  takeProfit?: number;
  trailingStopPct?: number;
  /** Defaults to the fill's time. */
  time?: number;
}

export interface OnPriceResult {
  position: Position;
  trigger: ExitTrigger | null;
  /** Set when the update was not applied (wrong state, stale or malformed). */
  ignored?: string;
}

/** A buy fill opens a long, a sell fill a short. Returns the entry fee to book. */
export function openPosition(fill: PaperFill, params: OpenPositionParams): PositionResult & { ok: true } {
  const { leverage, stopLoss, takeProfit, trailingStopPct } = params;
  if (!(Number.isFinite(leverage) && leverage > 0)) {
    throw new DomainError("VALIDATION_FAILED", "leverage must be a positive number", "leverage");
  }
  for (const [field, value] of Object.entries({ stopLoss, takeProfit, trailingStopPct })) {
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
      throw new DomainError("VALIDATION_FAILED", `${field} must be a positive number when set`, field);
    }
  }
  if (trailingStopPct !== undefined && trailingStopPct >= 100) {
    throw new DomainError("VALIDATION_FAILED", "trailingStopPct must be below 100", "trailingStopPct");
  }
  const time = params.time ?? fill.time;
  const position: Position = {
    asset: params.asset,
    side: fill.side === "buy" ? "long" : "short",
    sizeBase: fill.sizeBase,
    entryPrice: fill.price,
    entryNotionalMicro: fill.notionalMicro,
    leverage,
    marginMicro: divMicroCeil(fill.notionalMicro, leverage),
    ...(stopLoss !== undefined && { stopLoss }),
    ...(takeProfit !== undefined && { takeProfit }),
    ...(trailingStopPct !== undefined && { trailingStopPct }),
    trailHigh: fill.price,
    trailLow: fill.price,
    lastPrice: fill.price,
    openedAt: time,
    updatedAt: time,
    realizedPnlMicro: 0,
    feesMicro: fill.feeMicro,
    fundingMicro: 0,
    fundingThroughHour: Math.floor(time / HOUR_MS) * HOUR_MS,
    state: "MONITORING",
    history: [
      { state: "ENTRY", time },
      { state: "MONITORING", time },
    ],
  };
  return { ok: true, position, delta: { realizedMicro: 0, feesMicro: fill.feeMicro, fundingMicro: 0 } };
}

/**
 * Checks stop-loss, take-profit and trailing stop against one price update (a bar
 * or a tick), then moves the trail. The position stays MONITORING: the caller
 * prices the exit fill from trigger.referencePrice and calls exitPosition.
 */
export function onPrice(position: Position, update: PriceUpdate): OnPriceResult {
  if (position.state !== "MONITORING") {
    return { position, trigger: null, ignored: `position is ${position.state}; price updates no longer apply` };
  }
  const invalid = invalidUpdate(update);
  if (invalid) return { position, trigger: null, ignored: invalid };
  if (update.time < position.updatedAt) {
    return { position, trigger: null, ignored: "update is older than the last one applied" };
  }
  const trigger = detectExit(position, update);
  const tick = "price" in update;
  const high = tick ? update.price : update.high;
  const low = tick ? update.price : update.low;
  const last = tick ? update.price : update.close;
  return {
    position: {
      ...position,
      trailHigh: Math.max(position.trailHigh, high),
      trailLow: Math.min(position.trailLow, low),
      lastPrice: last,
      updatedAt: update.time,
    },
    trigger,
  };
}

export interface ExitOptions {
  /** When the exit was decided; defaults to the fill's time, else the last update. */
  time?: number;
  /** The trigger from onPrice, kept on the position for the audit trail. */
  trigger?: ExitTrigger;
}

export function exitPosition(
  position: Position,
  reason: ExitReason,
  fill?: PaperFill | null,
  options: ExitOptions = {},
): PositionResult {
  if (position.state === "CLOSED") return refuse(position, "position is already CLOSED");
  if (position.state === "EXIT_PENDING") {
    if (reason !== position.exitReason) {
      return refuse(position, `position is EXIT_PENDING (${position.exitReason ?? "unknown"}); a new exit cannot replace it`);
    }
    if (!fill) return refuse(position, "position is already EXIT_PENDING; only its exit fill can complete it");
    return close(position, fill);
  }
  if (position.state !== "MONITORING") return refuse(position, `position is ${position.state}; it cannot exit from there`);
  const time = options.time ?? fill?.time ?? position.updatedAt;
  const pending: Position = {
    ...position,
    state: "EXIT_PENDING",
    exitReason: reason,
    ...(options.trigger && { exitTrigger: options.trigger }),
    updatedAt: Math.max(position.updatedAt, time),
    history: [...position.history, { state: reason, time }, { state: "EXIT_PENDING", time }],
  };
  if (!fill) return { ok: true, position: pending, delta: { realizedMicro: 0, feesMicro: 0, fundingMicro: 0 } };
  const closed = close(pending, fill);
  // A fill that does not fit leaves the original position untouched, not half-exited.
  return closed.ok ? closed : refuse(position, closed.reason);
}

/** Gross price PnL of `sizeBase` between the entry notional and an exit notional. */
export function pricePnlMicro(position: Pick<Position, "side" | "entryNotionalMicro">, exitNotionalMicro: number): number {
  const diff = exitNotionalMicro - position.entryNotionalMicro;
  return addMicro(0, position.side === "long" ? diff : -diff, "realizedPnlMicro");
}

function close(position: Position, fill: PaperFill): PositionResult {
  if (fill.side !== exitSide(position.side)) {
    return refuse(position, `a ${position.side} position is closed by a ${exitSide(position.side)} fill, not a ${fill.side}`);
  }
  if (fill.sizeBase !== position.sizeBase) {
    return refuse(position, `exit fill size ${fill.sizeBase} differs from the position size ${position.sizeBase}`);
  }
  const realized = pricePnlMicro(position, fill.notionalMicro);
  const time = Math.max(position.updatedAt, fill.time);
  const state: PositionState = "CLOSED";
  return {
    ok: true,
    position: {
      ...position,
      state,
      exitPrice: fill.price,
      lastPrice: fill.price,
      closedAt: time,
      updatedAt: time,
      realizedPnlMicro: realized,
      feesMicro: sumMicro([position.feesMicro, fill.feeMicro], "feesMicro"),
      history: [...position.history, { state, time }],
    },
    delta: { realizedMicro: realized, feesMicro: fill.feeMicro, fundingMicro: 0 },
  };
}

function refuse(position: Position, reason: string): PositionResult {
  return { ok: false, position, reason };
}
