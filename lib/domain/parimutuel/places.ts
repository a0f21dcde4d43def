/**
 * Ranking and place weights (PRODUCT.md §8): who finished where, and what
 * share of the distribution pool each clone's place is worth, before stakes
 * are looked at.
 *
 * - Competition ranking: a clone's place is 1 + the number of clones with a
 *   strictly higher final equity; clones in a dead heat keep input order.
 * - Paid places = min(number of place shares, entrants − 1). Places beyond
 *   them are worth 0; the paid ones keep their shares as weights (dividing by
 *   the total weight later is the "renormalized").
 * - Clones in a dead heat occupy consecutive positions (two tied for 1st hold
 *   1st and 2nd), pool those positions' shares and split them equally. To stay
 *   in integers every weight is scaled by L, the lcm of the sizes of the tied
 *   groups that have something to split, so pool × L / size is whole.
 */
import type { RankedClone, SettlementEntrant } from "./types";
import { gcd } from "./pro-rata";

export interface PlacedClone extends RankedClone {
  /** Index of the entrant in the input. */
  index: number;
  /** Integer weight (scaled by the common L); 0 for an unpaid place. */
  weight: bigint;
}

/** Input indexes of the entrants, best first; a stable sort keeps dead heats in input order. */
function rankOrder(entrants: readonly SettlementEntrant[]): number[] {
  return entrants
    .map((_, i) => i)
    .sort((a, b) => {
      const ea = entrants[a]!.finalEquityCents;
      const eb = entrants[b]!.finalEquityCents;
      return ea > eb ? -1 : ea < eb ? 1 : a - b;
    });
}

export function paidPlaces(entrantCount: number, placeShares: readonly number[]): number {
  return Math.max(0, Math.min(placeShares.length, entrantCount - 1));
}

/** Every entrant, best first, with its competition place and its weight. */
export function placeEntrants(entrants: readonly SettlementEntrant[], placeShares: readonly number[]): PlacedClone[] {
  const order = rankOrder(entrants);
  const paid = paidPlaces(entrants.length, placeShares);
  const shareAt = (position: number) => BigInt(position <= paid ? placeShares[position - 1]! : 0);

  // Tied groups as [first position, size, pooled share], positions 1-based.
  const groups: { start: number; size: number; pool: bigint }[] = [];
  for (let i = 0; i < order.length; ) {
    const equity = entrants[order[i]!]!.finalEquityCents;
    let j = i;
    let pool = 0n;
    while (j < order.length && entrants[order[j]!]!.finalEquityCents === equity) pool += shareAt(++j);
    groups.push({ start: i + 1, size: j - i, pool });
    i = j;
  }

  let scale = 1n;
  for (const g of groups) if (g.pool > 0n) scale = lcm(scale, BigInt(g.size));

  const placed: PlacedClone[] = [];
  for (const g of groups) {
    const weight = (g.pool * scale) / BigInt(g.size);
    for (let k = 0; k < g.size; k++) {
      const index = order[g.start - 1 + k]!;
      placed.push({ cloneId: entrants[index]!.cloneId, place: g.start, index, weight });
    }
  }
  return placed;
}

function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}
