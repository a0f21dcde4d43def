/**
 * A PacketMarket over rows read for one decision time T (what the live resolver
 * reads through its "before T" queries, per packetReads): the adapter a resolver
 * hands to buildPacket when it has read everything up front.
 */
import type { DataStreamBlock } from "@/lib/domain/graph/schema";
import type { Candle } from "@/lib/domain/market/types";
import { resample } from "@/lib/domain/market/resample";
import { barPoint, candleMinutes, type BookTopRow, type CandleWindow, type ContextRow, type FundingRow, type PacketMarket, type PerpAtT } from "./build-packet";

export interface PerpRowsAtT {
  /** the newest closed minutes before T, ascending (packetReads' count, or all there are) */
  minutes: readonly Candle[];
  book: BookTopRow | null;
  funding: readonly FundingRow[];
  contexts: readonly ContextRow[];
}

export interface MarketRowsAtT {
  perps: ReadonlyMap<string, PerpRowsAtT | null>;
  predictions?: ReadonlyMap<string, ReturnType<PacketMarket["prediction"]>>;
  macro?: ReadonlyMap<string, ReturnType<PacketMarket["macro"]>>;
}

export function packetMarketOf(rows: MarketRowsAtT): PacketMarket {
  return {
    perp(symbol) {
      const p = rows.perps.get(symbol);
      if (!p) return null;
      const perp: PerpAtT = {
        lastMinute: p.minutes.at(-1) ?? null,
        candles: (s: DataStreamBlock) => candleWindowOf(p.minutes, s),
        book: p.book,
        funding: p.funding,
        contexts: p.contexts,
      };
      return perp;
    },
    prediction: (slug) => rows.predictions?.get(slug) ?? null,
    macro: (series) => rows.macro?.get(series) ?? null,
  };
}

/**
 * A candle stream's window from the newest closed minutes before T, as the live
 * resolver reads them: only complete bars (a bar still forming at T, or with a
 * missing minute, is never read).
 */
export function candleWindowOf(minutes: readonly Candle[], s: DataStreamBlock): CandleWindow {
  const ones = minutes.slice(Math.max(0, minutes.length - candleMinutes(s)));
  const bars = resample(ones, s.granularity, true);
  return { bars, points: bars.slice(-s.retrievalDepth).map((c) => barPoint(c, s)) };
}
