/**
 * The context packet from rows already read: the pure half of the context resolver.
 * Whoever reads market memory (the live resolver through its "before T" reads, a
 * backtest from series it loaded once) hands over what a decision at T may see,
 * and this builds the packet: which streams, which points and datapoints, which
 * indicators, how fresh, and what is stale or missing. A live decision and a
 * backtest therefore cannot disagree on what a clone saw.
 *
 * Reading is described by packetReads(graph): per Hyperliquid perp the closed
 * minutes, funding points and asset contexts the graph needs at most, per
 * Polymarket market and DefiLlama series the depth. The source answers with the
 * NEWEST rows stamped before T (a minute only once closed), oldest first.
 */
import { indicatorWarmupBars } from "@/lib/domain/graph/indicators";
import { lookbackMs } from "@/lib/domain/graph/data-stream";
import { assetsOf, streamsOf } from "@/lib/domain/graph/queries";
import type { AssetBlock, CloneGraph, DataStreamBlock } from "@/lib/domain/graph/schema";
import { GRANULARITY_MS } from "@/lib/domain/graph/vocabulary";
import type { Candle } from "@/lib/domain/market/types";
import { freshness, type AssetPacket, type ContextPacket, type StreamPacket } from "./context-packet";
import { streamIndicators, type IndicatorObjects } from "./packet-indicators";
import { Stamp } from "./stamp";

const M = 60_000;
const D = 86_400_000;

export type PacketRow = Record<string, number | string | null>;

export interface BookTopRow {
  time: number;
  bestBid: number;
  bestAsk: number;
  mid: number;
  spreadBps: number;
  bidDepthUsd: number;
  askDepthUsd: number;
}

export interface FundingRow {
  time: number;
  rate: number;
  premium: number;
}

/** An asset context row as market memory stores it (time first, then the stored fields). */
export type ContextRow = { time: number } & Record<string, number | null>;

/** The complete bars of one candle stream at T, and their packet rows. */
export interface CandleWindow {
  /** complete bars of the stream's granularity, ascending */
  readonly bars: readonly Candle[];
  /** barPoint(bar, stream) of the last retrievalDepth bars (a source may keep them precomputed) */
  readonly points: readonly PacketRow[];
  /** the bars' closes and open times, when the source keeps them in typed arrays (see CandleRun) */
  readonly closes?: ArrayLike<number>;
  readonly openTimes?: ArrayLike<number>;
  readonly from?: number;
  readonly to?: number;
  readonly ascending?: boolean;
}

export interface PerpAtT {
  /** the newest closed 1-minute candle before T */
  lastMinute: Candle | null;
  /** the bars built from the newest candleMinutes(stream) closed minutes (see candleWindowOf) */
  candles(stream: DataStreamBlock): CandleWindow;
  /** the newest top of book stamped before T, however old */
  book: BookTopRow | null;
  /** the newest funding points before T: at least packetReads' depth of them when there are */
  funding: readonly FundingRow[];
  contexts: readonly ContextRow[];
}

export interface PacketMarket {
  /** null: market memory has no such Hyperliquid asset */
  perp(symbol: string): PerpAtT | null;
  /** null: no such Polymarket market; snapshot only when it was updated before T */
  prediction(slug: string): { prices: readonly { time: number; price: number }[]; snapshot: { volume: number | null; liquidity: number | null } | null } | null;
  /** null: no such series; the newest points before T (depth + 1 of them) */
  macro(series: string): readonly { time: number; value: number }[] | null;
}

export interface PacketReads {
  /** per Hyperliquid symbol: closed minutes, funding points and asset contexts to read */
  perps: Map<string, { minutes: number; funding: number; contexts: number }>;
  predictions: Map<string, number>;
  macro: Map<string, number>;
}

export interface BuildOptions {
  /**
   * compute an indicator, and list a candle stream's points, only when read (a backtest's
   * rules read few indicators, and most read no points): the values are the same
   */
  lazyIndicators?: boolean;
  /**
   * (with lazyIndicators) the candle streams' packets and indicators objects of an earlier
   * packet built with the same `reuse`, rewritten for this one instead of made anew: that
   * earlier packet then reads as this one. For a caller that reads each packet only until
   * it builds the next (a backtest: its decision reads it, nothing keeps it); from
   * packetReuse(), one per caller.
   */
  reuse?: PacketReuse;
}

