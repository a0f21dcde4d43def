/**
 * The runner's rules: which slot is due, how long a lease lasts, when a failed
 * slot is retried, and when a clone's asset stops being run.
 *
 * A decision slot is (account, asset, slot time), the slot time being the start of
 * the clone's cadence interval. A thrown error (a database fault, a bug; a bad model
 * answer is a recorded outcome, not an error) is retried with backoff within the
 * slot; a slot that used its attempts, or whose time has passed, is FAILED. After
 * FAILED slots in a row the (account, asset) pair is FAILED: no more decisions until
 * a person resumes it, so a broken clone does not retry forever.
 */

export const SLOT_STATUSES = ["LEASED", "DONE", "RETRY", "FAILED"] as const;
export type SlotStatus = (typeof SLOT_STATUSES)[number];
export const RUNNER_STATUSES = ["OK", "FAILING", "FAILED"] as const;
export type RunnerStatus = (typeof RUNNER_STATUSES)[number];

/** A worker that dies holding a lease loses it after this long; a decision takes milliseconds to seconds (a model call up to a minute). */
export const LEASE_MS = 2 * 60_000;
export const MAX_ATTEMPTS_PER_SLOT = 3;
export const FAILED_SLOTS_BEFORE_STOP = 3;
/** The pseudo-asset of an account's monitoring lease (stops, take-profits, funding) for one minute. */
export const MONITOR_ASSET = "@monitor";
export const MONITOR_EVERY_MS = 60_000;

export function slotTime(now: number, cadenceMs: number): number {
  return Math.floor(now / cadenceMs) * cadenceMs;
}

/** 5 s, 20 s, 80 s…: quick enough to retry within a 1-minute slot, slow enough not to hammer a sick database. */
export function retryDelayMs(attempts: number): number {
  return 5_000 * 4 ** Math.max(0, attempts - 1);
}

export type SlotFailure = { status: "RETRY"; nextAttemptMs: number } | { status: "FAILED"; nextAttemptMs: null };

/** What a thrown error does to a slot after `attempts` tries, given when the slot's interval ends. */
export function afterSlotError(p: { attempts: number; now: number; slotEndsMs: number }): SlotFailure {
  const next = p.now + retryDelayMs(p.attempts);
  if (p.attempts >= MAX_ATTEMPTS_PER_SLOT || next >= p.slotEndsMs) return { status: "FAILED", nextAttemptMs: null };
  return { status: "RETRY", nextAttemptMs: next };
}

/** The pair's state after a slot FAILED: FAILING until enough failed slots in a row, then FAILED. */
export function afterFailedSlot(consecutiveFailures: number): { status: RunnerStatus; consecutiveFailures: number } {
  const n = consecutiveFailures + 1;
  return { status: n >= FAILED_SLOTS_BEFORE_STOP ? "FAILED" : "FAILING", consecutiveFailures: n };
}
