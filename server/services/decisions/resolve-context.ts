/**
 * The context resolver: a clone graph and a decision time T in, the context packet
 * out. It reads market memory only through the "before T" reads (a perp through the
 * decision's TickMemo, see closed-minutes.ts), so nothing stamped after T can reach
 * a decision, and "now" inside a decision is T, never the clock. Bars are built from
 * the closed minutes by the domain's resample rule. Stale or missing inputs are
 * reported in the packet, stream by stream.
 */
import { freshness, type AssetPacket, type ContextPacket, type StreamPacket } from "@/lib/domain/decisions/context-packet";
import { indicatorWarmupBars } from "@/lib/domain/graph/indicators";
import { lookbackMs } from "@/lib/domain/graph/data-stream";
import { assetsOf, streamsOf } from "@/lib/domain/graph/queries";
import type { AssetBlock, CloneGraph, DataStreamBlock } from "@/lib/domain/graph/schema";
import { GRANULARITY_MS } from "@/lib/domain/graph/vocabulary";
import { computeIndicators } from "@/lib/domain/indicators/compute";
import { resample } from "@/lib/domain/market/resample";
import type { Db } from "@/server/db";
import { findAsset } from "@/server/repositories/market/assets";
import * as before from "@/server/repositories/market/before";
import type { PerpAtT } from "../market/closed-minutes";
import { tickFor, type TickMemo } from "../market/tick-memo";

const M = 60_000;

/**
 * @param tick the market reads at T to go through: a decision shares them with its
 *   paper execution, a runner may share one across the decisions of a tick
 */
