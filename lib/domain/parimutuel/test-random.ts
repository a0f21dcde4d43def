import { mulberry32 } from "../random";

/** A seeded generator for the property tests (mulberry32), so a failure can be replayed. */
export function seededRandom(seed: number) {
  const next = mulberry32(seed);
  /** An integer in [lo, hi]; exact up to 2^53 (two draws past 2^32). */
  const int = (lo: number, hi: number): number => {
    const span = hi - lo + 1;
    if (span <= 2 ** 32) return lo + Math.floor(next() * span);
    return lo + Number((BigInt(Math.floor(next() * 2 ** 32)) * 2n ** 32n + BigInt(Math.floor(next() * 2 ** 32))) % BigInt(span));
  };
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
