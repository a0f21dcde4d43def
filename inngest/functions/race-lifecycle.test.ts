import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import * as arena from "@/server/repositories/arena";
import { ensureDemoArena } from "@/server/services/arena/demo-arena";
import { setArenaSchedule } from "@/server/services/arena/settings";
import { buyTicket } from "@/server/services/arena/tickets";
import { syncReplay } from "@/server/services/market/sync/replay";
import { ensureDemoUsers } from "@/server/services/users/demo-users";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createArenaOpenFunction, createRaceLifecycleFunction } from "./race-lifecycle";

const M = 60_000;
const T0 = Date.UTC(2026, 6, 1, 12, 0);
const clock = new ManualClock(T0);
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await ensureDemoUsers(t.db);
  await ensureDemoArena(t.db);
  const admin = (await t.db.user.findUniqueOrThrow({ where: { email: "admin@clash.local" } })).id;
  await setArenaSchedule(t.db, { accumulateMinutes: 10, liveMinutes: 10, timeScale: 1 }, { actor: { userId: admin, label: "admin@clash.local" }, reason: "schedule for this run" });
  await syncReplay(t.db, new ManualClock(T0 + 25 * M), { seed: "inngest-arena", symbols: ["BTC", "ETH", "SOL", "DOGE"] });
});
afterAll(async () => t.cleanup());

describe("race Inngest functions", () => {
  it("arena-open keeps a race accumulating and starts one lifecycle per race (the event id is the race)", async () => {
    const engine = new InngestTestEngine({
      function: createArenaOpenFunction(() => t.db, clock),
      events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }],
      steps: [{ id: "run-races", handler: () => ({ ids: ["x"] }) }],
    });
    const { result, ctx } = await engine.execute();
    const [race] = await arena.racesIn(t.db, ["ACCUMULATING"]);
    expect(result).toEqual({ races: 1 });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("run-races", [expect.objectContaining({ name: "arena/race.opened", id: `race:${race!.id}`, data: { raceId: race!.id } })]);
  });

  it("race-lifecycle sleeps until launch, launches, goes live, sleeps until the end, ends and settles", async () => {
    const [race] = await arena.racesIn(t.db, ["ACCUMULATING"]);
    const grace = (await t.db.user.findUniqueOrThrow({ where: { email: "grace@clash.local" } })).id;
    const [first] = await arena.raceEntrants(t.db, race!.id);
    await buyTicket(t.db, { userId: grace, raceId: race!.id, cloneId: first!.cloneId, stakeCents: 1_000, clientKey: "inngest" }, T0 + M);
    // the sleeps are where time passes: each mocked sleep moves the clock to its wake-up time
    const wake = (at: number) => () => { clock.set(at); };
    const engine = new InngestTestEngine({
      function: createRaceLifecycleFunction(() => t.db, clock),
      events: [{ name: "arena/race.opened", data: { raceId: race!.id } }],
      steps: [{ id: "sleep-0", handler: wake(race!.launchAtMs) }, { id: "sleep-3", handler: wake(race!.launchAtMs + 10 * M) }],
    });
    const { result } = await engine.execute();
    expect(result).toEqual({ raceId: race!.id, taken: ["launch", "go-live", "end", "settle"] });
    expect((await arena.findRace(t.db, race!.id))!.status).toBe("SETTLED");
    // the ticket was the only one: its clone's place decides whether it was paid; the escrow is empty either way
    expect(Number((await t.db.ledgerAccount.findUniqueOrThrow({ where: { code: `escrow:${race!.id}` } })).balanceCents)).toBe(0);
    // a duplicate run finds nothing left to do
    const again = await new InngestTestEngine({ function: createRaceLifecycleFunction(() => t.db, clock), events: [{ name: "arena/race.opened", data: { raceId: race!.id } }] }).execute();
    expect(again.result).toEqual({ raceId: race!.id, taken: [] });
  });
});
