/**
 * The market as an order placed at T meets it: the latest mid (else the last closed
 * candle's close) and the order book, both from before T, and the asset's size
 * decimals. The fill's "next available price" is that latest price.
 */
import type { Db } from "@/server/db";
import { findAsset } from "@/server/repositories/market/assets";
import { bookBefore, midBefore } from "@/server/repositories/market/before";
import { latestCandlesBefore } from "@/server/repositories/market/series";

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

export async function marketAt(db: Db, symbol: string, T: number): Promise<MarketAtT | null> {
  const asset = await findAsset(db, "HYPERLIQUID", symbol);
  if (!asset) return null;
  const [mid, [candle], book] = await Promise.all([midBefore(db, asset.id, T), latestCandlesBefore(db, asset.id, T, 1), bookBefore(db, asset.id, T)]);
  const candlePrice = candle && { price: candle.close, time: candle.openTime + 60_000 };
  const latest = mid && (!candlePrice || mid.time >= candlePrice.time) ? mid : candlePrice;
  if (!latest) return null;
  const meta = JSON.parse(asset.meta) as { szDecimals?: number; assetIndex?: number };
  return {
    referencePrice: latest.price,
    priceTime: latest.time,
    szDecimals: meta.szDecimals ?? 4,
    ...(meta.assetIndex !== undefined && meta.assetIndex >= 0 && { assetIndex: meta.assetIndex }),
    ...(book && { bestBid: book.bestBid, bestAsk: book.bestAsk, bidDepthUsd: book.bidDepthUsd, askDepthUsd: book.askDepthUsd }),
  };
}
