/**
 * One entry point per source family, used by the embedded scheduler, the Inngest
 * functions, the admin retry button and the CLI. A paused family does nothing
 * unless forced (an operator's explicit retry).
 */
import type { Clock } from "@/lib/domain/clock";
import type { MarketSource } from "@/lib/domain/market/types";
import { getEnv } from "@/lib/env";
import type { PrismaClient } from "@/server/db";
import { isSourcePaused } from "../source-controls";
import { syncReplay } from "./replay";
import { liveSyncs } from "./live";

export interface SyncRun {
  source: MarketSource;
  skipped: "paused" | null;
  rows: number;
}

export async function syncSource(db: PrismaClient, clock: Clock, source: MarketSource, opts: { force?: boolean } = {}): Promise<SyncRun> {
  if (!opts.force && (await isSourcePaused(db, source))) return { source, skipped: "paused", rows: 0 };
  const env = getEnv();
  const result =
    source === "replay"
      ? await syncReplay(db, clock, { seed: env.REPLAY_SEED, symbols: env.MARKET_ASSETS })
      : await liveSyncs[source](db, clock, env);
  return { source, skipped: null, rows: result.rows };
}
