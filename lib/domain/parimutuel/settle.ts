/**
 * Settlement of one race (PRODUCT.md §8), exact, in integer cents.
 *
 *   G = Σ stakes; rake = floor(5% G); creator pool CP = floor(5% G); D = G − rake − CP.
 *   A ticket on a backed clone c with weight w_c > 0 is paid floor(D · w_c/W · stake/S_c),
 *   W = Σ weights of the backed weighted clones, S_c = stakes on c.
 *   A creator is paid floor(CP · (stakes on all of its clones) / G).
 *   breakage = (D − Σ ticket payouts) + (CP − Σ creator payouts), to the treasury.
 *
 * Dividing by W (not by the sum of all weights) is how a paid place without
 * tickets passes its share to the other paid places in proportion to theirs.
 *
 * Decisions where the rules say nothing:
 * - Refund (no clone with a weight has a stake): only D goes back, pro-rata
 *   floor(D · stake / G); the rake and the creator pool are still taken, as
 *   §8 says "D is refunded". A CANCELLED race (§7) refunds stakes in full and
 *   is not settled here.
 * - No tickets at all: refund is true (no paid place has tickets) and there
 *   is nothing to pay; every figure is 0 and every creator is listed with 0.
 * - Paid places whose shares are all 0 (placeShares [0, 100] with 2 entrants)
 *   leave no clone with a weight: a refund.
 */
import { DomainError } from "@/lib/domain/errors";
import { placeEntrants } from "./places";
import { floorMulDiv, proRata, type ProRata } from "./pro-rata";
import {
  CREATOR_POOL_PERCENT,
  DEFAULT_PLACE_SHARES,
  RAKE_PERCENT,
  type CreatorPayout,
  type SettlementInput,
  type SettlementResult,
  type TicketPayout,
} from "./types";
import { settlementIssues } from "./validate";

/** floor(p% of g) without a product that could pass 2^53. */
function percentOf(g: number, p: number): number {
  return floorMulDiv(g, p, 100);
}

/** Everything of a settlement but the tickets' payouts: what the stakes per clone decide. */
export interface SettlementPlan {
  grossCents: number;
  rakeCents: number;
  creatorPoolCents: number;
  distributionCents: number;
  refund: boolean;
  ranking: SettlementResult["ranking"];
  creatorPayouts: CreatorPayout[];
  /** per entrant (input order): a ticket on it is paid floor(stake × rate); null: its tickets are paid nothing */
  rates: (ProRata | null)[];
}

/**
 * The split of a race from its entrants and the stakes on each (same order): the
 * pools, the ranking, the creators' payouts and the rate each clone's tickets are
 * paid at. settleRace is this plus one floor(stake × rate) per ticket; a settlement
 * service that keeps the stakes per clone can read only the tickets with a rate.
 */
export function planSettlement(entrants: SettlementInput["entrants"], stakesOn: readonly number[], placeShares: readonly number[] = DEFAULT_PLACE_SHARES): SettlementPlan {
  const gross = stakesOn.reduce((a, s) => a + s, 0);
  const rake = percentOf(gross, RAKE_PERCENT);
  const creatorPool = percentOf(gross, CREATOR_POOL_PERCENT);
  const distribution = gross - rake - creatorPool;

  const placed = placeEntrants(entrants, placeShares);
  const weights = new Array<bigint>(entrants.length).fill(0n);
  let backedWeight = 0n;
  for (const p of placed) {
    if (p.weight > 0n && stakesOn[p.index]! > 0) {
      weights[p.index] = p.weight;
      backedWeight += p.weight;
    }
  }
  const refund = backedWeight === 0n;

  // One rate per entrant: a ticket's payout is floor(stake × rate).
  const refundRate = refund && gross > 0 ? proRata(BigInt(distribution), BigInt(gross)) : null;
  const rates: (ProRata | null)[] = entrants.map((_, c) => {
    if (refund) return refundRate;
    return weights[c]! > 0n ? proRata(BigInt(distribution) * weights[c]!, backedWeight * BigInt(stakesOn[c]!)) : null;
  });
  return {
    grossCents: gross, rakeCents: rake, creatorPoolCents: creatorPool, distributionCents: distribution, refund,
    ranking: placed.map((p) => ({ cloneId: p.cloneId, place: p.place })),
    creatorPayouts: payCreators(entrants, stakesOn, creatorPool, gross),
    rates,
  };
}

