/**
 * Watching an open position up to a time, in memory: server/services/paper/monitor.ts
 * without the rows. Every closed minute that opened after the position's last
 * update goes through onPrice (stop-loss, take-profit, trailing stop) and every
 * funding hour crossed is booked first, in time order, so nothing accrues after
 * an exit. A funding hour whose rate is not in market memory stops the funding
 * there (the live monitor tries again later; a backtest's memory is complete).
 */
import { bookDelta } from "@/lib/domain/paper/account";
import type { ExecutionConfig } from "@/lib/domain/paper/config";
import { executeClose, type Executed } from "@/lib/domain/paper/execution";
import { applyFunding } from "@/lib/domain/paper/funding";
import { HOUR_MS } from "@/lib/domain/paper/position";
import { applyMinuteCandles, onMinuteCandles } from "@/lib/domain/paper/price-run";
import type { ExitTrigger, Position } from "@/lib/domain/paper/position-types";
import type { AccountState } from "./decision-step";
import { countBefore, countOpenedBefore, type PerpSeries } from "./series";

const M = 60_000;

export interface MonitorOutcome {
  position: Position;
  /** the exit order, when a stop or take-profit filled (the position is then CLOSED) */
  exit: (Executed & { ok: true }) | null;
  fundingHours: number;
}

/**
 * The position after monitoring up to `until` (ms); the account's totals are booked
 * in place. Called at any times, the result is the same as the live monitor's once
 * a minute: candles are applied in order, funding hour h is booked just before
 * the first candle that opens at or after h (or at the end, once h <= until), and
 * onPrice does not depend on when it was called. So candles between two funding
 * hours go through onMinuteCandles as one run.
 *
 * @param owned the position is the caller's own, which no one else reads (a backtest's):
 *   its candle runs then change it in place instead of copying it (the outcome is the same)
 */
export function monitorStep(p: PerpSeries, account: AccountState, position: Position, until: number, config?: ExecutionConfig, owned = false): MonitorOutcome {
  const watch: Watch = { position, fundingHours: 0 };
  // candles that opened after the last update: the entry minute's earlier prices never trigger anything
  const from = Math.ceil((position.updatedAt + 1) / M) * M;
  const end = countOpenedBefore(p.minutes, Math.floor(until / M) * M);
  for (let i = countOpenedBefore(p.minutes, from); i < end; ) {
    const booked = fundingUpTo(p, account, watch, p.minutes.openTime[i]!);
    // up to the next funding hour; one candle at a time while an hour cannot be booked (the live monitor retries it every candle)
    const nextHour = watch.position.fundingThroughHour + HOUR_MS;
    const runEnd = booked ? countOpenedBefore(p.minutes, nextHour, i) : i + 1;
    const runTo = Math.min(end, Math.max(runEnd, i + 1));
    let run: { trigger: ExitTrigger | null; next: number };
    if (owned && watch.position.state === "MONITORING") {
      run = applyMinuteCandles(watch.position, p.minutes, i, runTo);
    } else {
      const copied = onMinuteCandles(watch.position, p.minutes, i, runTo);
      watch.position = copied.position;
      run = copied;
    }
    i = run.next;
    if (!run.trigger) continue;
    const current = watch.position;
    const time = p.minutes.openTime[i - 1]! + M - 1;
    const bookAt = countBefore(p.books, time);
    const book = bookAt > 0 ? p.books[bookAt - 1]! : null;
    const exit = executeClose(current, run.trigger.reason, {
      referencePrice: run.trigger.referencePrice, priceTime: time, szDecimals: p.szDecimals,
      ...(book && { bestBid: book.bestBid, bestAsk: book.bestAsk, bidDepthUsd: book.bidDepthUsd, askDepthUsd: book.askDepthUsd }),
    }, time, run.trigger, config);
    if (!exit.ok) return { position: current, exit: null, fundingHours: watch.fundingHours }; // unreachable: an exit fill always fits its position
    Object.assign(account, bookDelta(account, exit.delta));
    return { position: exit.position, exit, fundingHours: watch.fundingHours };
  }
  fundingUpTo(p, account, watch, until);
  return { position: watch.position, exit: null, fundingHours: watch.fundingHours };
}

/** A monitorStep under way: the position as it stands, and the funding hours booked. */
interface Watch {
  position: Position;
  fundingHours: number;
}

/**
 * Books every funding hour due up to `time`; false when one could not be (its rate is
 * not in market memory). A module function rather than a closure per step: a closure
 * made at every step costs a name definition each under tsx's keepNames.
 */
function fundingUpTo(p: PerpSeries, account: AccountState, watch: Watch, time: number): boolean {
  for (let h = watch.position.fundingThroughHour + HOUR_MS; h <= time; h += HOUR_MS) {
    const at = countBefore(p.funding, h + 1);
    const rate = at > 0 ? p.funding[at - 1]! : null;
    if (!rate || rate.time !== h) return false;
    const markAt = countOpenedBefore(p.minutes, h - M);
    const markPrice = markAt < p.minutes.length && p.minutes.openTime[markAt]! < h ? p.minutes.close[markAt]! : watch.position.lastPrice;
    const applied = applyFunding(watch.position, { hour: h, markPrice, hourlyRate: rate.rate });
    if (!applied.ok) return false;
    watch.position = applied.position;
    Object.assign(account, bookDelta(account, applied.delta));
    watch.fundingHours++;
  }
  return true;
}
