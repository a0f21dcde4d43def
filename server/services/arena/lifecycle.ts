/**
 * The race lifecycle's steps (lib/domain/race/lifecycle.ts), each one transaction
 * that starts by moving the race out of the status it expects: a step run twice,
 * or by two workers at once, happens once. The embedded scheduler calls
 * `advanceArena` every few seconds; Inngest runs one function per race calling
 * the same steps (inngest/functions/race.ts).
 */
import { nextRaceStep, OPEN_STATUSES, RACE_START_USD, type RaceStep } from "@/lib/domain/race/lifecycle";
import { wallMs } from "@/lib/domain/race/schedule";
import { equityBreakdown } from "@/lib/domain/paper/account";
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import { isUniqueViolation, transaction, type PrismaClient } from "@/server/db";
import * as arena from "@/server/repositories/arena";
import { findClone } from "@/server/repositories/clones";
import * as paper from "@/server/repositories/paper";
import { cloneVersionUse } from "../decisions/clone-versions";
import { closePosition } from "../paper/execute";
import { marketAt } from "../paper/market-at";
import { refundRace } from "./refund";
import { arenaSchedule } from "./settings";
import { settleRace } from "./settle";

const DAY = 86_400_000;

/** Opens the next race for tickets, with the Arena's current slots as entrants, unless one is open already. */
export async function openNextRace(db: PrismaClient, now: number): Promise<string | null> {
  if ((await arena.racesIn(db, ["ACCUMULATING"])).length) return null;
  const schedule = await arenaSchedule(db);
  const slots = await arena.arenaSlots(db);
  const entrants: Parameters<typeof arena.insertEntrants>[2] = [];
  for (const s of slots) {
    const clone = await findClone(db, s.cloneId);
    const version = clone && (await cloneVersionUse(db, s.cloneId, clone.currentVersion));
    if (!clone || !version) continue;
    entrants.push({ cloneId: s.cloneId, slot: s.slot, creatorId: clone.ownerId, name: version.clone.name, tagline: version.clone.tagline, avatar: version.clone.avatar, cloneVersion: version.version });
  }
  try {
    return await transaction(db, async (tx) => {
      const accumulateMs = wallMs(schedule.accumulateMinutes, schedule.timeScale);
      const race = await arena.insertRace(tx, {
        number: (await arena.lastRaceNumber(tx)) + 1, timeScale: schedule.timeScale, accumulateMs,
        liveMs: wallMs(schedule.liveMinutes, schedule.timeScale), openedAtMs: now, launchAtMs: now + accumulateMs,
      });
      if (entrants.length) await arena.insertEntrants(tx, race.id, entrants);
      return race.id;
    });
  } catch (e) {
    // another worker opened one first: the database allows a single accumulating race
    if (arena.isOneAccumulatingViolation(e) || isUniqueViolation(e)) return null;
    throw e;
  }
}

/** Entrants locked, a fresh 10,000 USD RACE account each, and the next race opened. */
export async function launchRace(db: PrismaClient, raceId: string, now: number): Promise<boolean> {
  const launched = await transaction(db, async (tx) => {
    if (!(await arena.moveRace(tx, raceId, "ACCUMULATING", "LAUNCHED", { launchedAtMs: now }))) return false;
    for (const e of await arena.raceEntrants(tx, raceId)) {
      const account = await paper.ensureAccount(tx, { cloneId: e.cloneId, mode: "RACE", scopeKey: raceId, startMicro: usdToMicro(RACE_START_USD), dayStartMs: Math.floor(now / DAY) * DAY });
      await arena.setEntrantAccount(tx, e.id, account.id);
    }
    return true;
  });
  if (launched) await openNextRace(db, now);
  return launched;
}

export async function goLive(db: PrismaClient, raceId: string, now: number): Promise<boolean> {
  const race = await arena.findRace(db, raceId);
  if (!race) return false;
  return arena.moveRace(db, raceId, "LAUNCHED", "LIVE", { liveAtMs: now, endsAtMs: now + race.liveMs });
}

