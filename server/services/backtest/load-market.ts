/**
 * Market memory a backtest reads, loaded once for its window: every Hyperliquid
 * perp the graph's streams read, and the traded asset (its fills and exits), with
 * as much history before the window as a decision at its start reads (packetReads);
 * Polymarket markets and DefiLlama series likewise.
 */
import type { MarketSeries, PerpSeries, PredictionSeries } from "@/lib/domain/backtest/series";
import { packetReads } from "@/lib/domain/decisions/build-packet";
import type { CloneGraph } from "@/lib/domain/graph/schema";
import type { Db } from "@/server/db";
import { loadMacroSeries, loadPerpSeries, loadPredictionSeries } from "@/server/repositories/market/backtest-series";

export async function loadBacktestMarket(db: Db, graph: CloneGraph, asset: string, from: number, to: number): Promise<MarketSeries> {
  const reads = packetReads(graph);
  const perps = new Map<string, PerpSeries>();
  for (const symbol of new Set([asset, ...reads.perps.keys()])) {
    const needs = reads.perps.get(symbol) ?? { minutes: 1, funding: 0, contexts: 0 };
    const series = await loadPerpSeries(db, symbol, from, to, needs);
    if (series) perps.set(symbol, series);
  }
  const predictions = new Map<string, PredictionSeries>();
  for (const [slug, depth] of reads.predictions) {
    const series = await loadPredictionSeries(db, slug, from, to, depth);
    if (series) predictions.set(slug, series);
  }
  const macro = new Map<string, { time: number; value: number }[]>();
  for (const [name, depth] of reads.macro) {
    const series = await loadMacroSeries(db, name, from, to, depth);
    if (series) macro.set(name, series);
  }
  return { perps, predictions, macro };
}
