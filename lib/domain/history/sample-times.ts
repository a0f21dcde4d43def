/**
 * When an equity curve is sampled: a bounded set of times between `from` and `to`.
 *
 * Two kinds of time go in. Events (fills: the moments fees and realized PnL land)
 * are where the curve jumps, so they are kept first, up to half the budget; past
 * that, the last event of each equal slice of the range stands for its slice. The
 * rest of the budget is an even grid on whole minutes (the granularity of the
 * candle closes that mark open positions), at most one point per minute, which
 * shows how unrealized PnL moved between events. `from` and `to` are always in.
 *
 * The grid replaces "every decision time": decisions come every cadence slot, so a
 * month of them is tens of thousands of points, while the grid costs the same for
 * a day and a year and marks each point with the same 1-minute close a decision at
 * that time saw as its last price.
 */
export const MAX_EQUITY_POINTS = 500;
const MINUTE = 60_000;

export function equitySampleTimes(p: { from: number; to: number; events: readonly number[]; maxPoints?: number }): number[] {
  const maxPoints = Math.max(2, Math.floor(p.maxPoints ?? MAX_EQUITY_POINTS));
  const { from, to } = p;
  if (!(to > from)) return [to];
  const inside = [...new Set(p.events.filter((t) => t > from && t < to))].sort((a, b) => a - b);
  const eventBudget = Math.floor((maxPoints - 2) / 2);
  const events = inside.length <= eventBudget ? inside : lastPerSlice(inside, from, to, eventBudget);
  const gridCount = maxPoints - 2 - events.length;
  const grid: number[] = [];
  if (gridCount > 0) {
    const step = Math.max(MINUTE, Math.ceil((to - from) / (gridCount + 1) / MINUTE) * MINUTE);
    for (let t = Math.floor(from / MINUTE) * MINUTE + step; t < to && grid.length < gridCount; t += step) if (t > from) grid.push(t);
  }
  return [...new Set([from, ...events, ...grid, to])].sort((a, b) => a - b);
}

/** The last of the sorted times in each of `slices` equal slices of [from, to]. */
function lastPerSlice(times: readonly number[], from: number, to: number, slices: number): number[] {
  if (slices <= 0) return [];
  const width = (to - from) / slices;
  const bySlice = new Map<number, number>();
  for (const t of times) bySlice.set(Math.min(slices - 1, Math.floor((t - from) / width)), t);
  return [...bySlice.values()];
}
