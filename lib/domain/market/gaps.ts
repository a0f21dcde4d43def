/**
 * Gaps in a regular series: every interval where a point was due and none is
 * stored becomes one gap [fromMs, toMs), consecutive missing steps merged.
 */
export interface Gap {
  fromMs: number;
  toMs: number;
}

/**
 * @param times the series' times in the range looked at, ascending, each a multiple of stepMs
 * @param stepMs the series' spacing (60_000 for 1-minute candles)
 * @param previous the last time stored before `times[0]`, or null when the series starts here
 * @param until an optional exclusive end: points due before it and missing count as gaps too
 */
export function detectGaps(times: readonly number[], stepMs: number, previous: number | null, until?: number): Gap[] {
  const gaps: Gap[] = [];
  let last = previous;
  for (const t of times) {
    if (last !== null && t - last > stepMs) gaps.push({ fromMs: last + stepMs, toMs: t });
    if (last === null || t > last) last = t;
  }
  if (until !== undefined && last !== null && until - last > stepMs) gaps.push({ fromMs: last + stepMs, toMs: until });
  return gaps;
}

