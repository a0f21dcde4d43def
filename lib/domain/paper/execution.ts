/**
 * Paper execution as pure rules: an order priced against the market at T becomes
 * a fill, a position change and the amounts to book. This is what
 * server/services/paper/execute.ts does before it writes rows (it should call
 * these); a backtest runs them in memory, and the parity test holds the two to
 * the same fills, to the micro-dollar.
 *
 * - Open: size = the largest lot of notional margin × leverage at the reference
 *   price (sizeForNotional); an order that rounds to zero is refused.
 * - Close: the whole position, through exitPosition (the one exit function).
 */
import { DEFAULT_EXECUTION_CONFIG, type ExecutionConfig } from "./config";
import { priceFill, sideDepthUsd, type OrderSide, type PaperFill } from "./fill";
import { sizeForNotional } from "./money-micro";
import { exitPosition, openPosition } from "./position";
import { exitSide, type ExitReason, type ExitTrigger, type LedgerDelta, type Position } from "./position-types";

/** The market an order placed at T meets (server/services/paper/market-at.ts reads it). */
export interface MarketQuote {
  referencePrice: number;
  bestBid?: number;
  bestAsk?: number;
  bidDepthUsd?: number;
  askDepthUsd?: number;
  szDecimals: number;
  assetIndex?: number;
  /** when that price was known */
  priceTime: number;
}

export type Executed = { ok: true; fill: PaperFill; position: Position; delta: LedgerDelta } | { ok: false; reason: string; side: OrderSide; sizeBase: number };

export function fillAt(side: OrderSide, sizeBase: number, market: MarketQuote, time: number, config: ExecutionConfig = DEFAULT_EXECUTION_CONFIG): PaperFill {
  return priceFill({
    side,
    sizeBase,
    referencePrice: market.referencePrice,
    bestBid: market.bestBid,
    bestAsk: market.bestAsk,
    depthUsd: market.bidDepthUsd === undefined ? undefined : sideDepthUsd(side, { bidDepthUsd: market.bidDepthUsd, askDepthUsd: market.askDepthUsd ?? 0 }),
    config,
    time,
  });
}

export interface OpenOrder {
  asset: string;
  side: "long" | "short";
  /** margin committed, in micro-dollars (sizePct of equity) */
  marginMicro: number;
  leverage: number;
  stopLoss?: number;
  takeProfit?: number;
  trailingStopPct?: number;
  market: MarketQuote;
  time: number;
  config?: ExecutionConfig;
}

export function executeOpen(r: OpenOrder): Executed {
  const side: OrderSide = r.side === "long" ? "buy" : "sell";
  const sizeBase = sizeForNotional(Math.floor(r.marginMicro * r.leverage), r.market.referencePrice, r.market.szDecimals);
  if (sizeBase <= 0) return { ok: false, reason: `the order rounds to zero ${r.asset} at ${r.market.szDecimals} size decimals`, side, sizeBase: 0 };
  const fill = fillAt(side, sizeBase, r.market, r.time, r.config);
  const opened = openPosition(fill, { asset: r.asset, leverage: r.leverage, stopLoss: r.stopLoss, takeProfit: r.takeProfit, trailingStopPct: r.trailingStopPct, time: r.time });
  return { ok: true, fill, position: opened.position, delta: opened.delta };
}

export function executeClose(position: Position, reason: ExitReason, market: MarketQuote, time: number, trigger?: ExitTrigger, config?: ExecutionConfig): Executed {
  const side = exitSide(position.side);
  const fill = fillAt(side, position.sizeBase, market, time, config);
  const exited = exitPosition(position, reason, fill, { time, trigger });
  if (!exited.ok) return { ok: false, reason: exited.reason, side, sizeBase: fill.sizeBase };
  return { ok: true, fill, position: exited.position, delta: exited.delta };
}
