import { describe, expect, it } from "vitest";
import { afterFailedSlot, afterSlotError, retryDelayMs, slotTime } from "./slots";

describe("runner rules", () => {
  it.each([
    [Date.UTC(2026, 0, 1, 12, 7, 30), 60_000, Date.UTC(2026, 0, 1, 12, 7)],
    [Date.UTC(2026, 0, 1, 12, 7, 30), 15 * 60_000, Date.UTC(2026, 0, 1, 12, 0)],
    [Date.UTC(2026, 0, 1, 12, 0, 0), 3_600_000, Date.UTC(2026, 0, 1, 12, 0)],
  ])("slot of %s at cadence %s", (now, cadence, slot) => {
    expect(slotTime(now, cadence)).toBe(slot);
  });

  it("backs off 5 s, 20 s, 80 s", () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([5_000, 20_000, 80_000]);
  });

  it.each([
    ["first error, time left", { attempts: 1, now: 0, slotEndsMs: 60_000 }, { status: "RETRY", nextAttemptMs: 5_000 }],
    ["second error, time left", { attempts: 2, now: 10_000, slotEndsMs: 900_000 }, { status: "RETRY", nextAttemptMs: 30_000 }],
    ["attempts used up", { attempts: 3, now: 10_000, slotEndsMs: 900_000 }, { status: "FAILED", nextAttemptMs: null }],
    ["the retry would land after the slot", { attempts: 2, now: 50_000, slotEndsMs: 60_000 }, { status: "FAILED", nextAttemptMs: null }],
  ] as const)("%s", (_name, input, expected) => {
    expect(afterSlotError(input)).toEqual(expected);
  });

  it("stops a pair after three failed slots in a row", () => {
    expect(afterFailedSlot(0)).toEqual({ status: "FAILING", consecutiveFailures: 1 });
    expect(afterFailedSlot(1)).toEqual({ status: "FAILING", consecutiveFailures: 2 });
    expect(afterFailedSlot(2)).toEqual({ status: "FAILED", consecutiveFailures: 3 });
  });
});
