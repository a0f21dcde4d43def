/**
 * Seeded randomness for the replay. Only 32-bit integer arithmetic (Math.imul,
 * shifts) feeds the stream, so the same seed string yields the same numbers on
 * every platform; Math.random never appears. Normals invert the normal CDF
 * (Acklam); its rare tail branch and the generator's exp/log go through V8's
 * own fdlibm port, so results do not depend on the host's libm either.
 */

/** cyrb128: a small, well-known string hash giving four 32-bit words to seed sfc32. */
export function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, from PractRand). */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seedText: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(seedText);
    // the first outputs of a freshly seeded sfc32 are still correlated with the seed
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** uniform in [0, 1) */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** standard normal, by inverting the CDF of one uniform (one draw per normal, tails to ~6.2σ) */
  normal(): number {
    return inverseNormalCdf((this.uint32() + 0.5) / 4294967296);
  }
}

// Acklam's rational approximation (relative error < 1.2e-9). The central 95% uses
// only + − × ÷, so most normals cost no transcendental call at all.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277386876] as const;
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
const P_LOW = 0.02425;

export function inverseNormalCdf(p: number): number {
  if (p < P_LOW) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - P_LOW) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  );
}

function tail(q: number): number {
  return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
}

/** A decimal digit string of the given length drawn from a hash of the text (first digit non-zero). */
export function hashDigits(text: string, length: number): string {
  const rng = new Rng(text);
  let out = String(1 + (rng.uint32() % 9));
  while (out.length < length) out += String(rng.uint32() % 1_000_000_000).padStart(9, "0");
  return out.slice(0, length);
}

/** A lowercase hex string of the given length drawn from a hash of the text. */
export function hashHex(text: string, length: number): string {
  const rng = new Rng(text);
  let out = "";
  while (out.length < length) out += rng.uint32().toString(16).padStart(8, "0");
  return out.slice(0, length);
}
