/**
 * What every runtime assertion returns: ok, one message naming exactly what failed
 * on what (the first problem, and how many more), and details a person can read on
 * the admin board (the first few offending records). Each assertion is a pure
 * function of plain rows; server/services/runtime/run-assertions.ts loads them,
 * records the outcome and trips the breaker on a failure.
 */
export const ASSERTION_NAMES = [
  "action-has-order",
  "order-has-fill-or-state",
  "positions-match-fills",
  "equity-identity",
  "instruments-in-scope",
  "no-future-data",
  "capital-caps",
  "heartbeats-fresh",
] as const;
export type AssertionName = (typeof ASSERTION_NAMES)[number];

/** One sentence per assertion, for the admin board. */
export const ASSERTION_DESCRIPTIONS: Readonly<Record<AssertionName, string>> = {
  "action-has-order": "Every ACTION decision has a filled order; every rejection has a reason; nothing else orders.",
  "order-has-fill-or-state": "Every order has an id and is FILLED by fills of its size, or REJECTED with a reason.",
  "positions-match-fills": "Per account and asset, the fills net to the open position's size.",
  "equity-identity": "Account totals equal the sums over positions and fills, so equity = start + realized + unrealized − fees + funding.",
  "instruments-in-scope": "No open position on an instrument outside its clone's graph or market memory.",
  "no-future-data": "No decision saw data stamped after its decision time; no fill precedes its decision.",
  "capital-caps": "No position opened above the global leverage, size or notional caps in force when it opened.",
  "heartbeats-fresh": "Every worker holding a running job lease is alive (heartbeat or lease renewal within 90 s).",
};

export interface Problem {
  /** names the record and what is wrong with it */
  message: string;
  /** the offending record's identifying fields and the values compared */
  record: Record<string, string | number | boolean | null>;
}

export interface AssertionDetails {
  /** how many records the check looked at */
  checked: number;
  problemCount: number;
  /** the first MAX_PROBLEMS_KEPT problems */
  problems: Problem[];
}

export interface AssertionOutcome {
  ok: boolean;
  /** empty when ok */
  message: string;
  details: AssertionDetails;
}

export const MAX_PROBLEMS_KEPT = 10;

export function outcome(checked: number, problems: readonly Problem[]): AssertionOutcome {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
  return {
    ok: problems.length === 0,
    message: first ? `${first.message}${more}` : "",
    details: { checked, problemCount: problems.length, problems: problems.slice(0, MAX_PROBLEMS_KEPT) },
  };
}

/** 2026-07-01T12:00:00Z (milliseconds only when there are some); a bad stamp printed as it is. */
export function isoTime(ms: number): string {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return String(ms);
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

/** A signed size without float noise: +0.02105, -1.5. */
export function signedSize(size: number): string {
  const text = String(Number(size.toPrecision(12)));
  return size > 0 ? `+${text}` : text;
}

/** Sizes are lots of at most 12 decimals; sums of floats drift far below the smallest lot. */
export function sameSize(a: number, b: number, scale: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(scale));
}

/** Micro-dollars with thousands separators: 4,275,641 µ$. */
export function micro(value: number): string {
  return `${value.toLocaleString("en-US")} µ$`;
}
