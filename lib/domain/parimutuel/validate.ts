/**
 * Checks a race before it is settled: the shape (for JSON from outside) and
 * what the rules need (at least two entrants, unique ids, every ticket on an
 * entrant, stakes and shares in whole cents). Every problem names its field as
 * a path such as `tickets[3].stakeCents` and says why.
 *
 * Decisions:
 * - Only stakes > 0 are required; the 1–1,000 credit limit of §8 is checked
 *   when a ticket is bought, and settlement pays out whatever escrow holds.
 * - Final equity may be any safe integer (a paper account cannot go negative,
 *   but refusing to settle a race over it would help no one).
 * - The total stake must itself be a safe integer, so every pool is one.
 * - validateSettlementInput refuses unknown fields: a misspelled optional
 *   `placeShares` would otherwise settle silently with the default shares.
 *   settleRace (typed callers) ignores extra fields.
 * - settleRace does not hash every ticket id to prove them unique (for a
 *   million tickets that costs several times the whole settlement): its arithmetic does not depend on
 *   ids, payouts are listed in input order, and the tickets it is given come
 *   from a table where the id is the primary key. validateSettlementInput,
 *   for races from outside, does check them.
 * - At most MAX_REPORTED_ERRORS problems are listed; a million bad tickets do
 *   not make a million messages.
 */
import type { SettlementInput } from "./types";

export interface SettlementIssue {
  field: string;
  message: string;
}

export type SettlementValidation = { ok: true; input: SettlementInput } | { ok: false; errors: SettlementIssue[] };

export const MAX_REPORTED_ERRORS = 100;

const FIELDS = {
  race: ["entrants", "tickets", "placeShares"],
  entrant: ["cloneId", "creatorId", "finalEquityCents"],
  ticket: ["ticketId", "cloneId", "userId", "stakeCents"],
} as const;
const KNOWN = {
  race: new Set<string>(FIELDS.race),
  entrant: new Set<string>(FIELDS.entrant),
  ticket: new Set<string>(FIELDS.ticket),
};

export function validateSettlementInput(raw: unknown): SettlementValidation {
  const errors = settlementIssues(raw, { strictKeys: true, uniqueTicketIds: true, limit: MAX_REPORTED_ERRORS });
  // With unknown fields refused, a race that passes is exactly a SettlementInput.
  return errors.length === 0 ? { ok: true, input: raw as SettlementInput } : { ok: false, errors };
}

