/**
 * An operator's retry of a channel: its failure count restarts and its source
 * family syncs now (the sync covers every channel of the family; the one asked
 * for is reported back).
 */
import { DomainError } from "@/lib/domain/errors";
import type { Clock } from "@/lib/domain/clock";
import { MARKET_SOURCES, type MarketSource } from "@/lib/domain/market/types";
import type { PrismaClient } from "@/server/db";
import * as channels from "@/server/repositories/market/channels";
import { syncSource } from "./sync";

export async function retryChannel(db: PrismaClient, clock: Clock, channelId: string) {
  const channel = await channels.findChannel(db, channelId);
  if (!channel) throw new DomainError("NOT_FOUND", `No ingestion channel "${channelId}"`, "channelId");
  if (!(MARKET_SOURCES as readonly string[]).includes(channel.source)) {
    throw new DomainError("VALIDATION_FAILED", `Channel ${channelId} belongs to no source family that can sync`, "channelId");
  }
  await channels.resetFailures(db, channelId);
  const run = await syncSource(db, clock, channel.source as MarketSource, { force: true });
  const after = await channels.findChannel(db, channelId);
  // failures were reset above, so any failure now is this run's (a run with nothing new is fine)
  const ok = after !== null && after.consecutiveFailures === 0;
  return { channelId, ok, lastError: ok ? null : (after?.lastError ?? "unknown"), run };
}
