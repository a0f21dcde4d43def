/**
 * floor(s × num / den) for one rate num/den and many integers s, exactly.
 *
 * A settlement divides one pool among up to millions of tickets, each at
 * stake × (pool share / stake on the clone). The products overflow 2^53 in any
 * real race, so BigInt is the reference; but BigInt costs ~150 ns a ticket and
 * plain doubles ~4 ns, so doubles are used where the answer is provably exact
 * and BigInt everywhere else:
 *
 * Write num = q·den + r (0 ≤ r < den). Then floor(s·num/den) = q·s + floor(s·r/den).
 * - q·s is at most the result, which callers guarantee is a safe integer
 *   (a share of a pool that is itself a safe integer), so the double product is exact.
 * - With s, r, den ≤ 2^53 (exact doubles), e = fl(fl(r·s)/den) is the true
 *   t = r·s/den within two roundings: |e − t| ≤ t·(2·2^-53 + 2^-106) < 2^-50·e.
 *   frac = e − floor(e) is exact (Sterbenz for e ≥ 1). If frac lies farther
 *   than that error from both 0 and 1, t lies in the same unit interval as e
 *   and floor(t) = floor(e). The margin used, (e + 1)·2^-45, is 32× the bound
 *   and also covers the rounding of 1 − frac.
 * - Otherwise (t is, or is very near, a whole number) the ticket goes to BigInt.
 */

export interface ProRata {
  /** floor(s × num / den); s must be a safe integer ≥ 0 with s × num / den ≤ 2^53 − 1. */
  of(s: number): number;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MARGIN = 2 ** -45;

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The rate num/den (num ≥ 0, den > 0), reduced, ready to apply to many stakes. */
export function proRata(num: bigint, den: bigint): ProRata {
  if (den <= 0n || num < 0n) throw new RangeError(`pro-rata rate ${num}/${den} must have num ≥ 0 and den > 0`);
  const g = gcd(num, den);
  const n = num / g;
  const d = den / g;
  const exact = (s: number) => Number((n * BigInt(s)) / d);
  if (d > MAX_SAFE || n / d > MAX_SAFE) return { of: exact };
  const q = Number(n / d);
  const r = Number(n % d);
  const dn = Number(d);
  if (r === 0) return { of: (s) => q * s };
  return {
    of(s) {
      const e = (r * s) / dn;
      const whole = Math.floor(e);
      const frac = e - whole;
      const margin = (e + 1) * MARGIN;
      return frac > margin && 1 - frac > margin ? q * s + whole : exact(s);
    },
  };
}

/** floor(a × b / c) for one-off figures (creator payouts, pool splits), in BigInt. */
export function floorMulDiv(a: number | bigint, b: number | bigint, c: number | bigint): number {
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}
