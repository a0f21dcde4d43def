/** The rules of a ticket (PRODUCT.md §8): one clone of the accumulating race, 1 to 1,000 credits. */
import { DomainError } from "../errors";
import { formatCredits } from "../money";
import type { RaceStatus } from "./lifecycle";

export const MIN_STAKE_CENTS = 100;
export const MAX_STAKE_CENTS = 100_000;
export const MAX_CLIENT_KEY_LENGTH = 100;

export function checkStake(stakeCents: number): number {
  if (!Number.isSafeInteger(stakeCents)) throw new DomainError("VALIDATION_FAILED", "The stake must be a whole number of cents", "stakeCents");
  if (stakeCents < MIN_STAKE_CENTS || stakeCents > MAX_STAKE_CENTS) {
    throw new DomainError("VALIDATION_FAILED", `The stake must be from ${formatCredits(MIN_STAKE_CENTS)} to ${formatCredits(MAX_STAKE_CENTS)} credits`, "stakeCents");
  }
  return stakeCents;
}

export function checkClientKey(key: string): string {
  const k = key.trim();
  if (!k || k.length > MAX_CLIENT_KEY_LENGTH) throw new DomainError("VALIDATION_FAILED", `The request key must be 1 to ${MAX_CLIENT_KEY_LENGTH} characters`, "clientKey");
  return k;
}

/** Why a race takes no tickets, or null when it does. */
export function ticketsClosedReason(race: { status: RaceStatus; number: number; launchAtMs: number }, now: number): string | null {
  if (race.status !== "ACCUMULATING") return `Race #${race.number} is ${race.status.toLowerCase()}: tickets are sold only while a race is accumulating`;
  if (now >= race.launchAtMs) return `Race #${race.number} is launching: tickets are closed`;
  return null;
}
