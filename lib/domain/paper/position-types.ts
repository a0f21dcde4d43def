/**
 * The shapes of a paper position and of what its rules return. Kept apart from
 * the rules so account.ts and funding.ts can read positions without a cycle.
 */
import type { Micro } from "./money-micro";

export type PositionSide = "long" | "short";

export const POSITION_STATES = [
  "ENTRY",
  "MONITORING",
  "STOP_TRIGGERED",
  "TP_TRIGGERED",
  "EXPIRY",
  "CLOSE_SIGNAL",
  "EXIT_PENDING",
  "CLOSED",
] as const;
export type PositionState = (typeof POSITION_STATES)[number];

export type ExitReason = "STOP_TRIGGERED" | "TP_TRIGGERED" | "EXPIRY" | "CLOSE_SIGNAL";

export type ExitTriggerKind = "stop_loss" | "trailing_stop" | "take_profit";

/** What onPrice found: the exit it calls for and the price to fill it from. */
export interface ExitTrigger {
  reason: "STOP_TRIGGERED" | "TP_TRIGGERED";
  kind: ExitTriggerKind;
  /** The stop, trailing or take-profit level that was crossed. */
  level: number;
  /** The fill's reference: the level, or the bar's open when it gapped through a stop. */
  referencePrice: number;
  gap: boolean;
  time: number;
}

export interface Position {
  asset: string;
  side: PositionSide;
  sizeBase: number;
  entryPrice: number;
  /** Exact entry price × size; PnL is computed against it, never a float product. */
  entryNotionalMicro: Micro;
  leverage: number;
  marginMicro: Micro;
  stopLoss?: number;
  takeProfit?: number;
  /** Percent (2 = 2%) the price may retrace from its best since entry. */
  trailingStopPct?: number;
  /** Highest and lowest price seen since entry (the best one for a long / a short). */
  trailHigh: number;
  trailLow: number;
  /** Last price seen; the mark fallback when none is given to equity. */
  lastPrice: number;
  openedAt: number;
  updatedAt: number;
  /** Gross price PnL, set when the position closes; fees and funding are apart. */
  realizedPnlMicro: Micro;
  /** Entry fee plus, once closed, the exit fee. */
  feesMicro: Micro;
  /** Net funding RECEIVED (negative when the position paid). */
  fundingMicro: Micro;
  /** Funding is settled for every hour up to and including this one (ms epoch). */
  fundingThroughHour: number;
  state: PositionState;
  exitReason?: ExitReason;
  exitTrigger?: ExitTrigger;
  exitPrice?: number;
  closedAt?: number;
  history: readonly { state: PositionState; time: number }[];
}

/**
 * What a rule books to the account. Every amount lands exactly once: the entry fee
 * at open, each funding hour when applied, realized PnL and exit fee at close.
 */
export interface LedgerDelta {
  realizedMicro: Micro;
  feesMicro: Micro;
  fundingMicro: Micro;
}

export const NO_DELTA: Readonly<LedgerDelta> = Object.freeze({ realizedMicro: 0, feesMicro: 0, fundingMicro: 0 });

/** Rules never throw on a position in the wrong state: they refuse with a reason. */
export type PositionResult =
  | { ok: true; position: Position; delta: LedgerDelta }
  | { ok: false; position: Position; reason: string };

export function isOpen(position: Position): boolean {
  return position.state !== "CLOSED";
}

/** The order side that closes a position. */
export function exitSide(side: PositionSide): "buy" | "sell" {
  return side === "long" ? "sell" : "buy";
}
