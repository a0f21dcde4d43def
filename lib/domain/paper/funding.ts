/**
 * Hourly funding on open perp positions, as on Hyperliquid (the `funding` field of
 * an asset context is the hourly rate, paid on the hour).
 *
 * payment = position notional at the mark price × hourly rate (exact, rounded half
 * away from zero to the micro-dollar). SIGN: a positive rate means longs pay shorts,
 * a negative rate means shorts pay longs. Amounts are stored as funding RECEIVED,
 * so a long at +0.0000125 books a negative amount and the short books it positive;
 * equity therefore ADDS funding: start + realized + unrealized − fees + funding.
 *
 * A position pays for each hour boundary strictly after it opened (one opened at
 * 10:20 first pays at 11:00; one opened exactly at 11:00 first pays at 12:00).
 * Hours are applied in order and each at most once: applying an hour at or before
 * `fundingThroughHour` is refused, which makes retries idempotent.
 */
import { HOUR_MS } from "./position";
import { mulMicroRate, mulPriceSize, sumMicro, type Micro } from "./money-micro";
import type { Position, PositionResult, PositionSide } from "./position-types";

export interface FundingTick {
  /** The funding hour (ms epoch, a whole hour). */
  hour: number;
  markPrice: number;
  /** Hourly rate as a fraction: 0.0000125 = 0.00125% per hour. */
  hourlyRate: number;
}

/** Funding received by a position of `side` (negative = paid). */
export function fundingPaymentMicro(side: PositionSide, sizeBase: number, markPrice: number, hourlyRate: number): Micro {
  const owedByLongs = mulMicroRate(mulPriceSize(markPrice, sizeBase), hourlyRate);
  // 0 - x rather than -x: a zero payment stays +0, never -0 in stored JSON.
  return side === "long" ? 0 - owedByLongs : owedByLongs;
}

export function applyFunding(position: Position, tick: FundingTick): PositionResult {
  if (position.state !== "MONITORING") {
    return { ok: false, position, reason: `position is ${position.state}; funding no longer applies` };
  }
  if (!Number.isInteger(tick.hour) || tick.hour % HOUR_MS !== 0) {
    return { ok: false, position, reason: "funding hour must be a whole hour (ms epoch)" };
  }
  if (tick.hour <= position.fundingThroughHour) {
    return { ok: false, position, reason: "funding for this hour is already settled (or precedes the entry)" };
  }
  if (!(Number.isFinite(tick.markPrice) && tick.markPrice > 0) || !Number.isFinite(tick.hourlyRate)) {
    return { ok: false, position, reason: "funding needs a positive mark price and a finite rate" };
  }
  const received = fundingPaymentMicro(position.side, position.sizeBase, tick.markPrice, tick.hourlyRate);
  return {
    ok: true,
    position: {
      ...position,
      fundingMicro: sumMicro([position.fundingMicro, received], "fundingMicro"),
      fundingThroughHour: tick.hour,
    },
    delta: { realizedMicro: 0, feesMicro: 0, fundingMicro: received },
  };
}

/**
 * The funding hours a position still owes up to `now`, oldest first. `limit` bounds
 * the list so a bad clock (now far ahead) cannot build a huge array.
 */
export function fundingHoursDue(position: Position, now: number, limit = 10_000): number[] {
  if (position.state !== "MONITORING") return [];
  const hours: number[] = [];
  for (let h = position.fundingThroughHour + HOUR_MS; h <= now && hours.length < limit; h += HOUR_MS) hours.push(h);
  return hours;
}
