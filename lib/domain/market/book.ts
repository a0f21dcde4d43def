/**
 * What the product keeps of an order book: the top of the book, the spread, and
 * the USD depth within 1% of the mid on each side, which is what a fill's
 * slippage is scaled against.
 */
import type { BookLevel, OrderBook } from "./types";

export const DEPTH_BAND = 0.01;
export const STORED_LEVELS = 10;

export interface BookSummary {
  time: number;
  bestBid: number;
  bestAsk: number;
  mid: number;
  spreadBps: number;
  bidDepthUsd: number;
  askDepthUsd: number;
  levels: { bids: [number, number, number | null][]; asks: [number, number, number | null][] };
}

export function summarizeBook(book: OrderBook): BookSummary {
  const bids = [...book.bids].sort((a, b) => b.px - a.px);
  const asks = [...book.asks].sort((a, b) => a.px - b.px);
  const bestBid = bids[0]?.px;
  const bestAsk = asks[0]?.px;
  if (bestBid === undefined || bestAsk === undefined) throw new Error(`order book for ${book.symbol} has an empty side`);
  if (bestBid >= bestAsk) throw new Error(`order book for ${book.symbol} is crossed (bid ${bestBid} >= ask ${bestAsk})`);
  const mid = (bestBid + bestAsk) / 2;
  const depth = (levels: BookLevel[], inBand: (px: number) => boolean) =>
    levels.filter((l) => inBand(l.px)).reduce((sum, l) => sum + l.px * l.sz, 0);
  const toRow = (l: BookLevel): [number, number, number | null] => [l.px, l.sz, l.n];
  return {
    time: book.time,
    bestBid,
    bestAsk,
    mid,
    spreadBps: ((bestAsk - bestBid) / mid) * 10_000,
    bidDepthUsd: depth(bids, (px) => px >= mid * (1 - DEPTH_BAND)),
    askDepthUsd: depth(asks, (px) => px <= mid * (1 + DEPTH_BAND)),
    levels: { bids: bids.slice(0, STORED_LEVELS).map(toRow), asks: asks.slice(0, STORED_LEVELS).map(toRow) },
  };
}
