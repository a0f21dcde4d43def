/**
 * The replay source (the embedded default): deterministic market data from a seed,
 * generated up to the application clock's now and stored through the same
 * ingestion path as the live sources. A compressed demo clock produces bars at the
 * compressed pace, because "now" is the clock's.
 */
import { channelId } from "@/lib/domain/market/datasets";
import { REPLAY_ANCHOR, REPLAY_SYMBOLS, replayPerp, UPDOWN_UNDERLYING } from "@/lib/domain/market/replay/assets";
import { replayBook } from "@/lib/domain/market/replay/book";
import { replayAssetContexts } from "@/lib/domain/market/replay/contexts";
import { replayCandles, replayFunding, replayMids } from "@/lib/domain/market/replay/generator";
import { replayPredictionMarkets, replayPredictionPrices } from "@/lib/domain/market/replay/prediction-markets";
import { assetKey, type AssetRef } from "@/lib/domain/market/types";
import type { Clock } from "@/lib/domain/clock";
import type { PrismaClient } from "@/server/db";
import { findChannel } from "@/server/repositories/market/channels";
import { runChannel } from "../ingest";
import { perpAsset, storeBook, storeCandles, storeContexts, storeFunding, storeMids, storePredictionMarket, storePredictionPrices } from "../store";

const M = 60_000;
const H = 3_600_000;
/** On first start, the replay fills the last 6 hours so charts and indicators have history at once. */
export const REPLAY_INITIAL_WINDOW_MS = 6 * H;
/** After a long stop, at most 3 days are caught up; the rest stays a recorded gap (backfill it with the CLI). */
export const REPLAY_MAX_CATCHUP_MS = 3 * 24 * H;
/** One write per day of candles at most, so a catch-up is several small transactions. */
const CHUNK_MS = 24 * H;

export const UPDOWN_SERIES: AssetRef = { venue: "POLYMARKET", symbol: `${UPDOWN_UNDERLYING.toLowerCase()}-updown-15m` };

export interface ReplaySyncOptions {
  seed: string;
  symbols: readonly string[];
}

export async function syncReplay(db: PrismaClient, clock: Clock, opts: ReplaySyncOptions) {
  const ctx = { db, clock, source: "replay" };
  const now = clock.now().getTime();
  const closedUntil = Math.floor(now / M) * M;
  const at = Math.floor(now / 1000) * 1000;
  let rows = 0;
  const mids = new Map(safe(() => replayMids(opts.seed, at)).map((m) => [m.symbol, m]));
  const contexts = new Map(safe(() => replayAssetContexts(opts.seed, at)).map((c) => [c.symbol, c]));

  for (const symbol of opts.symbols) {
    const ref: AssetRef = { venue: "HYPERLIQUID", symbol };
    const perp = () => {
      if (!REPLAY_SYMBOLS.includes(symbol)) throw new Error(`${symbol} is not in the replay universe (${REPLAY_SYMBOLS.join(", ")})`);
      const p = replayPerp(symbol);
      // the replay universe's order stands in for Hyperliquid's asset index (DRY_RUN payloads)
      return perpAsset(symbol, { szDecimals: p.szDecimals, maxLeverage: p.maxLeverage, assetIndex: REPLAY_SYMBOLS.indexOf(symbol) });
    };
    const channel = (dataset: "candles" | "funding" | "mids" | "contexts" | "book") => ({ source: "replay", dataset, asset: ref });

    await runChannel(db, clock, channel("candles"), async () => {
      const asset = perp();
      const from = await resumeFrom(db, channelId("replay", "candles", assetKey(ref)), M, closedUntil);
      for (let a = from; a < closedUntil; a += CHUNK_MS) {
        const candles = replayCandles(opts.seed, symbol, a, Math.min(a + CHUNK_MS, closedUntil));
        rows += (await storeCandles(ctx, asset, candles)).rows;
      }
    });
    await runChannel(db, clock, channel("funding"), async () => {
      const asset = perp();
      const hourNow = Math.floor(now / H) * H;
      const from = await resumeFrom(db, channelId("replay", "funding", assetKey(ref)), H, hourNow + H);
      if (from <= hourNow) rows += (await storeFunding(ctx, asset, replayFunding(opts.seed, symbol, from, hourNow + 1))).rows;
    });
    await runChannel(db, clock, channel("mids"), async () => {
      const mid = mids.get(symbol);
      if (!mid) throw new Error(`the replay has no mid price for ${symbol}`);
      rows += (await storeMids(ctx, perp(), [mid])).rows;
    });
    await runChannel(db, clock, channel("contexts"), async () => {
      const c = contexts.get(symbol);
      if (!c) throw new Error(`the replay has no asset context for ${symbol}`);
      rows += (await storeContexts(ctx, perp(), [c])).rows;
    });
    await runChannel(db, clock, channel("book"), async () => {
      const asset = perp();
      rows += (await storeBook(ctx, asset, replayBook(opts.seed, symbol, at))).rows;
    });
  }

  // The BTC up/down markets: one per 15-minute window, one channel for the rolling series.
  await runChannel(db, clock, { source: "replay", dataset: "prediction-markets", asset: UPDOWN_SERIES }, async () => {
    for (const market of replayPredictionMarkets(opts.seed, now - 15 * M, now + 15 * M, now)) {
      await storePredictionMarket(ctx, market, UPDOWN_SERIES);
    }
  });
  await runChannel(db, clock, { source: "replay", dataset: "prediction-prices", asset: UPDOWN_SERIES }, async () => {
    const from = await resumeFrom(db, channelId("replay", "prediction-prices", assetKey(UPDOWN_SERIES)), M, closedUntil);
    const start = Math.max(from, closedUntil - 2 * H);
    for (const market of replayPredictionMarkets(opts.seed, start, closedUntil, now)) {
      const tokenId = market.tokenIds[0];
      if (!tokenId) continue;
      const points = replayPredictionPrices(opts.seed, tokenId, start, closedUntil);
      if (points.length) rows += (await storePredictionPrices(ctx, market, 0, points, UPDOWN_SERIES)).rows;
    }
  });
  return { rows };
}

/** Where a regular series continues: after its newest stored point, or the initial window. */
async function resumeFrom(db: PrismaClient, id: string, stepMs: number, until: number): Promise<number> {
  const channel = await findChannel(db, id);
  const floor = Math.max(REPLAY_ANCHOR, until - REPLAY_MAX_CATCHUP_MS);
  const start = channel?.lastDataTimeMs != null ? Number(channel.lastDataTimeMs) + stepMs : until - REPLAY_INITIAL_WINDOW_MS;
  return Math.max(Math.ceil(start / stepMs) * stepMs, Math.ceil(floor / stepMs) * stepMs);
}

function safe<T>(fn: () => T[]): T[] {
  try {
    return fn();
  } catch {
    return []; // each channel then reports its own missing record
  }
}
