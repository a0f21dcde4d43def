/**
 * Hyperliquid's tick and lot rules for perp order strings (gitbook "Tick and lot
 * size"):
 * - size: at most szDecimals decimals;
 * - price: at most 5 significant figures AND at most (6 − szDecimals) decimals;
 *   an integer price is always valid, whatever its significant figures
 *   (123456 is valid, 12345.6 is not).
 * Trailing zeros are removed, as the exchange hashes the strings without them.
 *
 * Rounding direction is ours to choose; the SDKs round to nearest. We round a
 * price toward the MARKETABLE side (a buy up, a sell down) so an IOC order is
 * never less aggressive than the price the paper fill assumed, and a size toward
 * zero so it never exceeds the requested size. So 95012.5 (6 significant figures)
 * with szDecimals 5 becomes "95013" for a buy and "95012" for a sell.
 */
import { DomainError } from "@/lib/domain/errors";
import { divCeil, divFloor, divTrunc, formatScaled, pow10, toScaled } from "./exact-decimal";

export const PERP_MAX_DECIMALS = 6;
export const MAX_SIGNIFICANT_FIGURES = 5;

export type PriceRounding = "up" | "down";

/** The number of decimals a valid perp price near `price` may have. */
export function allowedPriceDecimals(price: number, szDecimals: number): number {
  const { digits, scale } = toScaled(price, "price");
  const text = formatScaled(digits, scale);
  const [int = "0", frac = ""] = text.split(".");
  // magnitude = exponent of the leading digit: 95012.5 -> 4, 0.00123 -> -3.
  const magnitude = int !== "0" ? int.length - 1 : -((/^0*/.exec(frac)?.[0].length ?? 0) + 1);
  const bySignificantFigures = MAX_SIGNIFICANT_FIGURES - 1 - magnitude;
  return Math.max(0, Math.min(bySignificantFigures, PERP_MAX_DECIMALS - szDecimals));
}

export function formatPerpPrice(price: number, szDecimals: number, rounding: PriceRounding): string {
  if (!(Number.isFinite(price) && price > 0)) {
    throw new DomainError("VALIDATION_FAILED", "price must be a positive finite number", "price");
  }
  const decimals = allowedPriceDecimals(price, szDecimals);
  const { digits, scale } = toScaled(price, "price");
  const rounded =
    scale <= decimals
      ? digits * pow10(decimals - scale)
      : (rounding === "up" ? divCeil : divFloor)(digits, pow10(scale - decimals));
  if (rounded <= 0n) {
    throw new DomainError("VALIDATION_FAILED", `price ${price} rounds to zero at ${decimals} decimals`, "price");
  }
  return formatScaled(rounded, decimals);
}

export function formatSize(sizeBase: number, szDecimals: number): string {
  if (!(Number.isFinite(sizeBase) && sizeBase > 0)) {
    throw new DomainError("VALIDATION_FAILED", "size must be a positive finite number", "sizeBase");
  }
  if (!Number.isInteger(szDecimals) || szDecimals < 0) {
    throw new DomainError("VALIDATION_FAILED", "szDecimals must be a whole number ≥ 0", "szDecimals");
  }
  const { digits, scale } = toScaled(sizeBase, "sizeBase");
  const truncated = scale <= szDecimals ? digits * pow10(szDecimals - scale) : divTrunc(digits, pow10(scale - szDecimals));
  if (truncated <= 0n) {
    throw new DomainError("VALIDATION_FAILED", `size ${sizeBase} rounds to zero at ${szDecimals} decimals`, "sizeBase");
  }
  return formatScaled(truncated, szDecimals);
}
