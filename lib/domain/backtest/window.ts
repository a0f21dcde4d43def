/**
 * Which windows a backtest accepts: minute-aligned (decisions and bars are), from
 * before to, at most a year (366 days, so any calendar year fits), and not in the
 * future (market memory has nothing there). Errors name the field at fault.
 */
import { DomainError } from "@/lib/domain/errors";

const M = 60_000;
const DAY = 86_400_000;
export const MAX_BACKTEST_DAYS = 366;

const iso = (ms: number) => new Date(ms).toISOString();

export function backtestWindow(fromMs: number, toMs: number, nowMs: number): { from: number; to: number } {
  if (!Number.isFinite(fromMs)) throw new DomainError("VALIDATION_FAILED", "from must be a date-time", "from");
  if (!Number.isFinite(toMs)) throw new DomainError("VALIDATION_FAILED", "to must be a date-time", "to");
  // whole minutes: a decision happens on a minute, a bar covers one
  const from = Math.floor(fromMs / M) * M;
  const to = Math.floor(toMs / M) * M;
  if (!(from < to)) throw new DomainError("VALIDATION_FAILED", `from ${iso(from)} must be before to ${iso(to)} (both in whole minutes)`, "from");
  if (to - from > MAX_BACKTEST_DAYS * DAY) {
    throw new DomainError("VALIDATION_FAILED", `the window is ${((to - from) / DAY).toFixed(1)} days; a backtest covers at most ${MAX_BACKTEST_DAYS}`, "to");
  }
  const lastClosed = Math.floor(nowMs / M) * M;
  if (to > lastClosed) throw new DomainError("VALIDATION_FAILED", `to ${iso(to)} is in the future (the last closed minute is ${iso(lastClosed)})`, "to");
  return { from, to };
}
