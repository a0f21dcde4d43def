/** What the Ingestion health page and /api/health show of market memory. */
import { channelHealth, type ChannelColour } from "@/lib/domain/market/channel-health";
import { DATASETS, type Dataset } from "@/lib/domain/market/datasets";
import type { Clock } from "@/lib/domain/clock";
import type { PrismaClient } from "@/server/db";
import * as channels from "@/server/repositories/market/channels";
import { getEnv } from "@/lib/env";
import { activeSources } from "./active-sources";
import { sourcePauses } from "./source-controls";

export async function ingestionOverview(db: PrismaClient, clock: Clock, sources: readonly string[] = activeSources(getEnv())) {
  const now = clock.now().getTime();
  const running = new Set(sources);
  const [rows, gapCounts, errors, alerts, pauses] = await Promise.all([
    channels.listChannels(db),
    channels.countOpenGapsByChannel(db),
    channels.recentErrors(db, { take: 30 }),
    channels.listAlerts(db, { open: true, take: 50 }),
    sourcePauses(db),
  ]);
  const list = rows.map((c) => {
    const health = channelHealth(
      {
        createdAt: c.createdAt.getTime(),
        lastSuccessAt: c.lastSuccessAt?.getTime() ?? null,
        consecutiveFailures: c.consecutiveFailures,
        staleAfterMs: c.staleAfterMs,
      },
      now,
    );
    const dataTime = c.lastDataTimeMs === null ? null : Number(c.lastDataTimeMs);
    return {
      id: c.id,
      source: c.source,
      /** false for a source that is not running here (e.g. backfilled): shown, not judged */
      active: running.has(c.source),
      dataset: c.dataset,
      datasetLabel: DATASETS[c.dataset as Dataset]?.label ?? c.dataset,
      assetKey: c.assetKey,
      colour: health.colour,
      reason: health.reason,
      ageMs: health.ageMs,
      /** how far the newest stored point lags behind now */
      lagMs: dataTime === null ? null : now - dataTime,
      lastSuccessAt: c.lastSuccessAt,
      lastError: c.lastError,
      lastErrorAt: c.lastErrorAt,
      consecutiveFailures: c.consecutiveFailures,
      rowsWritten: Number(c.rowsWritten),
      openGaps: gapCounts.get(c.id) ?? 0,
    };
  });
  const counts: Record<ChannelColour, number> = { GREEN: 0, YELLOW: 0, RED: 0 };
  for (const c of list) if (c.active) counts[c.colour]++;
  // running sources first
  list.sort((a, b) => Number(b.active) - Number(a.active));
  return { channels: list, counts, errors, alerts, pauses, running: [...running] };
}

/** The short form for /api/health. */
export async function ingestionSummary(db: PrismaClient, clock: Clock) {
  const o = await ingestionOverview(db, clock);
  return {
    channels: o.channels.filter((c) => c.active).length,
    green: o.counts.GREEN,
    yellow: o.counts.YELLOW,
    red: o.counts.RED,
    openGaps: o.channels.filter((c) => c.active).reduce((s, c) => s + c.openGaps, 0),
    openAlerts: o.alerts.length,
    paused: o.pauses.filter((p) => p.paused).map((p) => p.source),
  };
}
