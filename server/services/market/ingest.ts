/**
 * The one ingestion path. Every source (live clients, the replay generator, the
 * file importer, backfills) stores market memory through `ingest`: one database
 * transaction writes the rows, the channel's success, and the gap records of
 * regular series. When anything fails the transaction rolls back whole and the
 * failure is recorded on the channel afterwards, in its own transaction.
 */
import { channelId as makeChannelId, DATASETS, type Dataset } from "@/lib/domain/market/datasets";
import { detectGaps } from "@/lib/domain/market/gaps";
import { assetKey, type AssetRef } from "@/lib/domain/market/types";
import type { Clock } from "@/lib/domain/clock";
import { transaction, type PrismaClient, type Tx } from "@/server/db";
import { ensureAsset, type AssetInput } from "@/server/repositories/market/assets";
import * as channels from "@/server/repositories/market/channels";
import { GAP_TRACKED, seriesNeighbours, seriesTimes, type GapTrackedDataset } from "@/server/repositories/market/series";

export interface IngestRequest {
  source: string;
  dataset: Dataset;
  asset: AssetInput;
  /** the channel's subject when it is not the asset itself (a rolling series of markets) */
  channelAsset?: AssetRef;
  /** the data points' times, ms (any order) */
  times: number[];
  /** throws when a record is unacceptable: the whole batch is refused and the failure recorded */
  validate?: () => void;
  write: (tx: Tx, assetId: string) => Promise<unknown>;
}

export interface IngestResult {
  channelId: string;
  rows: number;
  gapsOpened: { fromMs: number; toMs: number }[];
}

export function channelFor(source: string, dataset: Dataset, asset: AssetRef) {
  return {
    id: makeChannelId(source, dataset, assetKey(asset)),
    source,
    dataset,
    assetKey: assetKey(asset),
    staleAfterMs: DATASETS[dataset].staleAfterMs,
  };
}

export async function ingest(db: PrismaClient, clock: Clock, req: IngestRequest): Promise<IngestResult> {
  const key = channelFor(req.source, req.dataset, req.channelAsset ?? req.asset);
  await channels.ensureChannel(db, key);
  try {
    req.validate?.();
    return await transaction(db, async (tx) => {
      const channel = await channels.findChannel(tx, key.id);
      const assetId = await ensureAsset(tx, req.asset);
      await req.write(tx, assetId);
      const times = [...new Set(req.times)].sort((a, b) => a - b);
      const previousLast = channel?.lastDataTimeMs == null ? null : Number(channel.lastDataTimeMs);
      const gapsOpened = req.dataset in GAP_TRACKED && times.length > 0
        ? await trackGaps(tx, clock, key.id, req.dataset as GapTrackedDataset, assetId, times, previousLast)
        : [];
      const newest = times.at(-1);
      await channels.markSuccess(tx, key.id, {
        now: clock.now(),
        rows: times.length,
        lastDataTimeMs: newest === undefined ? previousLast : Math.max(newest, previousLast ?? newest),
      });
      return { channelId: key.id, rows: times.length, gapsOpened };
    });
  } catch (e) {
    await recordFailure(db, clock, key.id, e);
    if (typeof e === "object" && e !== null) recorded.add(e);
    throw e;
  }
}

/** Errors already recorded on their channel, so a caller up the stack does not count them twice. */
const recorded = new WeakSet<object>();

async function trackGaps(
  tx: Tx,
  clock: Clock,
  channelId: string,
  dataset: GapTrackedDataset,
  assetId: string,
  times: number[],
  previousLast: number | null,
) {
  const step = DATASETS[dataset].stepMs;
  const first = times[0]!;
  const last = times.at(-1)!;
  // Appending after everything stored (the usual case): compare with the last point only.
  if (previousLast === null || first > previousLast) {
    const gaps = detectGaps(times, step, previousLast);
    await channels.insertGaps(tx, channelId, gaps);
    return gaps;
  }
  // A backfill into the past: re-derive the gaps of the affected stretch from what is stored.
  const { previous, next } = await seriesNeighbours(tx, dataset, assetId, first, last + step);
  const from = previous ?? first;
  const to = next === null ? last + step : next + step;
  const stored = await seriesTimes(tx, dataset, assetId, from, to);
  const gaps = detectGaps(stored, step, null);
  const overlapping = await channels.openGapsOverlapping(tx, channelId, from, to);
  await channels.closeGaps(tx, overlapping.map((g) => g.id), clock.now());
  await channels.insertGaps(tx, channelId, gaps);
  return gaps.filter((g) => !overlapping.some((o) => o.fromMs === g.fromMs && o.toMs === g.toMs));
}

/** Records a failed fetch or write on its channel (the data transaction, if any, has rolled back). */
export async function recordFailure(db: PrismaClient, clock: Clock, channelId: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const now = clock.now();
  await transaction(db, async (tx) => {
    await channels.markFailure(tx, channelId, { now, error: message.slice(0, 1000) });
    await channels.insertError(tx, channelId, message, now);
  });
}

/**
 * Runs one channel's fetch-and-ingest, recording a failed fetch on the channel.
 * Returns null when it failed: a sync moves on to the next channel.
 */
export async function runChannel<T>(
  db: PrismaClient,
  clock: Clock,
  channel: { source: string; dataset: Dataset; asset: AssetRef },
  work: () => Promise<T>,
): Promise<T | null> {
  const key = channelFor(channel.source, channel.dataset, channel.asset);
  await channels.ensureChannel(db, key);
  try {
    return await work();
  } catch (e) {
    // ingest() records its own failures; a failure before it (the fetch) is recorded here
    if (!(typeof e === "object" && e !== null && recorded.has(e))) await recordFailure(db, clock, key.id, e);
    return null;
  }
}
