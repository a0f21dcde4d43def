import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { recurringSlot } from "./recurring";

const MINUTE = 60_000;

describe("recurringSlot", () => {
  it.each([
    {
      name: "exactly on a slot boundary starts that slot",
      def: { name: "ledger.audit", everyMs: MINUTE },
      at: "2026-01-01T00:01:00.000Z",
      start: "2026-01-01T00:01:00.000Z",
      next: "2026-01-01T00:02:00.000Z",
    },
    {
      name: "1 ms before the boundary is still the previous slot",
      def: { name: "ledger.audit", everyMs: MINUTE },
      at: "2026-01-01T00:00:59.999Z",
      start: "2026-01-01T00:00:00.000Z",
      next: "2026-01-01T00:01:00.000Z",
    },
    {
      name: "mid-slot rounds down",
      def: { name: "ledger.audit", everyMs: MINUTE },
      at: "2026-01-01T00:01:30.500Z",
      start: "2026-01-01T00:01:00.000Z",
      next: "2026-01-01T00:02:00.000Z",
    },
    {
      name: "slots are aligned to the epoch, not to the hour",
      def: { name: "odd", everyMs: 11 * MINUTE },
      at: "2026-01-01T00:00:00.000Z",
      // 2026-01-01 is 29_453_760 minutes after the epoch; 29_453_760 mod 11 = 6
      start: "2025-12-31T23:54:00.000Z",
      next: "2026-01-01T00:05:00.000Z",
    },
    {
      name: "hourly",
      def: { name: "race.settle", everyMs: 60 * MINUTE },
      at: "2026-03-15T10:59:59.000Z",
      start: "2026-03-15T10:00:00.000Z",
      next: "2026-03-15T11:00:00.000Z",
    },
    {
      name: "before the epoch still floors",
      def: { name: "old", everyMs: MINUTE },
      at: "1969-12-31T23:59:30.000Z",
      start: "1969-12-31T23:59:00.000Z",
      next: "1970-01-01T00:00:00.000Z",
    },
  ])("$name", ({ def, at, start, next }) => {
    const slot = recurringSlot(def, new Date(at));
    expect(slot.slotStart.toISOString()).toBe(start);
    expect(slot.nextSlotStart.toISOString()).toBe(next);
    expect(slot.dedupeKey).toBe(`${def.name}@${start}`);
    expect(slot.name).toBe(def.name);
  });

  it("gives the key from the product example", () => {
    const slot = recurringSlot({ name: "ledger.audit", everyMs: MINUTE }, new Date("2026-01-01T00:01:42.000Z"));
    expect(slot.dedupeKey).toBe("ledger.audit@2026-01-01T00:01:00.000Z");
  });

  it.each([
    { name: "an empty name", def: { name: " ", everyMs: MINUTE }, at: new Date(0) },
    { name: "a zero period", def: { name: "x", everyMs: 0 }, at: new Date(0) },
    { name: "a fractional period", def: { name: "x", everyMs: 1.5 }, at: new Date(0) },
    { name: "an invalid date", def: { name: "x", everyMs: MINUTE }, at: new Date(Number.NaN) },
  ])("rejects $name", ({ def, at }) => {
    expect(() => recurringSlot(def, at)).toThrow(DomainError);
  });
});
