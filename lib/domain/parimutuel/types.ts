/**
 * The shapes of one race's settlement (PRODUCT.md §8). Money is integer cents;
 * ids are opaque strings.
 */
import type { Cents } from "@/lib/domain/money";

export interface SettlementEntrant {
  cloneId: string;
  creatorId: string;
  /** Equity of the clone's race account at race end; higher ranks better, equal is a dead heat. */
  finalEquityCents: Cents;
}

export interface SettlementTicket {
  ticketId: string;
  cloneId: string;
  userId: string;
  stakeCents: Cents;
}

export interface SettlementInput {
  entrants: readonly SettlementEntrant[];
  tickets: readonly SettlementTicket[];
  /** Shares of 1st, 2nd, 3rd… as integer weights; default [60, 25, 15]. */
  placeShares?: readonly number[];
}

export interface RankedClone {
  cloneId: string;
  /** Competition ranking: two clones tied for 1st are both 1, the next is 3. */
  place: number;
}

export interface TicketPayout {
  ticketId: string;
  payoutCents: Cents;
}

export interface CreatorPayout {
  creatorId: string;
  payoutCents: Cents;
}

export interface SettlementResult {
  grossCents: Cents;
  rakeCents: Cents;
  creatorPoolCents: Cents;
  distributionCents: Cents;
  /** What flooring left over, from the distribution pool and the creator pool; goes to the protocol treasury. */
  breakageCents: Cents;
  /** True when no clone with a share of the pool was backed: the distribution pool went back pro-rata to every ticket. */
  refund: boolean;
  /** Best first; clones in a dead heat keep the order they were given in. */
  ranking: RankedClone[];
  /** Every ticket, in input order. */
  ticketPayouts: TicketPayout[];
  /** Every creator of an entrant once, sorted by creatorId (plain code-unit order). */
  creatorPayouts: CreatorPayout[];
}

export const DEFAULT_PLACE_SHARES: readonly number[] = Object.freeze([60, 25, 15]);

/** Rake and creator pool are each floor(5% of the gross pool). */
export const RAKE_PERCENT = 5;
export const CREATOR_POOL_PERCENT = 5;
