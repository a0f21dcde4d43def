/**
 * How paper fills are priced. Defaults are Hyperliquid-like; every field can be
 * overridden per season or per mode.
 *
 * Slippage (in bps of the touch price, always against the trader):
 *   slippageBps = min(maxSlippageBps, baseSlippageBps + impactBpsAtFullDepth × notional ÷ depth)
 * where depth is the USD resting within 1% of the mid on the side the order takes
 * (asks for a buy, bids for a sell) as market memory stores it (bidDepthUsd /
 * askDepthUsd). Taking all of that depth walks the book across the whole 1% band;
 * with depth spread evenly the average fill sits half-way, hence 50 bps at 100%.
 *
 * When the book is unknown, fills assume `fallbackDepthUsd`: a deliberately thin
 * book, so an unknown market is priced worse than a typical liquid one rather than
 * as if it were free.
 */
import { DomainError } from "@/lib/domain/errors";

export interface ExecutionConfig {
  /** Taker fee in bps of notional; Hyperliquid's base tier is 4.5 bps (0.045%). */
  takerFeeBps: number;
  /** Paid on every fill, whatever its size: the unavoidable cost of crossing. */
  baseSlippageBps: number;
  /** Impact when the order's notional equals the whole depth within 1% of mid. */
  impactBpsAtFullDepth: number;
  /** Upper bound on base + impact, so a huge order on a thin book stays finite. */
  maxSlippageBps: number;
  /** Depth assumed (USD, one side) when the book is unknown. */
  fallbackDepthUsd: number;
}

export const DEFAULT_EXECUTION_CONFIG: Readonly<ExecutionConfig> = Object.freeze({
  takerFeeBps: 4.5,
  baseSlippageBps: 1,
  impactBpsAtFullDepth: 50,
  maxSlippageBps: 100,
  fallbackDepthUsd: 100_000,
});

/** The defaults with overrides applied, each checked (a negative fee would mint money). */
export function executionConfig(overrides: Partial<ExecutionConfig> = {}): ExecutionConfig {
  const config: ExecutionConfig = { ...DEFAULT_EXECUTION_CONFIG, ...overrides };
  for (const [field, value] of Object.entries(config)) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new DomainError("VALIDATION_FAILED", `${field} must be a finite number ≥ 0`, `executionConfig.${field}`);
    }
  }
  if (config.fallbackDepthUsd <= 0) {
    throw new DomainError("VALIDATION_FAILED", "fallbackDepthUsd must be positive", "executionConfig.fallbackDepthUsd");
  }
  if (config.maxSlippageBps >= 10_000) {
    throw new DomainError("VALIDATION_FAILED", "maxSlippageBps must be below 10,000", "executionConfig.maxSlippageBps");
  }
  return config;
}
