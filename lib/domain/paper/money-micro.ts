/**
 * Paper USD amounts are integer micro-dollars (1 USD = 1,000,000 µ$) in a `number`.
 * A safe integer reaches 2^53 µ$ ≈ 9.007e9 USD, far above any synthetic account;
 * anything outside is refused (INVARIANT_VIOLATED), never silently rounded.
 *
 * One rounding rule everywhere: ROUND HALF AWAY FROM ZERO, on the exact decimal
 * product (see exact-decimal.ts). It is symmetric for longs and shorts (a loss of
 * 0.5 µ$ rounds to −1 exactly as a gain rounds to +1) and is what a person checking
 * a statement by hand expects; banker's rounding would only matter for biases far
 * below one micro-dollar per fill.
 */
import { DomainError } from "@/lib/domain/errors";
import { divCeil, divRoundHalfAway, divTrunc, formatScaled, pow10, roundSmallScaled, toSafeNumber, toScaled, toSmallScaled } from "./exact-decimal";

export type Micro = number;

export const MICRO_PER_USD = 1_000_000;
const MICRO_SCALE = 6;

export function assertMicro(value: number, field = "amount"): Micro {
  if (!Number.isSafeInteger(value)) {
    throw new DomainError("INVARIANT_VIOLATED", `${field} must be a whole number of micro-dollars below 2^53`, field);
  }
  return value;
}

/** Sums micro-dollar amounts, refusing a total that would leave the exact range. */
export function sumMicro(values: readonly number[], field = "sum"): Micro {
  let total = 0;
  for (let i = 0; i < values.length; i++) total = addMicro(total, values[i]!, field);
  return total;
}

/** One step of sumMicro: total + value, each checked (sumMicro([a, b]) is addMicro(addMicro(0, a), b), without the list). */
export function addMicro(total: Micro, value: number, field = "sum"): Micro {
  return assertMicro(total + assertMicro(value, field), field);
}

/** 12.3456785 USD -> 12,345,679 µ$ (half away from zero). */
export function usdToMicro(usd: number): Micro {
  const { digits, scale } = toScaled(usd, "usd");
  return scaledToMicro(digits, scale, "usd");
}

/** For display and ratios only; micro-dollars stay the source of truth. */
export function microToUsd(micro: Micro): number {
  return assertMicro(micro) / MICRO_PER_USD;
}

/** "-1234.5" for −1,234,500,000 µ$: exact, no float formatting. */
export function formatMicroUsd(micro: Micro): string {
  return formatScaled(BigInt(assertMicro(micro)), MICRO_SCALE);
}

// A position's size is valued again and again at new prices (a backtest values its position at
// every decision and funding hour): the last size's decimal is kept, read from the same String(x).
// -0 and 0 share it (=== holds, and both are written "0"); NaN never matches.
let lastSize = Number.NaN;
let lastSmallSize: ReturnType<typeof toSmallScaled> = null;

/** price × size in micro-dollars, exact before the single rounding. */
export function mulPriceSize(price: number, sizeBase: number): Micro {
  // most prices and sizes have few digits: their product is then exact in a double,
  // and rounded by the same rule without bigint (a backtest values a position often)
  const small = toSmallScaled(price);
  if (small && sizeBase !== lastSize) {
    lastSmallSize = toSmallScaled(sizeBase);
    lastSize = sizeBase;
  }
  const smallSize = small && lastSmallSize;
  if (small && smallSize) {
    const product = small.digits * smallSize.digits;
    const micro = Number.isSafeInteger(product) ? roundSmallScaled(product, small.scale + smallSize.scale - MICRO_SCALE) : null;
    if (micro !== null) return micro;
  }
  const p = toScaled(price, "price");
  const s = toScaled(sizeBase, "sizeBase");
  return scaledToMicro(p.digits * s.digits, p.scale + s.scale, "notional");
}