class Issues {
  readonly list: SettlementIssue[] = [];
  constructor(private readonly limit: number) {}
  get full() {
    return this.list.length >= this.limit;
  }
  add(field: string, message: string) {
    if (this.list.length < this.limit) this.list.push({ field, message });
  }
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function shown(v: unknown): string {
  if (v === undefined) return "nothing";
  const text = typeof v === "bigint" ? `${v}n` : (JSON.stringify(v) ?? String(v));
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function unknownKeys(issues: Issues, obj: Obj, path: string, kind: keyof typeof FIELDS) {
  for (const key in obj) {
    if (!KNOWN[kind].has(key)) issues.add(path ? `${path}.${key}` : key, `is not a field of ${kind === "entrant" ? "an" : "a"} ${kind} (expected ${FIELDS[kind].join(", ")})`);
  }
}

function checkId(issues: Issues, obj: Obj, key: string, path: string): string | undefined {
  const v = obj[key];
  if (typeof v === "string" && v.length > 0) return v;
  issues.add(`${path}.${key}`, v === undefined ? "is required (a non-empty string)" : `must be a non-empty string, got ${shown(v)}`);
  return undefined;
}

export interface IssueOptions {
  /** Refuse fields the race format does not have. */
  strictKeys: boolean;
  /** Check that ticket ids are unique (a hash of every id: the costliest check by far). */
  uniqueTicketIds: boolean;
  /** Stop after this many problems. */
  limit: number;
}

/** All problems of a race, up to `limit`; empty when it can be settled. */
export function settlementIssues(raw: unknown, options: IssueOptions): SettlementIssue[] {
  const issues = new Issues(options.limit);
  if (!isObject(raw)) {
    issues.add("", `a race must be an object with entrants and tickets, got ${shown(raw)}`);
    return issues.list;
  }
  if (options.strictKeys) unknownKeys(issues, raw, "", "race");
  const cloneIds = checkEntrants(issues, raw.entrants, options.strictKeys);
  checkTickets(issues, raw.tickets, cloneIds, options);
  checkPlaceShares(issues, raw.placeShares);
  return issues.list;
}

/** The entrants' clone ids, or undefined when there is no list to check tickets against. */
function checkEntrants(issues: Issues, entrants: unknown, strictKeys: boolean): Map<string, number> | undefined {
  if (!Array.isArray(entrants)) {
    issues.add("entrants", entrants === undefined ? "is required (an array of at least 2 entrants)" : `must be an array of entrants, got ${shown(entrants)}`);
    return undefined;
  }
  if (entrants.length < 2) issues.add("entrants", `a race needs at least 2 entrants, got ${entrants.length}`);
  const seen = new Map<string, number>();
  entrants.forEach((e: unknown, i) => {
    const path = `entrants[${i}]`;
    if (!isObject(e)) return issues.add(path, `must be an object with cloneId, creatorId and finalEquityCents, got ${shown(e)}`);
    if (strictKeys) unknownKeys(issues, e, path, "entrant");
    const cloneId = checkId(issues, e, "cloneId", path);
    checkId(issues, e, "creatorId", path);
    if (!Number.isSafeInteger(e.finalEquityCents)) {
      issues.add(`${path}.finalEquityCents`, `must be a whole number of cents (a safe integer), got ${shown(e.finalEquityCents)}`);
    }
    if (cloneId === undefined) return;
    const first = seen.get(cloneId);
    if (first !== undefined) issues.add(`${path}.cloneId`, `duplicate cloneId ${shown(cloneId)} (also entrants[${first}].cloneId)`);
    else seen.set(cloneId, i);
  });
  return seen;
}

function checkTickets(issues: Issues, tickets: unknown, cloneIds: Map<string, number> | undefined, options: IssueOptions) {
  if (!Array.isArray(tickets)) {
    issues.add("tickets", tickets === undefined ? "is required (an array, empty when no ticket was bought)" : `must be an array of tickets, got ${shown(tickets)}`);
    return;
  }
  const seen = options.uniqueTicketIds ? new Set<string>() : undefined;
  let total = 0;
  for (let i = 0; i < tickets.length && !issues.full; i++) {
    const t: unknown = tickets[i];
    if (!isObject(t)) {
      issues.add(`tickets[${i}]`, `must be an object with ticketId, cloneId, userId and stakeCents, got ${shown(t)}`);
      continue;
    }
    const { ticketId, cloneId, userId, stakeCents: stake } = t;
    // The common case in a few comparisons; paths are only built for a ticket with a problem.
    const fine =
      typeof ticketId === "string" && ticketId !== "" &&
      typeof cloneId === "string" && (cloneIds === undefined || cloneIds.has(cloneId)) &&
      typeof userId === "string" && userId !== "" &&
      typeof stake === "number" && Number.isSafeInteger(stake) && stake > 0;
    if (fine) total += stake;
    else ticketIssues(issues, t, i, cloneIds);
    if (options.strictKeys) unknownKeys(issues, t, `tickets[${i}]`, "ticket");
    if (seen && typeof ticketId === "string" && ticketId !== "") {
      if (seen.has(ticketId)) issues.add(`tickets[${i}].ticketId`, `duplicate ticketId ${shown(ticketId)} (also tickets[${firstTicket(tickets, ticketId)}].ticketId)`);
      else seen.add(ticketId);
    }
  }
  // Each stake is below 2^53, so a sum that passed 2^53 is still above it after rounding.
  if (!Number.isSafeInteger(total)) issues.add("tickets", `the total stake is more than ${Number.MAX_SAFE_INTEGER} cents`);
}

function ticketIssues(issues: Issues, t: Obj, i: number, cloneIds: Map<string, number> | undefined) {
  const path = `tickets[${i}]`;
  checkId(issues, t, "ticketId", path);
  const cloneId = checkId(issues, t, "cloneId", path);
  if (cloneId !== undefined && cloneIds !== undefined && !cloneIds.has(cloneId)) issues.add(`${path}.cloneId`, `${shown(cloneId)} is not an entrant`);
  checkId(issues, t, "userId", path);
  const stake = t.stakeCents;
  if (!(typeof stake === "number" && Number.isSafeInteger(stake) && stake > 0)) issues.add(`${path}.stakeCents`, `must be a positive whole number of cents, got ${shown(stake)}`);
}

function firstTicket(tickets: readonly unknown[], ticketId: string): number {
  return tickets.findIndex((t) => isObject(t) && t.ticketId === ticketId);
}

function checkPlaceShares(issues: Issues, shares: unknown) {
  if (shares === undefined) return;
  if (!Array.isArray(shares) || shares.length === 0) {
    issues.add("placeShares", `must be a non-empty array of whole numbers ≥ 0 (1st, 2nd, …), got ${shown(shares)}`);
    return;
  }
  let valid = true;
  shares.forEach((s: unknown, i) => {
    if (typeof s === "number" && Number.isSafeInteger(s) && s >= 0) return;
    valid = false;
    issues.add(`placeShares[${i}]`, `must be a whole number ≥ 0, got ${shown(s)}`);
  });
  if (valid && !shares.some((s: number) => s > 0)) issues.add("placeShares", "must have a positive sum (at least one place must be paid)");
}
