/**
 * settleRace against the rules of PRODUCT.md §8 written out a second way, with
 * exact fractions, over thousands of seeded random races: small and huge stakes,
 * dead heats, unbacked places, shared creators, custom place shares.
 */
import { describe, expect, it } from "vitest";
import { settleRace } from "./settle";
import { seededRandom } from "./test-random";
import type { SettlementInput, SettlementResult, SettlementTicket } from "./types";

const RACES = 4_000;
const big = BigInt;

/** A non-negative fraction n/d in BigInt. */
type Q = { n: bigint; d: bigint };
const q = (n: bigint, d = 1n): Q => ({ n, d });
const add = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
const div = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);

function randomRace(rng: ReturnType<typeof seededRandom>): SettlementInput {
  const n = rng.int(2, rng.chance(0.8) ? 8 : 12);
  const creators = rng.int(1, n);
  // few distinct equities, so dead heats are common
  const levels = rng.int(1, n);
  const entrants = Array.from({ length: n }, (_, i) => ({
    cloneId: `c${i}`,
    creatorId: rng.pick(["u", "U", "v"]) + rng.int(1, creators),
    finalEquityCents: 1_000_000 + rng.int(0, levels - 1) * rng.pick([1, 137, 50_000]),
  }));
  // bet on a random subset of the clones, so places go unbacked
  const backable = entrants.filter(() => rng.chance(0.6)).map((e) => e.cloneId);
  const count = backable.length === 0 || rng.chance(0.05) ? 0 : rng.int(1, rng.pick([3, 20, 80]));
  const huge = rng.chance(0.1);
  const tickets: SettlementTicket[] = Array.from({ length: count }, (_, i) => ({
    ticketId: `t${i}`,
    cloneId: rng.pick(backable),
    userId: `p${rng.int(1, 10)}`,
    // huge stakes take the BigInt paths; the total stays below 2^53
    stakeCents: huge ? rng.int(1, Math.floor(Number.MAX_SAFE_INTEGER / count)) : rng.int(1, rng.pick([100, 100_000])),
  }));
  const placeShares = rng.chance(0.6) ? undefined : Array.from({ length: rng.int(1, 5) }, () => rng.pick<number>([0, rng.int(1, 100)]));
  if (placeShares && !placeShares.some((s) => s > 0)) placeShares[0] = 1;
  return { entrants, tickets, ...(placeShares ? { placeShares } : {}) };
}

/** The rules, again: each clone's weight (pooled over a dead heat) and share of D, as exact fractions. */
function reference(input: SettlementInput, stakesOn: Map<string, bigint>): { weight: Map<string, Q>; shares: Map<string, Q> | "refund" } {
  const placeShares = input.placeShares ?? [60, 25, 15];
  const paid = Math.min(placeShares.length, input.entrants.length - 1);
  const equities = input.entrants.map((e) => e.finalEquityCents);
  const weight = new Map<string, Q>();
  for (const e of input.entrants) {
    const above = equities.filter((x) => x > e.finalEquityCents).length;
    const tied = equities.filter((x) => x === e.finalEquityCents).length;
    let pool = 0n;
    for (let position = above + 1; position <= above + tied; position++) pool += position <= paid ? big(placeShares[position - 1]!) : 0n;
    weight.set(e.cloneId, q(pool, big(tied)));
  }
  const backed = input.entrants.filter((e) => weight.get(e.cloneId)!.n > 0n && (stakesOn.get(e.cloneId) ?? 0n) > 0n);
  if (backed.length === 0) return { weight, shares: "refund" };
  const total = backed.reduce((w, e) => add(w, weight.get(e.cloneId)!), q(0n));
  return { weight, shares: new Map(backed.map((e) => [e.cloneId, div(weight.get(e.cloneId)!, total)])) };
}