export async function resolveContext(db: Db, graph: CloneGraph, decisionTime: number, tick?: TickMemo): Promise<ContextPacket> {
  const market = tickFor(db, decisionTime, tick);
  const minutes = perpMinutes(graph);
  const assets: AssetPacket[] = [];
  const problems: ContextPacket["problems"] = [];
  for (const asset of assetsOf(graph)) {
    const streams: StreamPacket[] = [];
    let lastPrice: number | null = null;
    for (const stream of streamsOf(graph, asset)) {
      const resolved = await resolveStream(db, market, minutes, asset, stream, decisionTime);
      streams.push(resolved.packet);
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
    assets.push({ key: `${asset.venue}:${asset.symbol}`, venue: asset.venue, symbol: asset.symbol, enabled: asset.enabled, lastPrice, streams });
  }
  return { decisionTime, assets, problems };
}

interface Resolved {
  packet: StreamPacket;
  lastPrice: number | null;
}

/** 1-minute candles a candle stream reads: its bars plus indicator warm-up, within its lookback. */
export function candleMinutes(s: DataStreamBlock): number {
  const step = GRANULARITY_MS[s.granularity];
  const bars = s.retrievalDepth + Math.max(0, ...s.indicators.map(indicatorWarmupBars));
  // one extra bar of minutes, so the oldest complete bar is whole after alignment
  return Math.min((bars + 1) * (step / M), Math.floor(lookbackMs(s.lookback) / M) + step / M);
}

/** Per Hyperliquid symbol, the most minutes any of its streams reads: each perp is read once. */
function perpMinutes(graph: CloneGraph): Map<string, number> {
  const need = new Map<string, number>();
  for (const asset of assetsOf(graph)) {
    for (const s of streamsOf(graph, asset)) {
      if (s.source !== "hyperliquid") continue;
      const symbol = s.symbol ?? asset.symbol;
      need.set(symbol, Math.max(need.get(symbol) ?? 1, s.dataset === "candles" ? candleMinutes(s) : 1));
    }
  }
  return need;
}

async function resolveStream(db: Db, market: TickMemo, minutes: Map<string, number>, asset: AssetBlock, s: DataStreamBlock, T: number): Promise<Resolved> {
  const base = { blockId: s.id, source: s.source, dataset: s.dataset, granularity: s.granularity, include: s.include };
  const pick = (row: Record<string, number | string | null>, names: Record<string, string>) =>
    Object.fromEntries([["time", row.time ?? null], ...s.datapoints.map((d) => [d, row[names[d] ?? d] ?? null])]);
  const empty = (reason: string): Resolved => ({
    packet: { ...base, freshness: { status: "missing", asOf: null, reason }, points: [], indicators: {} },
    lastPrice: null,
  });

  if (s.source === "hyperliquid") {
    const symbol = s.symbol ?? asset.symbol;
    const perp = await market.perp(symbol, minutes.get(symbol) ?? 1);
    if (!perp) return empty(`market memory has no Hyperliquid asset ${symbol}`);
    if (s.dataset === "candles") return candles(perp, s, T, base);
    if (s.dataset === "funding") {
      const points = await before.fundingBefore(db, perp.assetId, T, s.retrievalDepth);
      return done(points.map((p) => pick(p, { funding: "rate" })), points.at(-1)?.time ?? null, null);
    }
    if (s.dataset === "open-interest") {
      const points = await before.contextsBefore(db, perp.assetId, T, s.retrievalDepth);
      const names = { openInterest: "openInterest", markPrice: "markPx", oraclePrice: "oraclePx", dayVolume: "dayNtlVlm" };
      return done(points.map((p) => pick(p, names)), points.at(-1)?.time ?? null, points.at(-1)?.markPx ?? null);
    }
    const book = perp.book;
    const names = { spread: "spreadBps", bidDepth: "bidDepthUsd", askDepth: "askDepthUsd" };
    const top = book && { time: book.time, bestBid: book.bestBid, bestAsk: book.bestAsk, spreadBps: book.spreadBps, bidDepthUsd: book.bidDepthUsd, askDepthUsd: book.askDepthUsd };
    return done(top ? [pick(top, names)] : [], book?.time ?? null, book?.mid ?? null);
  }

  if (s.source === "polymarket") {
    const row = s.market ? await findAsset(db, "POLYMARKET", s.market) : null;
    if (!row) return empty(`market memory has no Polymarket market ${s.market ?? "(none given)"}`);
    const points = await before.predictionPricesBefore(db, row.id, T, s.retrievalDepth);
    // volume and liquidity are a snapshot refreshed over time: only usable if it predates T
    const market = await before.predictionMarketOf(db, row.id);
    const snapshot = market && market.updatedAt.getTime() < T ? { volume: market.volume, liquidity: market.liquidity } : { volume: null, liquidity: null };
    return done(points.map((p) => pick({ ...p, ...snapshot }, {})), points.at(-1)?.time ?? null, points.at(-1)?.price ?? null);
  }

  const row = s.series ? await findAsset(db, "DEFILLAMA", s.series) : null;
  if (!row) return empty(`market memory has no DefiLlama series ${s.series ?? "(none given)"}`);
  // a daily point is known at the end of its day: only days that ended by T (today's running value is not known yet)
  const points = await before.macroBefore(db, row.id, T - 86_400_000 + 1, s.retrievalDepth + 1);
  const withChange = points.slice(1).map((p, i) => ({ ...p, change: p.value - points[i]!.value }));
  const newest = points.at(-1);
  return done(withChange.map((p) => pick(p, {})), newest ? newest.time + 86_400_000 : null, null);

  function done(points: Record<string, number | string | null>[], asOf: number | null, lastPrice: number | null): Resolved {
    return { packet: { ...base, freshness: freshness(s.dataset, asOf, T), points, indicators: {} }, lastPrice };
  }
}

function candles(perp: PerpAtT, s: DataStreamBlock, T: number, base: Omit<StreamPacket, "freshness" | "points" | "indicators">): Resolved {
  const step = GRANULARITY_MS[s.granularity];
  const ones = perp.minutes.slice(Math.max(0, perp.minutes.length - candleMinutes(s)));
  // only complete bars: a bar still forming at T, or with a missing minute, is never read
  const resampled = resample(ones, s.granularity, true);
  const last = ones.at(-1);
  const indicators = Object.fromEntries(
    computeIndicators(resampled, s.indicators, { seriesLength: 0, barMs: step }).map((r) => [r.key, r.latest]),
  );
  const points = resampled.slice(-s.retrievalDepth).map((c) => {
    const row: Record<string, number | string | null> = { time: c.openTime };
    for (const d of s.datapoints) row[d] = (c as unknown as Record<string, number>)[d] ?? null;
    return row;
  });
  return {
    packet: { ...base, freshness: freshness("candles", last ? last.openTime + M : null, T), points, indicators },
    lastPrice: last?.close ?? null,
  };
}