/**
 * The race is over at its end time: every open position of every entrant is closed
 * at the market then (exit reason EXPIRY, the one exit path), the accounts stop
 * trading, and each entrant's final equity is kept in cents for the ranking.
 */
export async function endRace(db: PrismaClient, raceId: string): Promise<boolean> {
  const race = await arena.findRace(db, raceId);
  if (!race || race.status !== "LIVE" || race.endsAtMs === null) return false;
  const end = race.endsAtMs;
  const entrants = await arena.raceEntrants(db, raceId);
  const markets = new Map<string, Awaited<ReturnType<typeof marketAt>>>();
  for (const e of entrants) {
    for (const s of e.accountId ? await paper.openPositions(db, e.accountId) : []) {
      if (!markets.has(s.position.asset)) markets.set(s.position.asset, await marketAt(db, s.position.asset, end + 1));
    }
  }
  return transaction(db, async (tx) => {
    if (!(await arena.moveRace(tx, raceId, "LIVE", "SETTLING", {}))) return false;
    for (const e of entrants) {
      if (!e.accountId) continue;
      const account = await paper.findAccount(tx, e.accountId);
      if (!account) continue;
      const open = await paper.openPositions(tx, e.accountId);
      for (const stored of open) {
        const market = markets.get(stored.position.asset);
        if (!market || stored.position.state !== "MONITORING") continue;
        await closePosition(tx, { account, stored, reason: "EXPIRY", market, time: end, decisionRunId: null, clientKey: `${stored.id}:expiry`, purpose: "EXPIRY" });
      }
      const left = (await paper.openPositions(tx, e.accountId)).map((s) => s.position);
      const marks = Object.fromEntries([...markets].flatMap(([sym, m]) => (m ? [[sym, m.referencePrice]] : [])));
      const equityMicro = equityBreakdown(account, left, marks).equityMicro;
      await paper.closeAccount(tx, e.accountId, end);
      await arena.setEntrantResult(tx, e.id, { finalEquityCents: Math.floor(equityMicro / 10_000) });
    }
    return true;
  });
}

/** Runs what each open race needs now, and makes sure a race is accumulating. Returns the steps taken. */
export async function advanceArena(db: PrismaClient, now: number): Promise<{ raceNumber: number; step: RaceStep["kind"] }[]> {
  const taken: { raceNumber: number; step: RaceStep["kind"] }[] = [];
  for (const race of await arena.racesIn(db, OPEN_STATUSES)) {
    const done = await runRaceStep(db, race.id, now);
    if (done) taken.push({ raceNumber: race.number, step: done });
  }
  if (await openNextRace(db, now)) taken.push({ raceNumber: await arena.lastRaceNumber(db), step: "wait" });
  return taken;
}

/** What a race needs next at `now` (null: no such race). */
export async function raceNextStep(db: PrismaClient, raceId: string, now: number): Promise<RaceStep | null> {
  const race = await arena.findRace(db, raceId);
  if (!race) return null;
  const entrants = (await arena.raceEntrants(db, raceId)).length;
  return nextRaceStep({ status: race.status, launchAtMs: race.launchAtMs, endsAtMs: race.endsAtMs, entrants }, now);
}

/** The ids of the races still in play. */
export async function openRaces(db: PrismaClient): Promise<string[]> {
  return (await arena.racesIn(db, OPEN_STATUSES)).map((r) => r.id);
}

/** The one step a race needs at `now`, if any; the step's kind when it was taken. */
export async function runRaceStep(db: PrismaClient, raceId: string, now: number): Promise<RaceStep["kind"] | null> {
  const step = await raceNextStep(db, raceId, now);
  if (!step) return null;
  switch (step.kind) {
    case "launch":
      return (await launchRace(db, raceId, now)) ? step.kind : null;
    case "cancel":
      return (await refundRace(db, raceId, { reason: step.reason, now })) ? step.kind : null;
    case "go-live":
      return (await goLive(db, raceId, now)) ? step.kind : null;
    case "end":
      return (await endRace(db, raceId)) ? step.kind : null;
    case "settle":
      return (await settleRace(db, raceId, now)).settled ? step.kind : null;
    default:
      return null;
  }
}
