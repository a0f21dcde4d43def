/**
 * Exact decimal arithmetic for paper execution. Market data arrives as floats, but
 * a float like 95014.25 stands for the decimal the venue printed, so every value is
 * read as its shortest round-trip decimal (what `String(x)` shows) and multiplied
 * with bigint. That keeps micro-dollar results identical on every machine and free
 * of artefacts such as 0.1 * 3 = 0.30000000000000004.
 */
import { DomainError } from "@/lib/domain/errors";

/** `digits × 10^-scale`, with scale ≥ 0. */
export interface ScaledDecimal {
  digits: bigint;
  scale: number;
}

const SHORTEST = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

export function toScaled(x: number, field = "value"): ScaledDecimal {
  if (!Number.isFinite(x)) throw new DomainError("VALIDATION_FAILED", `${field} must be a finite number`, field);
  const m = SHORTEST.exec(String(x));
  if (!m) throw new DomainError("VALIDATION_FAILED", `${field} is not a decimal number`, field);
  const [, sign = "", int = "0", frac = "", exp = "0"] = m;
  let digits = BigInt(`${sign}${int}${frac}`);
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    digits *= pow10(-scale);
    scale = 0;
  }
  return { digits, scale };
}

/** 10^0 … 10^22, each exact in a double (literals, not Math.pow) */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, n) => Number(`1e${n}`));

/**
 * toScaled(x) with its digits as a plain number, when they are few enough to be exact
 * in one (at most 15 digits, as most prices and sizes have): read from the same
 * String(x), so the same decimal. null when they are not, or x is written with an
 * exponent ("1e-7") or is not finite: the caller then takes the bigint path.
 */
export function toSmallScaled(x: number): { digits: number; scale: number } | null {
  const text = String(x);
  const negative = text.charCodeAt(0) === 45; // "-"
  let digits = 0;
  let count = 0;
  let scale = 0;
  let fraction = false;
  for (let i = negative ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++count > 15) return null;
      digits = digits * 10 + (c - 48);
      if (fraction) scale++;
    } else if (c === 46 && !fraction) {
      fraction = true; // "."
    } else {
      return null; // "e", "Infinity", "NaN"
    }
  }
  return count === 0 ? null : { digits: negative ? -digits : digits, scale };
}

/**
 * digits × 10^-scale rounded half away from zero to an integer, as divRoundHalfAway
 * rounds it, for safe-integer digits; null when the digits or the result leave the
 * safe range (or 10^scale is not exact), for the bigint path to answer or refuse.
 */
export function roundSmallScaled(digits: number, scale: number): number | null {
  if (!Number.isSafeInteger(digits) || scale > 22 || scale < -22) return null;
  if (scale <= 0) {
    // an integer times 10^-scale: exact whenever the product is a safe integer
    const value = digits * POWERS_OF_TEN[-scale]!;
    return Number.isSafeInteger(value) ? value + 0 : null; // + 0: never -0, as Number(0n)
  }
  const den = POWERS_OF_TEN[scale]!;
  const size = Math.abs(digits);
  // % and the division of the remainder-free part are exact on safe integers
  const r = size % den;
  const q = (size - r) / den + (r * 2 >= den ? 1 : 0);
  return digits < 0 && q !== 0 ? -q : q;
}

export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Rounds num/den to an integer, halves away from zero (den > 0). */
export function divRoundHalfAway(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r = num % den;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= den) return num < 0n ? q - 1n : q + 1n;
  return q;
}

/** Rounds num/den toward zero (den > 0). bigint division already truncates. */
export function divTrunc(num: bigint, den: bigint): bigint {
  return num / den;
}

/** Rounds num/den toward +∞ (den > 0). */
export function divCeil(num: bigint, den: bigint): bigint {
  const q = num / den;
  return num % den > 0n ? q + 1n : q;
}

/** Rounds num/den toward −∞ (den > 0). */
export function divFloor(num: bigint, den: bigint): bigint {
  const q = num / den;
  return num % den < 0n ? q - 1n : q;
}

/** The plain decimal string of digits × 10^-scale, trailing zeros removed ("95013", "0.01"). */
export function formatScaled(digits: bigint, scale: number): string {
  const negative = digits < 0n;
  let text = (negative ? -digits : digits).toString();
  if (scale > 0) {
    text = text.padStart(scale + 1, "0");
    const int = text.slice(0, text.length - scale);
    const frac = text.slice(text.length - scale).replace(/0+$/, "");
    text = frac === "" ? int : `${int}.${frac}`;
  }
  return negative && text !== "0" ? `-${text}` : text;
}

/** Number of a bigint that must fit in a float exactly. */
export function toSafeNumber(value: bigint, field: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new DomainError("INVARIANT_VIOLATED", `${field} exceeds the exact range of a number (2^53)`, field);
  }
  return Number(value);
}
