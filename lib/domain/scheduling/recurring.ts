/**
 * Recurring work as a sequence of fixed slots aligned to the Unix epoch: every
 * scheduler instance computes the same slot and the same dedupe key for the same
 * moment, so the database's unique key lets exactly one job exist per slot no
 * matter how many workers are ticking.
 */
import { DomainError } from "../errors";

export interface RecurringDefinition {
  name: string;
  everyMs: number;
}

export interface RecurringSlot {
  name: string;
  /** When the slot began: the job's runAt. */
  slotStart: Date;
  /** When the next slot begins. */
  nextSlotStart: Date;
  /** `<name>@<slotStart ISO>`, e.g. `ledger.audit@2026-01-01T00:01:00.000Z`. */
  dedupeKey: string;
}

export function validateRecurring(def: RecurringDefinition): void {
  if (def.name.trim() === "") throw new DomainError("VALIDATION_FAILED", "a recurring job needs a name", "name");
  if (!Number.isSafeInteger(def.everyMs) || def.everyMs < 1) {
    throw new DomainError("VALIDATION_FAILED", `everyMs of ${def.name} must be a positive integer`, "everyMs");
  }
}

/** The slot that contains `at`. */
export function recurringSlot(def: RecurringDefinition, at: Date): RecurringSlot {
  validateRecurring(def);
  const t = at.getTime();
  if (!Number.isFinite(t)) throw new DomainError("VALIDATION_FAILED", "at must be a valid date", "at");
  const start = Math.floor(t / def.everyMs) * def.everyMs;
  const slotStart = new Date(start);
  return {
    name: def.name,
    slotStart,
    nextSlotStart: new Date(start + def.everyMs),
    dedupeKey: recurringDedupeKey(def.name, slotStart),
  };
}

export function recurringDedupeKey(name: string, slotStart: Date): string {
  return `${name}@${slotStart.toISOString()}`;
}
