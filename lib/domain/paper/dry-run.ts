/**
 * DRY_RUN: the exact body a live Hyperliquid `POST /exchange` order would carry,
 * built so it can be logged next to the paper fill. It is NEVER sent and never
 * signed; the signature slot holds a marker instead, so the payload can't be
 * replayed by mistake.
 *
 * Wire shape (Hyperliquid SDKs' order wire; key order matters for the exchange's
 * msgpack action hash, so it is kept): { a: asset index, b: isBuy, p: price,
 * s: size, r: reduceOnly, t: order type }, inside { type: "order", orders,
 * grouping: "na" }. A market order is sent as an aggressive IOC limit, which is
 * how the official SDKs implement market orders.
 */
import { DomainError } from "@/lib/domain/errors";
import { canonicalPrice, type OrderSide } from "./fill";
import { formatPerpPrice, formatSize } from "./hyperliquid-format";

export const DRY_RUN_SIGNATURE = "<not signed: DRY_RUN>";

export interface DryRunOrder {
  side: OrderSide;
  sizeBase: number;
  /** The worst acceptable price (see marketableLimitPrice). */
  limitPrice: number;
  /** True for exits, so a live order could only shrink the position. */
  reduceOnly?: boolean;
}

export interface HyperliquidOrderContext {
  /** Index of the asset in `meta.universe` (BTC is 0 on mainnet). */
  assetIndex: number;
  szDecimals: number;
  /** Hyperliquid nonces are the current time in ms; passed in to keep this pure. */
  nonce: number;
}

export interface HyperliquidOrderWire {
  a: number;
  b: boolean;
  p: string;
  s: string;
  r: boolean;
  t: { limit: { tif: "Ioc" } };
}

export interface HyperliquidOrderPayload {
  action: { type: "order"; orders: HyperliquidOrderWire[]; grouping: "na" };
  nonce: number;
  signature: typeof DRY_RUN_SIGNATURE;
}

export function hyperliquidOrderPayload(order: DryRunOrder, context: HyperliquidOrderContext): HyperliquidOrderPayload {
  const { assetIndex, szDecimals, nonce } = context;
  if (!Number.isSafeInteger(assetIndex) || assetIndex < 0) {
    throw new DomainError("VALIDATION_FAILED", "assetIndex must be a whole number ≥ 0", "assetIndex");
  }
  if (!Number.isSafeInteger(nonce) || nonce <= 0) {
    throw new DomainError("VALIDATION_FAILED", "nonce must be a positive whole number (ms epoch)", "nonce");
  }
  const isBuy = order.side === "buy";
  const wire: HyperliquidOrderWire = {
    a: assetIndex,
    b: isBuy,
    p: formatPerpPrice(order.limitPrice, szDecimals, isBuy ? "up" : "down"),
    s: formatSize(order.sizeBase, szDecimals),
    r: order.reduceOnly ?? false,
    t: { limit: { tif: "Ioc" } },
  };
  return { action: { type: "order", orders: [wire], grouping: "na" }, nonce, signature: DRY_RUN_SIGNATURE };
}

/**
 * The IOC limit a live market order would use: the reference moved against the
 * trader by `slippageBps` (the SDKs default to 5%, i.e. 500 bps; passing the
 * execution config's maxSlippageBps makes the live order no looser than paper).
 */
export function marketableLimitPrice(side: OrderSide, referencePrice: number, slippageBps: number): number {
  if (!(Number.isFinite(referencePrice) && referencePrice > 0) || !(Number.isFinite(slippageBps) && slippageBps >= 0)) {
    throw new DomainError("VALIDATION_FAILED", "reference price and slippage must be finite and positive", "limitPrice");
  }
  const factor = side === "buy" ? 10_000 + slippageBps : 10_000 - slippageBps;
  return canonicalPrice((referencePrice * factor) / 10_000);
}