/** amount × rate (a plain fraction, e.g. an hourly funding rate 0.0000125). */
export function mulMicroRate(micro: Micro, rate: number): Micro {
  const small = smallProduct(micro, rate, 0);
  if (small !== null) return small;
  const r = toScaled(rate, "rate");
  return roundScaled(BigInt(assertMicro(micro)) * r.digits, r.scale, "amount × rate");
}

/** amount × bps / 10,000 (fees: 4.5 bps of 9,501,425,000 µ$ = 4,275,641 µ$). */
export function applyBps(micro: Micro, bps: number): Micro {
  const small = smallProduct(micro, bps, 4);
  if (small !== null) return small;
  const b = toScaled(bps, "bps");
  return roundScaled(BigInt(assertMicro(micro)) * b.digits, b.scale + 4, "amount × bps");
}

/**
 * micro × x × 10^-shift rounded as roundScaled rounds it, without bigint, when x has
 * few digits and the product of the integers is exact in a double (a safe integer:
 * past 2^53 the double product is never one); null otherwise, for the bigint path
 * to answer or refuse. A backtest books a fee at every fill and funding every hour.
 */
function smallProduct(micro: Micro, x: number, shift: number): Micro | null {
  if (!Number.isSafeInteger(micro)) return null;
  const small = toSmallScaled(x);
  if (!small) return null;
  const product = micro * small.digits;
  return Number.isSafeInteger(product) ? roundSmallScaled(product, small.scale + shift) : null;
}

/**
 * amount ÷ divisor rounded UP: margin is reserved conservatively, so a position
 * never reserves a micro-dollar less than its notional ÷ leverage.
 */
export function divMicroCeil(micro: Micro, divisor: number): Micro {
  if (!(divisor > 0)) throw new DomainError("VALIDATION_FAILED", "divisor must be positive", "divisor");
  const d = toScaled(divisor, "divisor");
  return toSafeNumber(divCeil(BigInt(assertMicro(micro)) * pow10(d.scale), d.digits), "amount ÷ divisor");
}

/** Rounds a size toward zero to szDecimals, so an order never exceeds what was asked. */
export function roundSizeDown(sizeBase: number, szDecimals: number): number {
  assertSzDecimals(szDecimals);
  const { digits, scale } = toScaled(sizeBase, "sizeBase");
  if (scale <= szDecimals) return sizeBase;
  return Number(formatScaled(divTrunc(digits, pow10(scale - szDecimals)), szDecimals));
}

/**
 * The largest size on the szDecimals lot whose notional at `price` does not exceed
 * `notionalMicro`, computed exactly (1,000 USD at 95,000 with 5 decimals -> 0.01052).
 */
export function sizeForNotional(notionalMicro: Micro, price: number, szDecimals: number): number {
  assertSzDecimals(szDecimals);
  if (!(price > 0)) throw new DomainError("VALIDATION_FAILED", "price must be positive", "price");
  const p = toScaled(price, "price");
  const num = BigInt(assertMicro(notionalMicro)) * pow10(p.scale + szDecimals);
  const den = p.digits * pow10(MICRO_SCALE);
  return Number(formatScaled(divTrunc(num, den), szDecimals));
}

function assertSzDecimals(szDecimals: number): void {
  if (!Number.isInteger(szDecimals) || szDecimals < 0 || szDecimals > 12) {
    throw new DomainError("VALIDATION_FAILED", "szDecimals must be an integer from 0 to 12", "szDecimals");
  }
}

/** A USD decimal (digits × 10^-scale USD) to whole micro-dollars. */
function scaledToMicro(digits: bigint, scale: number, field: string): Micro {
  return roundScaled(digits, scale - MICRO_SCALE, field);
}

/** digits × 10^-scale rounded half away from zero to an integer. */
function roundScaled(digits: bigint, scale: number, field: string): number {
  const value = scale <= 0 ? digits * pow10(-scale) : divRoundHalfAway(digits, pow10(scale));
  return toSafeNumber(value, field);
}