/** What BuildOptions.reuse rewrites: per candle stream block, its lazy stream packet and its indicators object. */
export interface PacketReuse {
  streams: Map<DataStreamBlock, { packet: StreamPacket; state: { window: CandleWindow } }>;
  indicators: IndicatorObjects;
}

export function packetReuse(): PacketReuse {
  return { streams: new Map(), indicators: new Map() };
}

/** 1-minute candles a candle stream reads: its bars plus indicator warm-up, within its lookback. */
export function candleMinutes(s: DataStreamBlock): number {
  const step = GRANULARITY_MS[s.granularity];
  const bars = s.retrievalDepth + Math.max(0, ...s.indicators.map(indicatorWarmupBars));
  // one extra bar of minutes, so the oldest complete bar is whole after alignment
  return Math.min((bars + 1) * (step / M), Math.floor(lookbackMs(s.lookback) / M) + step / M);
}

/** What a decision on this graph reads: each perp once, with the most any of its streams needs. */
export function packetReads(graph: CloneGraph): PacketReads {
  const reads: PacketReads = { perps: new Map(), predictions: new Map(), macro: new Map() };
  for (const asset of assetsOf(graph)) {
    for (const s of streamsOf(graph, asset)) {
      if (s.source === "hyperliquid") {
        const symbol = s.symbol ?? asset.symbol;
        const need = reads.perps.get(symbol) ?? { minutes: 1, funding: 0, contexts: 0 };
        if (s.dataset === "candles") need.minutes = Math.max(need.minutes, candleMinutes(s));
        if (s.dataset === "funding") need.funding = Math.max(need.funding, s.retrievalDepth);
        if (s.dataset === "open-interest") need.contexts = Math.max(need.contexts, s.retrievalDepth);
        reads.perps.set(symbol, need);
      } else if (s.source === "polymarket" && s.market) {
        reads.predictions.set(s.market, Math.max(reads.predictions.get(s.market) ?? 0, s.retrievalDepth));
      } else if (s.source === "defillama" && s.series) {
        // one more than the stream shows for the change column, and one more for today's point (not known until the day ends)
        reads.macro.set(s.series, Math.max(reads.macro.get(s.series) ?? 0, s.retrievalDepth + 2));
      }
    }
  }
  return reads;
}

/** a stream's row keys (time, then its datapoints), kept for a frozen block: barPoint's and pick's rows start as a copy */
const rowShapes = new WeakMap<DataStreamBlock, PacketRow>();

/** One bar as a packet point: its open time and the datapoints the stream asks for. */
export function barPoint(c: Candle, s: DataStreamBlock): PacketRow {
  // A stream's rows all have its keys in its order: a row starts as a copy of an earlier
  // one and takes its own values, the same row as one built key by key, ~5 times faster
  // (a backtest makes a row for every bar of a year). Kept for a frozen block only.
  const shape = rowShapes.get(s);
  const row: PacketRow = shape ? { ...shape } : {};
  row.time = c.openTime;
  for (let k = 0; k < s.datapoints.length; k++) {
    const d = s.datapoints[k]!;
    row[d] = (c as unknown as Record<string, number>)[d] ?? null;
  }
  // a copy of its own, so no reader of a packet can change the keys the next rows get
  if (!shape && Object.isFrozen(s)) rowShapes.set(s, { ...row });
  return row;
}

export function buildPacket(graph: CloneGraph, T: number, market: PacketMarket, options: BuildOptions = {}): ContextPacket {
  const layout = layoutOf(graph);
  // lists made at their length (a list grown by push starts with room for 16)
  const assets = new Array<AssetPacket>(layout.length);
  const problems: ContextPacket["problems"] = [];
  for (let a = 0; a < layout.length; a++) {
    const { asset, key, streams: blocks } = layout[a]!;
    const streams = new Array<StreamPacket>(blocks.length);
    let lastPrice: number | null = null;
    for (let b = 0; b < blocks.length; b++) {
      const stream = blocks[b]!;
      const resolved = streamPacket(market, asset.symbol, stream, T, options.lazyIndicators ?? false, options.reuse);
      streams[b] = resolved.packet;
      lastPrice ??= resolved.lastPrice;
      if (resolved.packet.freshness.status !== "ok") {
        problems.push({
          asset: asset.symbol,
          blockId: stream.id,
          status: resolved.packet.freshness.status,
          reason: resolved.packet.freshness.reason ?? resolved.packet.freshness.status,
        });
      }
    }
    assets[a] = { key, venue: asset.venue, symbol: asset.symbol, enabled: asset.enabled, lastPrice, streams };
  }
  return { decisionTime: T, assets, problems };
}

