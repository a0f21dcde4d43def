/**
 * An account's equity over time, rebuilt from what its records say:
 *
 *   equity(t) = start + realized(t) + unrealized(t) − fees(t) + funding(t)
 *
 * the identity of lib/domain/paper/account.ts, evaluated at past times.
 * - fees(t): every fill's fee, from the fill's time (exact: fills are the fees).
 * - realized(t): a closed position's gross price PnL, from its close time (exact).
 * - unrealized(t): each position open at t, valued at its asset's latest price
 *   known at t (`prices`: 1-minute closes and fill prices; none known -> the entry
 *   price, i.e. no unrealized PnL), with the same pricePnlMicro as the exit.
 * - funding(t): funding is stored per position, not per hour, so a position's net
 *   funding is spread evenly over the funding hours it settled (the first whole hour
 *   after opening through fundingThroughHour). The amount is exact and complete once
 *   the last hour has passed; only its timing inside the holding period is even.
 *
 * The last point therefore equals the account's stored equity whenever the marks
 * at `to` are the ones the headline used. Times are evaluated in one sweep: cost is
 * O(times + fills + positions) plus the positions open at each time.
 */
import { HOUR_MS, pricePnlMicro } from "../paper/position";
import { mulPriceSize, sumMicro, type Micro } from "../paper/money-micro";
import type { Position } from "../paper/position-types";

export type EquityPosition = Pick<
  Position,
  "asset" | "side" | "sizeBase" | "entryPrice" | "entryNotionalMicro" | "openedAt" | "closedAt" | "realizedPnlMicro" | "fundingMicro" | "fundingThroughHour"
>;

export interface PricePoint {
  /** when the price became known */
  time: number;
  price: number;
}

export interface EquityPoint {
  time: number;
  equityMicro: Micro;
  realizedMicro: Micro;
  unrealizedMicro: Micro;
  feesMicro: Micro;
  fundingMicro: Micro;
}

export interface EquitySeriesInput {
  startMicro: Micro;
  /** every position of the account, open and closed */
  positions: readonly EquityPosition[];
  /** every fill of the account */
  fills: readonly { time: number; feeMicro: Micro }[];
  /** per asset, ascending by time */
  prices: Readonly<Record<string, readonly PricePoint[]>>;
  /** the sample times (sorted here) */
  times: readonly number[];
}

/** The latest price known at t (binary search over ascending points), or undefined. */
export function priceAt(points: readonly PricePoint[] | undefined, t: number): number | undefined {
  if (!points?.length) return undefined;
  let lo = 0;
  let hi = points.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.time <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  const price = found >= 0 ? points[found]!.price : undefined;
  return price !== undefined && Number.isFinite(price) && price > 0 ? price : undefined;
}

/** The part of a position's net funding booked by time t (spread evenly over its settled hours). */
export function fundingBookedMicro(p: EquityPosition, t: number): Micro {
  if (p.fundingMicro === 0) return 0;
  const base = Math.floor(p.openedAt / HOUR_MS) * HOUR_MS;
  const hours = Math.round((p.fundingThroughHour - base) / HOUR_MS);
  // no settled hour on record: book it when the position closed (or opened)
  if (hours <= 0) return t >= (p.closedAt ?? p.openedAt) ? p.fundingMicro : 0;
  const passed = Math.min(hours, Math.max(0, Math.floor((t - base) / HOUR_MS)));
  if (passed === 0) return 0;
  return passed === hours ? p.fundingMicro : Math.trunc((p.fundingMicro * passed) / hours);
}

export function equitySeries(input: EquitySeriesInput): EquityPoint[] {
  const fills = [...input.fills].sort((a, b) => a.time - b.time);
  const byOpen = [...input.positions].sort((a, b) => a.openedAt - b.openedAt);
  let nextFill = 0;
  let nextOpen = 0;
  let fees = 0;
  let closedRealized = 0;
  let closedFunding = 0;
  let active: EquityPosition[] = [];
  const out: EquityPoint[] = [];
  for (const t of [...input.times].sort((a, b) => a - b)) {
    while (nextFill < fills.length && fills[nextFill]!.time <= t) fees = sumMicro([fees, fills[nextFill++]!.feeMicro], "feesMicro");
    while (nextOpen < byOpen.length && byOpen[nextOpen]!.openedAt <= t) active.push(byOpen[nextOpen++]!);
    const stillOpen: EquityPosition[] = [];
    for (const p of active) {
      if (p.closedAt !== undefined && p.closedAt <= t) {
        closedRealized = sumMicro([closedRealized, p.realizedPnlMicro], "realizedMicro");
        closedFunding = sumMicro([closedFunding, p.fundingMicro], "fundingMicro");
      } else stillOpen.push(p);
    }
    active = stillOpen;
    let unrealized = 0;
    let funding = closedFunding;
    for (const p of active) {
      const mark = priceAt(input.prices[p.asset], t) ?? p.entryPrice;
      unrealized = sumMicro([unrealized, pricePnlMicro(p, mulPriceSize(mark, p.sizeBase))], "unrealizedMicro");
      funding = sumMicro([funding, fundingBookedMicro(p, t)], "fundingMicro");
    }
    out.push({
      time: t,
      equityMicro: sumMicro([input.startMicro, closedRealized, unrealized, -fees, funding], "equityMicro"),
      realizedMicro: closedRealized,
      unrealizedMicro: unrealized,
      feesMicro: fees,
      fundingMicro: funding,
    });
  }
  return out;
}
