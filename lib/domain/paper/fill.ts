/**
 * Prices one paper fill. The caller picks the reference price (the next candle's
 * open, or the latest mid) so nothing here can peek at data after the decision.
 *
 * - Buys take the asks and fill above the reference; sells hit the bids and fill
 *   below it. When the top of book is known the fill starts from the touch
 *   (max(reference, bestAsk) for a buy, min(reference, bestBid) for a sell), so a
 *   paper buy never beats the best ask.
 * - price = touch × (10,000 ± slippageBps) ÷ 10,000, kept to 12 significant figures:
 *   enough for any venue tick, short enough that the notional is exact in µ$.
 * - notionalMicro = price × size and feeMicro = notional × takerFeeBps, both exact
 *   and rounded half away from zero (money-micro.ts).
 */
import { DomainError } from "@/lib/domain/errors";
import { DEFAULT_EXECUTION_CONFIG, type ExecutionConfig } from "./config";
import { applyBps, mulPriceSize, type Micro } from "./money-micro";

export type OrderSide = "buy" | "sell";

export interface PriceFillInput {
  side: OrderSide;
  sizeBase: number;
  /** The next available price: the next candle's open or the latest mid. */
  referencePrice: number;
  bestBid?: number;
  bestAsk?: number;
  /** USD within 1% of mid on the side the order takes; see sideDepthUsd. */
  depthUsd?: number;
  config?: ExecutionConfig;
  /** When the fill happens (ms epoch): the position's clock and funding start from it. */
  time: number;
}

export interface PaperFill {
  side: OrderSide;
  sizeBase: number;
  price: number;
  referencePrice: number;
  /** The price slippage was applied to: the reference, or the touch if worse. */
  touchPrice: number;
  slippageBps: number;
  impactBps: number;
  depthSource: "book" | "fallback";
  notionalMicro: Micro;
  feeMicro: Micro;
  time: number;
}

export interface SlippageQuote {
  slippageBps: number;
  impactBps: number;
  depthSource: "book" | "fallback";
}

/** The side of the book an order consumes: asks for a buy, bids for a sell. */
export function sideDepthUsd(
  side: OrderSide,
  book: { bidDepthUsd?: number | null; askDepthUsd?: number | null },
): number | undefined {
  return (side === "buy" ? book.askDepthUsd : book.bidDepthUsd) ?? undefined;
}

export function quoteSlippage(notionalUsd: number, depthUsd: number | undefined, config: ExecutionConfig): SlippageQuote {
  const known = depthUsd !== undefined && Number.isFinite(depthUsd) && depthUsd >= 0;
  const depth = known ? depthUsd : config.fallbackDepthUsd;
  // An empty side (0 USD) is known illiquidity, not missing data: it costs the cap.
  const rawImpact = depth > 0 ? (config.impactBpsAtFullDepth * notionalUsd) / depth : Number.POSITIVE_INFINITY;
  const slippage = Math.min(config.maxSlippageBps, config.baseSlippageBps + rawImpact);
  const impact = slippage - config.baseSlippageBps;
  // 1e-4 bp is a 1e-8 relative move, below any tick; rounding it strips float noise.
  return {
    slippageBps: roundBps(slippage),
    impactBps: roundBps(Math.max(0, impact)),
    depthSource: known ? "book" : "fallback",
  };
}

export function priceFill(input: PriceFillInput): PaperFill {
  const config = input.config ?? DEFAULT_EXECUTION_CONFIG;
  const { side, sizeBase, referencePrice } = input;
  requirePositive(referencePrice, "referencePrice");
  requirePositive(sizeBase, "sizeBase");
  if (!Number.isSafeInteger(input.time)) throw new DomainError("VALIDATION_FAILED", "time must be a ms epoch", "time");
  const touch = touchPrice(side, referencePrice, input.bestBid, input.bestAsk);
  const quote = quoteSlippage(sizeBase * referencePrice, input.depthUsd, config);
  const factor = side === "buy" ? 10_000 + quote.slippageBps : 10_000 - quote.slippageBps;
  const price = canonicalPrice((touch * factor) / 10_000);
  const notionalMicro = mulPriceSize(price, sizeBase);
  return {
    side,
    sizeBase,
    price,
    referencePrice,
    touchPrice: touch,
    ...quote,
    notionalMicro,
    feeMicro: applyBps(notionalMicro, config.takerFeeBps),
    time: input.time,
  };
}

/** 12 significant figures: removes float noise such as 95014.25000000001. */
export function canonicalPrice(price: number): number {
  return Number(price.toPrecision(12));
}

function touchPrice(side: OrderSide, reference: number, bestBid?: number, bestAsk?: number): number {
  if (side === "buy") return isPositive(bestAsk) ? Math.max(reference, bestAsk) : reference;
  return isPositive(bestBid) ? Math.min(reference, bestBid) : reference;
}

function roundBps(bps: number): number {
  return Math.round(bps * 10_000) / 10_000;
}

function isPositive(x: number | undefined): x is number {
  return x !== undefined && Number.isFinite(x) && x > 0;
}

function requirePositive(x: number, field: string): void {
  if (!isPositive(x)) throw new DomainError("VALIDATION_FAILED", `${field} must be a positive finite number`, field);
}