type Layout = { asset: AssetBlock; key: string; streams: DataStreamBlock[] }[];
const layouts = new WeakMap<CloneGraph, Layout>();

/** The graph's assets and their streams; kept for a frozen graph (a saved version never changes). */
function layoutOf(graph: CloneGraph): Layout {
  const kept = layouts.get(graph);
  if (kept) return kept;
  const layout = assetsOf(graph).map((asset) => ({ asset, key: `${asset.venue}:${asset.symbol}`, streams: streamsOf(graph, asset) }));
  if (Object.isFrozen(graph)) layouts.set(graph, layout);
  return layout;
}

interface Resolved {
  packet: StreamPacket;
  lastPrice: number | null;
}

type Base = Pick<StreamPacket, "blockId" | "source" | "dataset" | "granularity" | "include">;

// module functions rather than closures per stream: a backtest builds a packet at every decision
function pick(s: DataStreamBlock, row: Record<string, number | string | null>, names: Record<string, string>): PacketRow {
  // time first, then the datapoints in the block's order (as Object.fromEntries of those pairs);
  // started as a copy of the stream's row shape, as barPoint does (the same keys in the same order)
  const shape = rowShapes.get(s);
  const out: PacketRow = shape ? { ...shape } : {};
  out.time = row.time ?? null;
  for (let k = 0; k < s.datapoints.length; k++) {
    const d = s.datapoints[k]!;
    out[d] = row[names[d] ?? d] ?? null;
  }
  if (!shape && Object.isFrozen(s)) rowShapes.set(s, { ...out });
  return out;
}

// base's keys written out, not spread: a key added to a spread object costs ~1 µs on Node 20
// (SPREAD_NOTE in lib/domain/strategies/common.ts); the same packet, key for key

function missing(base: Base, reason: string): Resolved {
  const packet: StreamPacket = {
    blockId: base.blockId, source: base.source, dataset: base.dataset, granularity: base.granularity, include: base.include,
    freshness: { status: "missing", asOf: null, reason }, points: [], indicators: {},
  };
  return { packet, lastPrice: null };
}

function done(base: Base, T: number, points: PacketRow[], asOf: number | null, lastPrice: number | null): Resolved {
  const packet: StreamPacket = {
    blockId: base.blockId, source: base.source, dataset: base.dataset, granularity: base.granularity, include: base.include,
    freshness: freshness(base.dataset, asOf, T), points, indicators: {},
  };
  return { packet, lastPrice };
}

function newest<R>(rows: readonly R[], n: number): readonly R[] {
  return rows.length > n ? rows.slice(rows.length - n) : rows;
}

/**
 * A candle stream's packet whose points are listed from its window when first read,
 * through one accessor for every packet (its window stamped on the packet, see
 * ./stamp.ts): the same keys in the same order, the same points when read. A backtest's
 * momentum rule reads the packet's EMAs at every decision and never its points, whose
 * rows and list were ~20% of what a backtest allocated.
 */
function lazyCandlePacket(s: DataStreamBlock, asOf: StreamPacket["freshness"], window: CandleWindow, indicators: StreamPacket["indicators"], reuse?: PacketReuse): StreamPacket {
  const kept = reuse?.streams.get(s);
  if (kept) {
    // the same keys, in the same order, rewritten for this decision
    kept.packet.freshness = asOf;
    kept.state.window = window;
    kept.packet.indicators = indicators;
    return kept.packet;
  }
  const packet = { blockId: s.id, source: s.source, dataset: s.dataset, granularity: s.granularity, include: s.include, freshness: asOf } as StreamPacket;
  const state = { window };
  Stamp.stamp(packet, state);
  Object.defineProperty(packet, "points", LAZY_POINTS);
  packet.indicators = indicators;
  reuse?.streams.set(s, { packet, state });
  return packet;
}