function check(input: SettlementInput, r: SettlementResult, seen: Record<string, number>) {
  const G = input.tickets.reduce((g, t) => g + big(t.stakeCents), 0n);
  const stakesOn = new Map<string, bigint>();
  for (const t of input.tickets) stakesOn.set(t.cloneId, (stakesOn.get(t.cloneId) ?? 0n) + big(t.stakeCents));

  // pools and conservation, in BigInt so no rounding can hide a cent
  expect(big(r.grossCents)).toBe(G);
  expect(big(r.rakeCents)).toBe((G * 5n) / 100n);
  expect(big(r.creatorPoolCents)).toBe((G * 5n) / 100n);
  expect(r.distributionCents).toBe(r.grossCents - r.rakeCents - r.creatorPoolCents);
  const payouts = [...r.ticketPayouts, ...r.creatorPayouts].map((p) => p.payoutCents);
  for (const p of [...payouts, r.breakageCents]) if (!(Number.isSafeInteger(p) && p >= 0)) expect.fail(`payout or breakage ${p} is not a whole number ≥ 0`);
  expect(big(r.rakeCents) + payouts.reduce((s, p) => s + big(p), 0n) + big(r.breakageCents)).toBe(G);

  // ranking: every clone once, best first, competition places, dead heats in input order
  const index = new Map(input.entrants.map((e, i) => [e.cloneId, i]));
  const equity = (id: string) => input.entrants[index.get(id)!]!.finalEquityCents;
  expect(r.ranking.map((x) => x.cloneId).sort()).toEqual(input.entrants.map((e) => e.cloneId).sort());
  r.ranking.forEach((x, i) => {
    expect(x.place).toBe(1 + input.entrants.filter((e) => e.finalEquityCents > equity(x.cloneId)).length);
    const prev = r.ranking[i - 1];
    if (prev) expect(equity(prev.cloneId) > equity(x.cloneId) || (equity(prev.cloneId) === equity(x.cloneId) && index.get(prev.cloneId)! < index.get(x.cloneId)!)).toBe(true);
    if (prev && prev.place === x.place) seen.deadHeats!++;
  });

  // tickets: every one in input order; each the floor of its exact share
  expect(r.ticketPayouts.map((t) => t.ticketId)).toEqual(input.tickets.map((t) => t.ticketId));
  const { weight, shares } = reference(input, stakesOn);
  expect(r.refund).toBe(shares === "refund");
  const D = q(big(r.distributionCents));
  input.tickets.forEach((t, i) => {
    const paid = r.ticketPayouts[i]!.payoutCents;
    const share = shares === "refund" ? q(big(t.stakeCents), G) : mul(shares.get(t.cloneId) ?? q(0n), q(big(t.stakeCents), stakesOn.get(t.cloneId)!));
    const exact = mul(D, share);
    // paid ≤ exact < paid + 1 cent; so a ticket on a clone without a share (exact 0) gets 0
    if (!(big(paid) * exact.d <= exact.n && exact.n < (big(paid) + 1n) * exact.d)) expect.fail(`ticket ${t.ticketId} paid ${paid}, exact ${exact.n}/${exact.d}`);
  });
  if (shares === "refund") seen[input.tickets.length ? "refunds" : "noTickets"]!++;
  else {
    const weighted = input.entrants.filter((e) => weight.get(e.cloneId)!.n > 0n);
    if (weighted.some((e) => !stakesOn.has(e.cloneId))) seen.sharePassedOn!++;
    if (input.entrants.some((e) => stakesOn.has(e.cloneId) && !shares.has(e.cloneId))) seen.backedButUnpaid!++;
  }

  // creators: each once, by plain string order; floor(CP · stakes on its clones / G), so more stake never earns less
  const creatorIds = [...new Set(input.entrants.map((e) => e.creatorId))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  expect(r.creatorPayouts.map((c) => c.creatorId)).toEqual(creatorIds);
  const stakeOfCreator = (u: string) => input.entrants.filter((e) => e.creatorId === u).reduce((s, e) => s + (stakesOn.get(e.cloneId) ?? 0n), 0n);
  for (const c of r.creatorPayouts) {
    expect(big(c.payoutCents)).toBe(G === 0n ? 0n : (big(r.creatorPoolCents) * stakeOfCreator(c.creatorId)) / G);
    if (input.entrants.filter((e) => e.creatorId === c.creatorId).length > 1) seen.sharedCreators!++;
  }
  for (const a of r.creatorPayouts) for (const b of r.creatorPayouts) if (stakeOfCreator(a.creatorId) > stakeOfCreator(b.creatorId)) expect(a.payoutCents).toBeGreaterThanOrEqual(b.payoutCents);

  if (r.breakageCents > 0) seen.breakage!++;
  if (r.grossCents > 2 ** 40) seen.huge!++;
}

describe("settleRace over random races", () => {
  it(`keeps every rule on ${RACES} seeded races`, () => {
    const rng = seededRandom(20_260_101);
    const seen: Record<string, number> = { deadHeats: 0, refunds: 0, noTickets: 0, backedButUnpaid: 0, sharePassedOn: 0, sharedCreators: 0, breakage: 0, huge: 0 };
    for (let i = 0; i < RACES; i++) {
      const input = randomRace(rng);
      check(input, settleRace(input), seen);
    }
    // the generator reaches every situation the rules treat differently
    for (const [situation, count] of Object.entries(seen)) expect(count, situation).toBeGreaterThan(RACES / 100);
  });
});
