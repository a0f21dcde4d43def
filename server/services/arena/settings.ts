/**
 * The race schedule in force: the ArenaSettings row, created on first use from the
 * environment (ARENA_ACCUMULATE_MINUTES, ARENA_LIVE_MINUTES, ARENA_TIME_SCALE). The
 * local default (replay data with the demo seed) is a demo season: 60 race minutes
 * of accumulation and 240 of racing at a time scale of 30, i.e. 2 and 8 minutes on
 * the wall clock. Elsewhere PRODUCT.md §7's 1 hour and 24 hours, in real time.
 */
import { DEFAULT_SCHEDULE, checkSchedule, type RaceSchedule } from "@/lib/domain/race/schedule";
import { requireReason } from "@/lib/domain/runtime/controls";
import { getEnv, type Env } from "@/lib/env";
import { transaction, type PrismaClient } from "@/server/db";
import * as arena from "@/server/repositories/arena";
import { insertControlChange, listControlChanges } from "@/server/repositories/runtime-controls";
import { actorColumns, type Actor } from "../runtime/controls";

/** The schedule's changes go to the operators' change log (RuntimeControlChange) under this key. */
export const SCHEDULE_CHANGE_KEY = "arena.schedule";

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

/** How a schedule reads in the change log: "60 + 240 race min at ×30". */
export const scheduleLabel = (s: RaceSchedule) => `${s.accumulateMinutes} + ${s.liveMinutes} race min at ×${s.timeScale}`;

/**
 * An operator's change, with who and why: the settings row and its line in the
 * change log are written in one transaction (the same values again write
 * nothing). It applies from the next race that opens.
 */
export async function setArenaSchedule(db: PrismaClient, schedule: RaceSchedule, audit: { actor: Actor; reason: string }): Promise<RaceSchedule> {
  const s = checkSchedule(schedule);
  const reason = requireReason(audit.reason);
  await transaction(db, async (tx) => {
    const old = await arena.findArenaSettings(tx);
    const [oldValue, newValue] = [old ? scheduleLabel(old) : null, scheduleLabel(s)];
    if (oldValue === newValue) return;
    const who = actorColumns(audit.actor);
    await arena.saveArenaSettings(tx, s, who.changedById);
    await insertControlChange(tx, { key: SCHEDULE_CHANGE_KEY, oldValue, newValue, reason, ...who });
  });
  return s;
}

/** The schedule's latest changes, newest first. */
export async function arenaScheduleChanges(db: PrismaClient, take = 10) {
  const [items] = await listControlChanges(db, { skip: 0, take, keyPrefix: SCHEDULE_CHANGE_KEY });
  return items;
}