/** What flooring left over from the plan's pools, once the tickets are paid; throws if a pool was overpaid. */
export function breakageOf(plan: SettlementPlan, paidToTickets: number): number {
  const paidToCreators = plan.creatorPayouts.reduce((sum, c) => sum + c.payoutCents, 0);
  const ticketBreakage = plan.distributionCents - paidToTickets;
  const creatorBreakage = plan.creatorPoolCents - paidToCreators;
  if (ticketBreakage < 0 || creatorBreakage < 0) {
    throw new DomainError("INVARIANT_VIOLATED", `settlement pays more than its pools: tickets ${paidToTickets} of ${plan.distributionCents}, creators ${paidToCreators} of ${plan.creatorPoolCents}`);
  }
  return ticketBreakage + creatorBreakage;
}

/**
 * Settles a valid race; throws DomainError VALIDATION_FAILED naming the first bad
 * field otherwise (ticket ids are not checked for uniqueness here: see validate.ts).
 */
export function settleRace(input: SettlementInput): SettlementResult {
  const [issue] = settlementIssues(input, { strictKeys: false, uniqueTicketIds: false, limit: 1 });
  if (issue) throw new DomainError("VALIDATION_FAILED", issue.field ? `${issue.field}: ${issue.message}` : issue.message, issue.field || undefined);

  const { entrants, tickets } = input;
  const cloneIndex = new Map<string, number>();
  entrants.forEach((e, i) => cloneIndex.set(e.cloneId, i));
  // Entrant index of each ticket, looked up once (the payout pass reuses it).
  const ticketClone = new Int32Array(tickets.length);
  const stakesOn = new Array<number>(entrants.length).fill(0);
  for (let i = 0; i < tickets.length; i++) {
    const t = tickets[i]!;
    const c = cloneIndex.get(t.cloneId)!;
    ticketClone[i] = c;
    stakesOn[c]! += t.stakeCents;
  }
  const plan = planSettlement(entrants, stakesOn, input.placeShares);

  const ticketPayouts: TicketPayout[] = new Array(tickets.length);
  let paidToTickets = 0;
  for (let i = 0; i < tickets.length; i++) {
    const t = tickets[i]!;
    const rate = plan.rates[ticketClone[i]!];
    const payoutCents = rate ? rate.of(t.stakeCents) : 0;
    paidToTickets += payoutCents;
    ticketPayouts[i] = { ticketId: t.ticketId, payoutCents };
  }

  return {
    grossCents: plan.grossCents,
    rakeCents: plan.rakeCents,
    creatorPoolCents: plan.creatorPoolCents,
    distributionCents: plan.distributionCents,
    breakageCents: breakageOf(plan, paidToTickets),
    refund: plan.refund,
    ranking: plan.ranking,
    ticketPayouts,
    creatorPayouts: plan.creatorPayouts,
  };
}

/** Each creator once, by creatorId in code-unit order: floor(CP × its clones' stakes / G). */
function payCreators(entrants: SettlementInput["entrants"], stakesOn: readonly number[], creatorPool: number, gross: number): CreatorPayout[] {
  const stakesOfCreator = new Map<string, number>();
  entrants.forEach((e, c) => stakesOfCreator.set(e.creatorId, (stakesOfCreator.get(e.creatorId) ?? 0) + stakesOn[c]!));
  return [...stakesOfCreator.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((creatorId) => ({
      creatorId,
      payoutCents: gross === 0 ? 0 : floorMulDiv(creatorPool, stakesOfCreator.get(creatorId)!, gross),
    }));
}
