import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from "./backoff";

const noJitter: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000, factor: 2, jitter: 0 };
const halfJitter: BackoffPolicy = { ...noJitter, jitter: 0.5 };

describe("retryDelayMs", () => {
  it.each([
    { name: "first failure waits the base", attempts: 1, policy: noJitter, r: 0, expected: 1_000 },
    { name: "second failure doubles", attempts: 2, policy: noJitter, r: 0, expected: 2_000 },
    { name: "fifth failure is base * 2^4", attempts: 5, policy: noJitter, r: 0, expected: 16_000 },
    { name: "growth is capped at maxMs", attempts: 7, policy: noJitter, r: 0, expected: 60_000 },
    { name: "a huge attempt count stays at the cap", attempts: 10_000, policy: noJitter, r: 0, expected: 60_000 },
    { name: "factor 3", attempts: 3, policy: { ...noJitter, factor: 3 }, r: 0, expected: 9_000 },
    { name: "factor 1 is a constant delay", attempts: 9, policy: { ...noJitter, factor: 1 }, r: 0, expected: 1_000 },
    { name: "zero base never waits", attempts: 4, policy: { ...noJitter, baseMs: 0 }, r: 0.9, expected: 0 },
    { name: "jitter with r=0 takes nothing off", attempts: 2, policy: halfJitter, r: 0, expected: 2_000 },
    { name: "jitter with r=0.5 takes a quarter off", attempts: 2, policy: halfJitter, r: 0.5, expected: 1_500 },
    { name: "jitter applies after the cap", attempts: 20, policy: halfJitter, r: 0.5, expected: 45_000 },
    { name: "jitter is rounded to whole ms", attempts: 1, policy: { ...noJitter, baseMs: 3, jitter: 1 }, r: 0.5, expected: 2 },
    { name: "a random source above 1 is clamped", attempts: 1, policy: halfJitter, r: 7, expected: 500 },
    { name: "a negative random source is clamped", attempts: 1, policy: halfJitter, r: -3, expected: 1_000 },
    { name: "NaN from the random source means no jitter", attempts: 1, policy: halfJitter, r: Number.NaN, expected: 1_000 },
  ])("$name", ({ attempts, policy, r, expected }) => {
    expect(retryDelayMs(attempts, policy, () => r)).toBe(expected);
  });

  it("never exceeds the cap and never goes below (1 - jitter) of it", () => {
    for (let attempts = 1; attempts <= 40; attempts++) {
      for (const r of [0, 0.1, 0.5, 0.999]) {
        const d = retryDelayMs(attempts, DEFAULT_BACKOFF, () => r);
        expect(d).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxMs);
        expect(d).toBeGreaterThanOrEqual(Math.floor(DEFAULT_BACKOFF.baseMs * (1 - DEFAULT_BACKOFF.jitter)));
      }
    }
  });

  it.each([
    { name: "attempt 0", attempts: 0, policy: noJitter },
    { name: "fractional attempt", attempts: 1.5, policy: noJitter },
    { name: "negative base", attempts: 1, policy: { ...noJitter, baseMs: -1 } },
    { name: "cap below base", attempts: 1, policy: { ...noJitter, maxMs: 10 } },
    { name: "shrinking factor", attempts: 1, policy: { ...noJitter, factor: 0.5 } },
    { name: "jitter above 1", attempts: 1, policy: { ...noJitter, jitter: 1.5 } },
    { name: "NaN jitter", attempts: 1, policy: { ...noJitter, jitter: Number.NaN } },
  ])("rejects $name", ({ attempts, policy }) => {
    expect(() => retryDelayMs(attempts, policy, () => 0)).toThrow(DomainError);
  });
});
