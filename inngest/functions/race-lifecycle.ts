import { cron } from "inngest";
import { systemClock, type Clock } from "@/lib/domain/clock";
import { getDb, type PrismaClient } from "@/server/db";
import { openRaces, raceNextStep, runRaceStep, openNextRace } from "@/server/services/arena/lifecycle";
import { inngest } from "../client";
import { raceOpened } from "../events";

/** More steps than a race has (launch, go live, end, settle, with their waits): a guard, never reached. */
const MAX_STEPS = 24;

/**
 * One function per race: it sleeps until the race's next step is due and takes it
 * (sleep until launch, launch, go live, sleep until the end, end, settle), through
 * the same services the embedded scheduler calls. Each step starts by moving the
 * race out of the status it expects, so a retried or duplicated run does it once.
 */
export function createRaceLifecycleFunction(db: () => PrismaClient = getDb, clock: Clock = systemClock) {
  return inngest.createFunction(
    { id: "race-lifecycle", name: "Run a race", triggers: [raceOpened], concurrency: { key: "event.data.raceId", limit: 1 }, retries: 5 },
    async ({ event, step }) => {
      const { raceId } = event.data;
      const taken: string[] = [];
      for (let n = 0; n < MAX_STEPS; n++) {
        const next = await step.run(`next-${n}`, () => raceNextStep(db(), raceId, clock.now().getTime()));
        if (!next || next.kind === "none") break;
        if (next.kind === "wait") {
          await step.sleepUntil(`sleep-${n}`, new Date(next.untilMs));
          continue;
        }
        const done = await step.run(`${next.kind}-${n}`, () => runRaceStep(db(), raceId, clock.now().getTime()));
        if (done) taken.push(done);
      }
      return { raceId, taken };
    },
  );
}

/**
 * Every minute: a race is accumulating (the next one opens when one launches), and
 * every open race has its lifecycle function: the event id is the race, so Inngest
 * starts one per race however often this runs, and a lost run is started again.
 */
export function createArenaOpenFunction(db: () => PrismaClient = getDb, clock: Clock = systemClock) {
  return inngest.createFunction(
    { id: "arena-open", name: "Keep a race open", triggers: [cron("* * * * *")], concurrency: { limit: 1 }, retries: 2 },
    async ({ step }) => {
      const races = await step.run("open-races", async () => {
        await openNextRace(db(), clock.now().getTime());
        return openRaces(db());
      });
      if (races.length) await step.sendEvent("run-races", races.map((raceId) => raceOpened.create({ raceId }, { id: `race:${raceId}` })));
      return { races: races.length };
    },
  );
}

export const raceLifecycle = createRaceLifecycleFunction();
export const arenaOpen = createArenaOpenFunction();
