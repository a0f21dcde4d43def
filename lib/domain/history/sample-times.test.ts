import { describe, expect, it } from "vitest";
import { equitySampleTimes, MAX_EQUITY_POINTS } from "./sample-times";

const M = 60_000;
const from = Date.UTC(2026, 6, 1);

describe("equitySampleTimes", () => {
  it.each([
    ["an empty range is its end", { from, to: from, events: [] }, [from]],
    ["ten minutes, no event: one point per minute", { from, to: from + 10 * M, events: [] }, Array.from({ length: 11 }, (_, i) => from + i * M)],
    ["events in between are kept exactly", { from, to: from + 2 * M, events: [from + 30_000, from + 90_000] }, [from, from + 30_000, from + M, from + 90_000, from + 2 * M]],
    ["events outside the range are dropped", { from, to: from + M, events: [from - 1, from + 2 * M] }, [from, from + M]],
    ["a small budget keeps the ends", { from, to: from + 100 * M, events: [], maxPoints: 2 }, [from, from + 100 * M]],
  ])("%s", (_name, input, expected) => {
    expect(equitySampleTimes(input)).toEqual(expected);
  });

  it.each([
    ["a year, no events", 365 * 24 * 60 * M, 0],
    ["a day with 5,000 fills", 24 * 60 * M, 5_000],
    ["a week with 300 fills", 7 * 24 * 60 * M, 300],
  ])("%s stays within the budget, sorted and unique, with both ends", (_name, span, fills) => {
    const events = Array.from({ length: fills }, (_, i) => from + Math.floor(((i + 0.5) / fills) * span));
    const times = equitySampleTimes({ from, to: from + span, events });
    expect(times.length).toBeLessThanOrEqual(MAX_EQUITY_POINTS);
    expect(times.length).toBeGreaterThan(MAX_EQUITY_POINTS * 0.9);
    expect(times[0]).toBe(from);
    expect(times.at(-1)).toBe(from + span);
    expect(times.every((t, i) => i === 0 || t > times[i - 1]!)).toBe(true);
    if (fills > 0 && fills < MAX_EQUITY_POINTS / 2) expect(events.every((e) => times.includes(e))).toBe(true);
  });
});
