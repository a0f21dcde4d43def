import { describe, expect, it } from "vitest";
import { WeightBudget } from "./rate-limit";

describe("WeightBudget", () => {
  it.each([
    ["within budget", [[20, 0]], [0]],
    ["exactly the budget", [[1200, 0]], [0]],
    ["one over waits for the refill of one unit", [[1200, 0], [20, 0]], [0, 1000]],
    ["refill over time", [[1200, 0], [20, 1000]], [0, 0]],
    ["queued reservations wait behind each other", [[1200, 0], [20, 0], [20, 0]], [0, 1000, 2000]],
  ] as const)("%s", (_name, calls, waits) => {
    const b = new WeightBudget(1200, 0);
    expect(calls.map(([w, t]) => b.reserve(w, t))).toEqual(waits);
  });

  it("never refills beyond the budget", () => {
    const b = new WeightBudget(100, 0);
    expect(b.available(10 * 60_000)).toBe(100);
  });

  it("refuses a weight larger than the whole budget", () => {
    expect(() => new WeightBudget(100, 0).reserve(101, 0)).toThrow("exceeds");
  });
});
