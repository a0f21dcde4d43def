/**
 * How long a failed job waits before its next attempt: exponential from a base,
 * capped, with jitter so that many jobs failing together (a source down for a
 * minute) do not all retry in the same instant.
 */
import { DomainError } from "../errors";

export interface BackoffPolicy {
  /** Delay after the first failed attempt, before jitter. */
  baseMs: number;
  /** No delay is ever longer than this, jitter included. */
  maxMs: number;
  /** Growth per attempt; 2 doubles the delay each time. */
  factor: number;
  /** Fraction of the delay that jitter may take off, in [0, 1]; 0 disables jitter. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 5 * 60_000, factor: 2, jitter: 0.2 };

/** A source of numbers in [0, 1), injected so tests are deterministic. */
export type RandomSource = () => number;

/**
 * The delay before the next attempt, after `failedAttempts` attempts have failed
 * (1 after the first failure). Jitter only shortens the delay, so the cap holds.
 */
export function retryDelayMs(
  failedAttempts: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: RandomSource = Math.random,
): number {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1) {
    throw new DomainError("VALIDATION_FAILED", "failedAttempts must be an integer >= 1", "failedAttempts");
  }
  validatePolicy(policy);
  // factor ** n may reach Infinity for absurd attempt counts; the cap absorbs it,
  // but 0 * Infinity would be NaN, hence the guard.
  const uncapped = policy.baseMs === 0 ? 0 : policy.baseMs * policy.factor ** (failedAttempts - 1);
  const capped = Math.min(policy.maxMs, uncapped);
  const r = clampUnit(random());
  return Math.round(capped * (1 - policy.jitter * r));
}

function validatePolicy(p: BackoffPolicy): void {
  if (!Number.isFinite(p.baseMs) || p.baseMs < 0) throw new DomainError("VALIDATION_FAILED", "baseMs must be >= 0", "baseMs");
  if (!Number.isFinite(p.maxMs) || p.maxMs < p.baseMs) {
    throw new DomainError("VALIDATION_FAILED", "maxMs must be >= baseMs", "maxMs");
  }
  if (!Number.isFinite(p.factor) || p.factor < 1) throw new DomainError("VALIDATION_FAILED", "factor must be >= 1", "factor");
  if (!(p.jitter >= 0 && p.jitter <= 1)) throw new DomainError("VALIDATION_FAILED", "jitter must be in [0, 1]", "jitter");
}

// A misbehaving random source must not produce a negative or over-cap delay.
function clampUnit(x: number): number {
  if (!Number.isFinite(x) || x < 0) return 0;
  return x >= 1 ? 1 : x;
}
