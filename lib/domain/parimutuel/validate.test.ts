import { describe, expect, it } from "vitest";
import { MAX_REPORTED_ERRORS, validateSettlementInput } from "./validate";

const good = () => ({
  entrants: [
    { cloneId: "a", creatorId: "u1", finalEquityCents: 1_012_345 },
    { cloneId: "b", creatorId: "u2", finalEquityCents: 990_000 },
  ],
  tickets: [
    { ticketId: "t1", cloneId: "a", userId: "u9", stakeCents: 500 },
    { ticketId: "t2", cloneId: "b", userId: "u8", stakeCents: 700 },
  ],
  placeShares: [60, 25, 15],
});
type Race = ReturnType<typeof good> & Record<string, unknown>;

describe("validateSettlementInput", () => {
  it("accepts a valid race, with or without placeShares, and with no tickets", () => {
    const race = good();
    expect(validateSettlementInput(race)).toEqual({ ok: true, input: race });
    const { placeShares: _, ...noShares } = good();
    expect(validateSettlementInput(noShares).ok).toBe(true);
    expect(validateSettlementInput({ ...good(), tickets: [] }).ok).toBe(true);
    expect(validateSettlementInput({ ...good(), entrants: [...good().entrants, { cloneId: "c", creatorId: "u1", finalEquityCents: -5 }] }).ok).toBe(true);
  });

  it.each<[string, (r: Race) => unknown, string, string]>([
    ["not an object", () => [], "", "a race must be an object"],
    ["no entrants", (r) => ({ ...r, entrants: undefined }), "entrants", "is required"],
    ["entrants not an array", (r) => ({ ...r, entrants: {} }), "entrants", "must be an array of entrants"],
    ["one entrant", (r) => ({ ...r, entrants: [r.entrants[0]], tickets: [r.tickets[0]] }), "entrants", "at least 2 entrants, got 1"],
    ["entrant not an object", (r) => ({ ...r, entrants: [r.entrants[0], 7] }), "entrants[1]", "must be an object"],
    ["empty cloneId", (r) => ({ ...r, entrants: [r.entrants[0], { ...r.entrants[1], cloneId: "" }], tickets: [r.tickets[0]] }), "entrants[1].cloneId", "must be a non-empty string"],
    ["missing creatorId", (r) => ({ ...r, entrants: [r.entrants[0], { cloneId: "b", finalEquityCents: 1 }] }), "entrants[1].creatorId", "is required"],
    ["duplicate cloneId", (r) => ({ ...r, entrants: [...r.entrants, { ...r.entrants[0] }] }), "entrants[2].cloneId", 'duplicate cloneId "a" (also entrants[0].cloneId)'],
    ["fractional equity", (r) => ({ ...r, entrants: [r.entrants[0], { ...r.entrants[1], finalEquityCents: 10.5 }] }), "entrants[1].finalEquityCents", "whole number of cents (a safe integer), got 10.5"],
    ["equity as a string", (r) => ({ ...r, entrants: [r.entrants[0], { ...r.entrants[1], finalEquityCents: "100" }] }), "entrants[1].finalEquityCents", 'got "100"'],
    ["unsafe equity", (r) => ({ ...r, entrants: [r.entrants[0], { ...r.entrants[1], finalEquityCents: 2 ** 53 }] }), "entrants[1].finalEquityCents", "safe integer"],
    ["no tickets field", (r) => ({ ...r, tickets: undefined }), "tickets", "is required"],
    ["ticket not an object", (r) => ({ ...r, tickets: [null] }), "tickets[0]", "must be an object"],
    ["ticket on an unknown clone", (r) => ({ ...r, tickets: [{ ...r.tickets[0], cloneId: "zz" }] }), "tickets[0].cloneId", '"zz" is not an entrant'],
    ["duplicate ticketId", (r) => ({ ...r, tickets: [...r.tickets, { ...r.tickets[0] }] }), "tickets[2].ticketId", 'duplicate ticketId "t1" (also tickets[0].ticketId)'],
    ["missing userId", (r) => ({ ...r, tickets: [{ ticketId: "t1", cloneId: "a", stakeCents: 5 }] }), "tickets[0].userId", "is required"],
    ["zero stake", (r) => ({ ...r, tickets: [{ ...r.tickets[0], stakeCents: 0 }] }), "tickets[0].stakeCents", "positive whole number of cents, got 0"],
    ["negative stake", (r) => ({ ...r, tickets: [{ ...r.tickets[0], stakeCents: -100 }] }), "tickets[0].stakeCents", "got -100"],
    ["fractional stake", (r) => ({ ...r, tickets: [r.tickets[0], { ...r.tickets[1], stakeCents: 1.5 }] }), "tickets[1].stakeCents", "got 1.5"],
    ["unsafe stake", (r) => ({ ...r, tickets: [{ ...r.tickets[0], stakeCents: 2 ** 53 }] }), "tickets[0].stakeCents", "positive whole number"],
    ["stakes summing past 2^53", (r) => ({ ...r, tickets: [{ ...r.tickets[0], stakeCents: 2 ** 52 }, { ...r.tickets[1], stakeCents: 2 ** 52 }] }), "tickets", "total stake is more than"],
    ["empty placeShares", (r) => ({ ...r, placeShares: [] }), "placeShares", "non-empty array"],
    ["placeShares not an array", (r) => ({ ...r, placeShares: null }), "placeShares", "got null"],
    ["negative share", (r) => ({ ...r, placeShares: [60, -5] }), "placeShares[1]", "whole number ≥ 0, got -5"],
    ["fractional share", (r) => ({ ...r, placeShares: [60.5] }), "placeShares[0]", "got 60.5"],
    ["shares summing to 0", (r) => ({ ...r, placeShares: [0, 0] }), "placeShares", "positive sum"],
    ["unknown race field", (r) => ({ ...r, placeShare: [100] }), "placeShare", "is not a field of a race"],
    ["unknown entrant field", (r) => ({ ...r, entrants: [{ ...r.entrants[0], equity: 5 }, r.entrants[1]] }), "entrants[0].equity", "is not a field of an entrant"],
    ["unknown ticket field", (r) => ({ ...r, tickets: [{ ...r.tickets[0], stake: 5 }] }), "tickets[0].stake", "is not a field of a ticket"],
  ])("%s", (_name, mutate, field, message) => {
    const result = validateSettlementInput(mutate(good() as Race));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ field, message: expect.stringContaining(message) });
  });

  it("lists every problem, not only the first", () => {
    const r = good();
    const result = validateSettlementInput({ ...r, tickets: [{ ...r.tickets[0], cloneId: "zz", stakeCents: 0 }], placeShares: [] });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(["tickets[0].cloneId", "tickets[0].stakeCents", "placeShares"]);
  });

  it(`stops at ${MAX_REPORTED_ERRORS} problems`, () => {
    const r = good();
    const tickets = Array.from({ length: 1000 }, (_, i) => ({ ...r.tickets[0], ticketId: `t${i}`, stakeCents: 0 }));
    const result = validateSettlementInput({ ...r, tickets });
    expect(result.ok ? 0 : result.errors.length).toBe(MAX_REPORTED_ERRORS);
  });
});
