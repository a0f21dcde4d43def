/**
 * Live odds while a race accumulates (PRODUCT.md §8): each clone's share of the
 * stakes, and the probable payout per credit staked on it if it finishes 1st, 2nd
 * or 3rd. "Probable": the settlement's own split (rake and creator pool taken
 * first, place shares renormalized over the paid places), assuming the other paid
 * places are backed and there is no dead heat. A clone without stakes has no odds
 * yet (null): a first ticket on it would take the whole place share.
 */
import { CREATOR_POOL_PERCENT, DEFAULT_PLACE_SHARES, RAKE_PERCENT } from "../parimutuel/types";

export interface OddsEntrant {
  cloneId: string;
  stakeCents: number;
}

export interface CloneOdds {
  cloneId: string;
  stakeCents: number;
  /** 0..1 of the pool */
  stakeShare: number;
  /** credits back per credit staked if the clone finishes 1st, 2nd, 3rd... (one per paid place) */
  payoutPerCredit: (number | null)[];
}

export function liveOdds(entrants: readonly OddsEntrant[], placeShares: readonly number[] = DEFAULT_PLACE_SHARES): { poolCents: number; distributionCents: number; odds: CloneOdds[] } {
  const poolCents = entrants.reduce((a, e) => a + e.stakeCents, 0);
  const rake = Math.floor((poolCents * RAKE_PERCENT) / 100);
  const creators = Math.floor((poolCents * CREATOR_POOL_PERCENT) / 100);
  const distributionCents = poolCents - rake - creators;
  const paid = placeShares.slice(0, Math.max(0, Math.min(placeShares.length, entrants.length - 1)));
  const total = paid.reduce((a, s) => a + s, 0);
  return {
    poolCents,
    distributionCents,
    odds: entrants.map((e) => ({
      cloneId: e.cloneId,
      stakeCents: e.stakeCents,
      stakeShare: poolCents > 0 ? e.stakeCents / poolCents : 0,
      payoutPerCredit: paid.map((share) => (e.stakeCents > 0 && total > 0 ? (distributionCents * share) / total / e.stakeCents : null)),
    })),
  };
}