const LAZY_POINTS: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: StreamPacket) {
    return Stamp.of<{ window: CandleWindow }>(this).window.points;
  },
};

const OPEN_INTEREST_NAMES = { openInterest: "openInterest", markPrice: "markPx", oraclePrice: "oraclePx", dayVolume: "dayNtlVlm" };
const BOOK_NAMES = { spread: "spreadBps", bidDepth: "bidDepthUsd", askDepth: "askDepthUsd" };
const FUNDING_NAMES = { funding: "rate" };
const SAME: Record<string, string> = {};

function streamPacket(market: PacketMarket, assetSymbol: string, s: DataStreamBlock, T: number, lazy: boolean, reuse: PacketReuse | undefined): Resolved {
  if (s.source === "hyperliquid" && s.dataset === "candles") {
    const perp = market.perp(s.symbol ?? assetSymbol);
    if (perp) {
      const window = perp.candles(s);
      const last = perp.lastMinute;
      const asOf = freshness("candles", last ? last.openTime + M : null, T);
      // written out, not spread from a base: the one stream every rules clone reads, at every decision
      if (lazy) return { packet: lazyCandlePacket(s, asOf, window, streamIndicators(window, s, lazy, reuse?.indicators), reuse), lastPrice: last?.close ?? null };
      const packet: StreamPacket = {
        blockId: s.id, source: s.source, dataset: s.dataset, granularity: s.granularity, include: s.include,
        freshness: asOf, points: window.points as PacketRow[], indicators: streamIndicators(window, s, lazy),
      };
      return { packet, lastPrice: last?.close ?? null };
    }
  }
  const base: Base = { blockId: s.id, source: s.source, dataset: s.dataset, granularity: s.granularity, include: s.include };

  if (s.source === "hyperliquid") {
    const symbol = s.symbol ?? assetSymbol;
    const perp = market.perp(symbol);
    if (!perp) return missing(base, `market memory has no Hyperliquid asset ${symbol}`);
    if (s.dataset === "funding") {
      const points = newest(perp.funding, s.retrievalDepth);
      return done(base, T, points.map((p) => pick(s, p as unknown as PacketRow, FUNDING_NAMES)), points.at(-1)?.time ?? null, null);
    }
    if (s.dataset === "open-interest") {
      const points = newest(perp.contexts, s.retrievalDepth);
      return done(base, T, points.map((p) => pick(s, p, OPEN_INTEREST_NAMES)), points.at(-1)?.time ?? null, points.at(-1)?.markPx ?? null);
    }
    const book = perp.book;
    const top = book && { time: book.time, bestBid: book.bestBid, bestAsk: book.bestAsk, spreadBps: book.spreadBps, bidDepthUsd: book.bidDepthUsd, askDepthUsd: book.askDepthUsd };
    return done(base, T, top ? [pick(s, top, BOOK_NAMES)] : [], book?.time ?? null, book?.mid ?? null);
  }

  if (s.source === "polymarket") {
    const found = s.market ? market.prediction(s.market) : null;
    if (!found) return missing(base, `market memory has no Polymarket market ${s.market ?? "(none given)"}`);
    const points = newest(found.prices, s.retrievalDepth);
    // volume and liquidity are a snapshot refreshed over time: only usable if it predates T
    const snapshot = found.snapshot ?? { volume: null, liquidity: null };
    return done(base, T, points.map((p) => pick(s, { ...p, ...snapshot }, SAME)), points.at(-1)?.time ?? null, points.at(-1)?.price ?? null);
  }

  const series = s.series ? market.macro(s.series) : null;
  if (!series) return missing(base, `market memory has no DefiLlama series ${s.series ?? "(none given)"}`);
  // a daily point is known at the end of its day: only days that ended by T (today's running value is not known yet)
  const points = newest(series.filter((p) => p.time + D <= T), s.retrievalDepth + 1);
  const withChange = points.slice(1).map((p, i) => ({ ...p, change: p.value - points[i]!.value }));
  const last = points.at(-1);
  return done(base, T, withChange.map((p) => pick(s, p, SAME)), last ? last.time + D : null, null);
}
