/**
 * Colours every channel by the age of its last success, opens one alert per
 * channel and kind while it is red (never one per tick), posts newly opened alerts
 * to the webhook, and resolves alerts once the channel recovers.
 */
import { channelHealth, type ChannelColour } from "@/lib/domain/market/channel-health";
import type { Clock } from "@/lib/domain/clock";
import { getEnv } from "@/lib/env";
import type { PrismaClient } from "@/server/db";
import * as channels from "@/server/repositories/market/channels";
import { activeSources } from "./active-sources";
import { postAlertWebhook } from "./alert-webhook";

export interface HealthEvaluation {
  counts: Record<ChannelColour, number>;
  alertsOpened: string[];
}

export async function evaluateIngestionHealth(
  db: PrismaClient,
  clock: Clock,
  opts: { webhookUrl?: string; fetch?: typeof fetch; sources?: readonly string[] } = { webhookUrl: getEnv().ALERT_WEBHOOK_URL },
): Promise<HealthEvaluation> {
  const now = clock.now();
  // only the sources that run are watched: a backfilled channel of another source is idle, not stale
  const running = new Set(opts.sources ?? activeSources(getEnv()));
  const counts: Record<ChannelColour, number> = { GREEN: 0, YELLOW: 0, RED: 0 };
  const alertsOpened: string[] = [];
  for (const c of await channels.listChannels(db)) {
    if (!running.has(c.source)) {
      await channels.resolveAlerts(db, c.id, [], now);
      continue;
    }
    const health = channelHealth(
      {
        createdAt: c.createdAt.getTime(),
        lastSuccessAt: c.lastSuccessAt?.getTime() ?? null,
        consecutiveFailures: c.consecutiveFailures,
        staleAfterMs: c.staleAfterMs,
      },
      now.getTime(),
    );
    counts[health.colour]++;
    await channels.resolveAlerts(db, c.id, health.alert ? [health.alert] : [], now);
    if (!health.alert) continue;
    const message = health.alert === "FAILING" && c.lastError ? `${health.reason}: ${c.lastError}` : health.reason;
    const opened = await channels.openAlert(db, { channelId: c.id, kind: health.alert, message, now });
    if (!opened.created) continue;
    alertsOpened.push(`${c.id}|${health.alert}`);
    if (opts.webhookUrl) {
      const error = await postAlertWebhook(
        opts.webhookUrl,
        { channelId: c.id, kind: health.alert, message, openedAt: now.toISOString() },
        opts.fetch,
      );
      await channels.markAlertNotified(db, opened.id, { at: clock.now(), error });
    }
  }
  return { counts, alertsOpened };
}
