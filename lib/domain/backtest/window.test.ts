import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/domain/errors";
import { backtestWindow } from "./window";

const NOW = Date.UTC(2026, 5, 1, 12, 0, 30);
const D = 86_400_000;

describe("backtestWindow", () => {
  it("floors both ends to the minute", () => {
    expect(backtestWindow(Date.UTC(2026, 0, 1, 0, 0, 59), Date.UTC(2026, 0, 2, 0, 1, 1), NOW)).toEqual({ from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 0, 2, 0, 1) });
  });

  it.each([
    { name: "from after to", from: Date.UTC(2026, 1, 2), to: Date.UTC(2026, 1, 1), field: "from" },
    { name: "from equal to to, once floored", from: Date.UTC(2026, 1, 1, 0, 0, 10), to: Date.UTC(2026, 1, 1, 0, 0, 50), field: "from" },
    { name: "longer than 366 days", from: Date.UTC(2025, 0, 1), to: Date.UTC(2025, 0, 1) + 367 * D, field: "to" },
    { name: "ending in the future", from: Date.UTC(2026, 4, 1), to: Date.UTC(2026, 5, 2), field: "to" },
    { name: "not a time", from: Number.NaN, to: Date.UTC(2026, 1, 1), field: "from" },
  ])("refuses $name, naming $field", ({ from, to, field }) => {
    const thrown = (() => {
      try {
        backtestWindow(from, to, NOW);
      } catch (e) {
        return e;
      }
    })();
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).field).toBe(field);
  });

  it("accepts exactly 366 days and a window ending at the last closed minute", () => {
    const to = Date.UTC(2026, 5, 1, 12, 0);
    expect(backtestWindow(to - 366 * D, to, NOW)).toEqual({ from: to - 366 * D, to });
  });
});
