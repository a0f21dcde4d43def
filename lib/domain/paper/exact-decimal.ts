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
