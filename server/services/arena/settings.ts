/**
 * The race schedule in force: the ArenaSettings row, created on first use from the
 * environment (ARENA_ACCUMULATE_MINUTES, ARENA_LIVE_MINUTES, ARENA_TIME_SCALE). The
 * local default (replay data with the demo seed) is a demo season: 60 race minutes
 * of accumulation and 240 of racing at a time scale of 30, i.e. 2 and 8 minutes on
 * the wall clock. Elsewhere PRODUCT.md §7's 1 hour and 24 hours, in real time.
 */
import { DEFAULT_SCHEDULE, checkSchedule, type RaceSchedule } from "@/lib/domain/race/schedule";
import { getEnv, type Env } from "@/lib/env";
import type { PrismaClient } from "@/server/db";
import * as arena from "@/server/repositories/arena";

export const DEMO_SCHEDULE: RaceSchedule = { accumulateMinutes: 60, liveMinutes: 240, timeScale: 30 };

export function scheduleFromEnv(env: Pick<Env, "MARKET_SOURCE" | "DEMO_SEED" | "ARENA_ACCUMULATE_MINUTES" | "ARENA_LIVE_MINUTES" | "ARENA_TIME_SCALE">): RaceSchedule {
  const base = env.MARKET_SOURCE === "replay" && env.DEMO_SEED ? DEMO_SCHEDULE : DEFAULT_SCHEDULE;
  return checkSchedule({
    accumulateMinutes: env.ARENA_ACCUMULATE_MINUTES ?? base.accumulateMinutes,
    liveMinutes: env.ARENA_LIVE_MINUTES ?? base.liveMinutes,
    timeScale: env.ARENA_TIME_SCALE ?? base.timeScale,
  });
}

export async function arenaSchedule(db: PrismaClient): Promise<RaceSchedule> {
  const row = (await arena.findArenaSettings(db)) ?? (await arena.createArenaSettings(db, scheduleFromEnv(getEnv())));
  return { accumulateMinutes: row.accumulateMinutes, liveMinutes: row.liveMinutes, timeScale: row.timeScale };
}

/** An admin's change; it applies from the next race that opens. */
export async function setArenaSchedule(db: PrismaClient, schedule: RaceSchedule, adminId: string): Promise<RaceSchedule> {
  const s = checkSchedule(schedule);
  await arena.saveArenaSettings(db, s, adminId);
  return s;
}
