/**
 * The market as an order placed at T meets it: the latest mid (else the last closed
 * candle's close) and the order book, both from before T, and the asset's size
 * decimals. The fill's "next available price" is that latest price.
 */
import type { Db } from "@/server/db";
import { tickFor, type TickMemo } from "../market/tick-memo";

export interface MarketAtT {
  referencePrice: number;
  bestBid?: number;
  bestAsk?: number;
  bidDepthUsd?: number;
  askDepthUsd?: number;
  szDecimals: number;
  /** the exchange's index of the asset, when known (DRY_RUN payloads need it) */
  assetIndex?: number;
  /** when that price was known */
  priceTime: number;
}

/** @param tick the decision's market reads at T: the context resolver already made this one */
export async function marketAt(db: Db, symbol: string, T: number, tick?: TickMemo): Promise<MarketAtT | null> {
  const perp = await tickFor(db, T, tick).perp(symbol, 1);
  if (!perp) return null;
  const { mid, book } = perp;
  const candle = perp.minutes.at(-1);
  const candlePrice = candle && { price: candle.close, time: candle.openTime + 60_000 };
  const latest = mid && (!candlePrice || mid.time >= candlePrice.time) ? mid : candlePrice;
  if (!latest) return null;
  const meta = JSON.parse(perp.meta) as { szDecimals?: number; assetIndex?: number };
  return {
    referencePrice: latest.price,
    priceTime: latest.time,
    szDecimals: meta.szDecimals ?? 4,
    ...(meta.assetIndex !== undefined && meta.assetIndex >= 0 && { assetIndex: meta.assetIndex }),
    ...(book && { bestBid: book.bestBid, bestAsk: book.bestAsk, bidDepthUsd: book.bidDepthUsd, askDepthUsd: book.askDepthUsd }),
  };
}
