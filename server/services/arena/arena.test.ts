/**
 * A race end to end on a real SQLite file: open with the Arena's slots, tickets
 * (and their refusals), launch with fresh race accounts, live trading through the
 * runner on replay data, the end (EXPIRY exits, final equities), settlement posted
 * once (twice run, and a crash mid-way), cancellation refunds, and the database's
 * one-accumulating-race rule.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { settleRace as split } from "@/lib/domain/parimutuel";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import * as arena from "@/server/repositories/arena";
import { runLedgerAudit } from "../ledger/run-ledger-audit";
import { syncReplay } from "../market/sync/replay";
import { runDecisionTick } from "../runner/run-tick";
import { signUp } from "../users/sign-up";
import { ensureDemoUsers } from "../users/demo-users";
import { ensureDemoArena } from "./demo-arena";
import { advanceArena, endRace, goLive, launchRace, openNextRace } from "./lifecycle";
import { refundRace } from "./refund";
import { setArenaSchedule } from "./settings";
import { settleRace } from "./settle";
import { myTickets } from "./views";
import { buyTicket } from "./tickets";

const M = 60_000;
const T0 = Date.UTC(2026, 6, 1, 12, 0, 0);
let t: TestDb;
let admin: string;
const users: string[] = [];

async function balance(userId: string) {
  const a = await t.db.ledgerAccount.findUnique({ where: { code: `wallet:${userId}` } });
  return Number(a?.balanceCents ?? 0n);
}

async function ledgerZero() {
  const sum = await t.db.ledgerEntry.aggregate({ _sum: { amountCents: true } });
  expect(Number(sum._sum.amountCents ?? 0n)).toBe(0);
  const audit = await runLedgerAudit(t.db, new ManualClock(T0));
  expect(audit.ok).toBe(true);
}

beforeAll(async () => {
  t = await createTestDb();
  await ensureDemoUsers(t.db);
  admin = (await t.db.user.findUniqueOrThrow({ where: { email: "admin@clash.local" } })).id;
  expect(await ensureDemoArena(t.db)).toHaveLength(8);
  for (let i = 0; i < 3; i++) users.push((await signUp(t.db, { name: `Backer ${i}`, email: `backer${i}@example.test`, password: "correct horse battery" }, [])).id);
  // 10 race minutes accumulating and 10 live, at time scale 1
  await setArenaSchedule(t.db, { accumulateMinutes: 10, liveMinutes: 10, timeScale: 1 }, { actor: { userId: admin, label: "admin@clash.local" }, reason: "schedule for this run" });
  await syncReplay(t.db, new ManualClock(T0 + 25 * M), { seed: "arena", symbols: ["BTC", "ETH", "SOL", "DOGE"] });
});
afterAll(async () => t.cleanup());

describe("a race, from tickets to payouts", () => {
  let raceId = "";

  it("opens one accumulating race with the Arena's 8 clones; the database refuses a second", async () => {
    raceId = (await openNextRace(t.db, T0))!;
    expect(raceId).toBeTruthy();
    expect(await openNextRace(t.db, T0)).toBeNull();
    const race = (await arena.findRace(t.db, raceId))!;
    expect(race).toMatchObject({ number: 1, status: "ACCUMULATING", launchAtMs: T0 + 10 * M, liveMs: 10 * M });
    expect((await arena.raceEntrants(t.db, raceId)).map((e) => e.name)).toHaveLength(8);
    // not only the code: a second ACCUMULATING row is refused by the database itself
    const second = await arena.insertRace(t.db, { number: 99, timeScale: 1, accumulateMs: 1, liveMs: 1, openedAtMs: T0, launchAtMs: T0 + 1 }).catch((e: unknown) => e);
    expect(arena.isOneAccumulatingViolation(second)).toBe(true);
    expect(await t.db.race.count({ where: { status: "ACCUMULATING" } })).toBe(1);
  });

  it("sells tickets: wallet, escrow, ticket and pool in one transaction; refusals name the reason and change nothing", async () => {
    const entrants = await arena.raceEntrants(t.db, raceId);
    const buy = (u: number, e: number, stakeCents: number, key: string) => buyTicket(t.db, { userId: users[u]!, raceId, cloneId: entrants[e]!.cloneId, stakeCents, clientKey: key }, T0 + M);
    await buy(0, 0, 10_000, "a");
    await buy(1, 0, 5_000, "b");
    await buy(1, 1, 20_000, "c");
    await buy(2, 2, 30_000, "d");
    await buy(2, 3, 1_000, "e");
    // a retried key buys once
    expect((await buy(0, 0, 10_000, "a")).replayed).toBe(true);
    await expect(buy(0, 1, 10_000, "a")).rejects.toMatchObject({ code: "IDEMPOTENCY_CONFLICT", field: "clientKey" });
    const before = await balance(users[0]!);
    await expect(buy(0, 0, 99, "f")).rejects.toMatchObject({ field: "stakeCents" });
    await expect(buy(0, 0, 100_001, "g")).rejects.toMatchObject({ field: "stakeCents" });
    await expect(buyTicket(t.db, { userId: users[0]!, raceId, cloneId: "not-a-clone", stakeCents: 500, clientKey: "h" }, T0 + M)).rejects.toMatchObject({ field: "cloneId" });
    // 1,000 credits granted, 100 spent: 900 left, a 950-credit... capped at 1,000 per ticket, so spend down first
    await buy(0, 4, 90_000, "i");
    await expect(buy(0, 4, 500, "j")).rejects.toMatchObject({ code: "INSUFFICIENT_FUNDS", message: "Not enough credits: 5.00 needed, 0.00 available" });
    await expect(buyTicket(t.db, { userId: users[0]!, raceId, cloneId: entrants[0]!.cloneId, stakeCents: 500, clientKey: "k" }, T0 + 10 * M)).rejects.toMatchObject({ code: "CONFLICT", field: "raceId" });
    expect(await balance(users[0]!)).toBe(before - 90_000);
    const race = (await arena.findRace(t.db, raceId))!;
    expect(race).toMatchObject({ poolCents: 156_000, ticketCount: 6 });
    const escrow = await t.db.ledgerAccount.findUniqueOrThrow({ where: { code: `escrow:${raceId}` } });
    expect(Number(escrow.balanceCents)).toBe(156_000);
    await ledgerZero();
  });

  it("launches at its time: entrants get fresh 10,000 USD race accounts, the next race opens, tickets close", async () => {
    expect(await launchRace(t.db, raceId, T0 + 9 * M)).toBe(true); // (a step runs only when called: the lifecycle decides when)
    // launched, not live yet: the race accounts make no decision
    expect((await runDecisionTick(t.db, new ManualClock(T0 + 9 * M + 30_000), { workerId: "test" })).decided.HOLD).toBe(0);
    expect(await launchRace(t.db, raceId, T0 + 10 * M)).toBe(false);
    const entrants = await arena.raceEntrants(t.db, raceId);
    expect(entrants.every((e) => e.accountId)).toBe(true);
    const accounts = await t.db.paperAccount.findMany({ where: { mode: "RACE", scopeKey: raceId } });
    expect(accounts.map((a) => Number(a.startMicro))).toEqual(Array(8).fill(10_000_000_000));
    expect((await arena.racesIn(t.db, ["ACCUMULATING"])).map((r) => r.number)).toEqual([2]);
    await expect(buyTicket(t.db, { userId: users[1]!, raceId, cloneId: entrants[0]!.cloneId, stakeCents: 500, clientKey: "late" }, T0 + 9 * M)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await goLive(t.db, raceId, T0 + 10 * M)).toBe(true);
    expect((await arena.findRace(t.db, raceId))!).toMatchObject({ status: "LIVE", liveAtMs: T0 + 10 * M, endsAtMs: T0 + 20 * M });
  });

  it("trades live through the runner, then ends: positions exit at EXPIRY and final equities are kept", async () => {
    for (let m = 10; m <= 20; m++) await runDecisionTick(t.db, new ManualClock(T0 + m * M + 1_000), { workerId: "test" });
    const accountIds = (await arena.raceEntrants(t.db, raceId)).map((e) => e.accountId!);
    // decisions only inside the live window [T0+10m, T0+20m): the slot at the end is not decided
    const times = await t.db.decisionRun.aggregate({ where: { accountId: { in: accountIds } }, _min: { decisionTimeMs: true }, _max: { decisionTimeMs: true } });
    expect([Number(times._min.decisionTimeMs), Number(times._max.decisionTimeMs)]).toEqual([T0 + 10 * M, T0 + 19 * M]);
    expect(await t.db.decisionRun.count({ where: { accountId: { in: accountIds } } })).toBeGreaterThan(50);
    expect(await endRace(t.db, raceId)).toBe(true);
    expect(await endRace(t.db, raceId)).toBe(false);
    expect(await t.db.paperPosition.count({ where: { accountId: { in: accountIds }, state: { not: "CLOSED" } } })).toBe(0);
    const entrants = await arena.raceEntrants(t.db, raceId);
    for (const e of entrants) {
      const a = (await t.db.paperAccount.findUniqueOrThrow({ where: { id: e.accountId! } }));
      expect(a.closedAt).not.toBeNull();
      const equityMicro = Number(a.startMicro + a.realizedMicro - a.feesMicro + a.fundingMicro);
      expect(e.finalEquityCents).toBe(Math.floor(equityMicro / 10_000));
    }
    expect((await arena.findRace(t.db, raceId))!.status).toBe("SETTLING");
  });

  it("settlement fails mid-way: nothing is posted; the re-run pays once; a second run pays nothing", async () => {
    const entriesBefore = await t.db.ledgerEntry.count();
    await expect(settleRace(t.db, raceId, T0 + 21 * M, { afterLedger: () => { throw new Error("crash after the ledger writes"); } })).rejects.toThrow("crash");
    expect(await t.db.ledgerEntry.count()).toBe(entriesBefore);
    expect((await arena.findRace(t.db, raceId))!.status).toBe("SETTLING");

    const before = await Promise.all(users.map(balance));
    const first = await settleRace(t.db, raceId, T0 + 21 * M);
    expect(first.settled).toBe(true);
    const again = await settleRace(t.db, raceId, T0 + 22 * M);
    expect(again.settled).toBe(false);

    // what was paid is exactly the pure split of the stored race
    const entrants = await arena.raceEntrants(t.db, raceId);
    const tickets = await arena.raceTickets(t.db, raceId);
    const expected = split({ entrants: entrants.map((e) => ({ cloneId: e.cloneId, creatorId: e.creatorId, finalEquityCents: e.finalEquityCents! })), tickets: tickets.map((x) => ({ ticketId: x.id, cloneId: x.cloneId, userId: x.userId, stakeCents: x.stakeCents })) });
    const { ticketPayouts: expectedPayouts, ...expectedSplit } = expected;
    const { ticketPayouts: paidPayouts, ...split_ } = first.result!;
    expect(split_).toEqual(expectedSplit);
    // the service read only the paid clones' tickets: their payouts are the pure split's, every other ticket's is 0
    const byTicket = new Map(paidPayouts.map((p) => [p.ticketId, p.payoutCents]));
    for (const p of expectedPayouts) expect(byTicket.get(p.ticketId) ?? 0).toBe(p.payoutCents);
    const after = await Promise.all(users.map(balance));
    const paid = users.map((u) => expected.ticketPayouts.filter((p) => tickets.find((x) => x.id === p.ticketId)!.userId === u).reduce((a, p) => a + p.payoutCents, 0));
    expect(after.map((b, i) => b - before[i]!)).toEqual(paid);
    expect(paid.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const treasury = await t.db.ledgerEntry.aggregate({ where: { account: { code: "treasury" } }, _sum: { amountCents: true } });
    expect(Number(treasury._sum.amountCents)).toBe(expected.rakeCents + expected.breakageCents);
    expect(Number((await t.db.ledgerAccount.findUniqueOrThrow({ where: { code: `escrow:${raceId}` } })).balanceCents)).toBe(0);
    for (const r of expected.ranking) expect(entrants.find((e) => e.cloneId === r.cloneId)!.place).toBe(r.place);
    expect((await arena.findRace(t.db, raceId))!.status).toBe("SETTLED");
    await ledgerZero();
  });

  it("a cancelled race refunds every ticket in full, once", async () => {
    const [race2] = await arena.racesIn(t.db, ["ACCUMULATING"]);
    const e = await arena.raceEntrants(t.db, race2!.id);
    const before = await balance(users[1]!);
    await buyTicket(t.db, { userId: users[1]!, raceId: race2!.id, cloneId: e[0]!.cloneId, stakeCents: 2_500, clientKey: "r2-a" }, T0 + 11 * M);
    await buyTicket(t.db, { userId: users[1]!, raceId: race2!.id, cloneId: e[1]!.cloneId, stakeCents: 700, clientKey: "r2-b" }, T0 + 11 * M);
    expect(await balance(users[1]!)).toBe(before - 3_200);
    expect(await refundRace(t.db, race2!.id, { reason: "operator test", now: T0 + 12 * M })).toBe(true);
    expect(await refundRace(t.db, race2!.id, { reason: "operator test", now: T0 + 12 * M })).toBe(false);
    expect(await balance(users[1]!)).toBe(before);
    expect((await arena.findRace(t.db, race2!.id))!).toMatchObject({ status: "CANCELLED", cancelReason: "operator test" });
    await ledgerZero();
  });

  it("My Tickets: each ticket newest first with its race, clone, status and what it was paid, a page at a time", async () => {
    const u = users[1]!;
    const mine = (await t.db.ticket.findMany({ where: { userId: u }, select: { id: true, raceId: true, cloneId: true, stakeCents: true } }));
    const entries = await t.db.ledgerEntry.groupBy({ by: ["ticketId"], where: { ticketId: { in: mine.map((x) => x.id) } }, _sum: { amountCents: true } });
    const paidOf = new Map(entries.map((e) => [e.ticketId!, Number(e._sum.amountCents)]));
    const all = await myTickets(t.db, u, 1, 100);
    expect(all.total).toBe(mine.length);
    expect(all.rows.map((r) => r.id).sort()).toEqual(mine.map((x) => x.id).sort());
    for (const [i, r] of all.rows.entries()) {
      if (i > 0) expect(r.createdAt.getTime()).toBeLessThanOrEqual(all.rows[i - 1]!.createdAt.getTime());
      const ticket = mine.find((x) => x.id === r.id)!;
      const race = (await arena.findRace(t.db, ticket.raceId))!;
      const entrant = (await arena.raceEntrants(t.db, ticket.raceId)).find((e) => e.cloneId === ticket.cloneId)!;
      expect(r).toMatchObject({ stakeCents: Number(ticket.stakeCents), payoutCents: paidOf.get(r.id) ?? 0, race: { id: race.id, number: race.number, status: race.status } });
      expect(r.clone).toEqual({ id: ticket.cloneId, name: entrant.name, avatar: entrant.avatar, place: entrant.place });
      expect(r.status).toBe(race.status === "CANCELLED" ? "REFUNDED" : (paidOf.get(r.id) ?? 0) > 0 ? "WON" : "LOST");
    }
    expect(new Set(all.rows.map((r) => r.status))).toEqual(new Set(["REFUNDED", ...all.rows.filter((r) => r.race.status !== "CANCELLED").map((r) => r.status)]));
    // pages of 2 cover the same tickets in the same order; past the end, none but the same total
    const paged = [];
    for (let page = 1; page <= Math.ceil(mine.length / 2); page++) paged.push(...(await myTickets(t.db, u, page, 2)).rows.map((r) => r.id));
    expect(paged).toEqual(all.rows.map((r) => r.id));
    expect(await myTickets(t.db, u, 99, 2)).toMatchObject({ total: mine.length, rows: [] });
    expect(await myTickets(t.db, "no-such-user", 1, 20)).toMatchObject({ total: 0, rows: [] });
  });

  it("two workers opening the next race at once open one", async () => {
    for (const r of await arena.racesIn(t.db, ["ACCUMULATING"])) await refundRace(t.db, r.id, { reason: "make room", now: T0 + 12 * M });
    const other = t.connectAgain();
    const opened = await Promise.all([openNextRace(t.db, T0 + 12 * M), openNextRace(other, T0 + 12 * M), openNextRace(t.db, T0 + 12 * M)]);
    expect(opened.filter(Boolean)).toHaveLength(1);
    expect(await t.db.race.count({ where: { status: "ACCUMULATING" } })).toBe(1);
  });

  it("advanceArena keeps one race accumulating and cancels one launched with too few entrants", async () => {
    for (const r of await arena.racesIn(t.db, ["ACCUMULATING"])) await refundRace(t.db, r.id, { reason: "make room", now: T0 + 13 * M });
    const steps = await advanceArena(t.db, T0 + 13 * M);
    expect(steps.map((s) => s.step)).toContain("wait");
    const [open, ...more] = await arena.racesIn(t.db, ["ACCUMULATING"]);
    expect(more).toEqual([]);
    expect(open!.number).toBeGreaterThanOrEqual(3);
    // leave a single entrant: at its launch time the race is cancelled, and another opens
    await t.db.raceEntrant.deleteMany({ where: { raceId: open!.id, slot: { gt: 1 } } });
    const later = await advanceArena(t.db, open!.launchAtMs);
    expect(later).toEqual(expect.arrayContaining([{ raceNumber: open!.number, step: "cancel" }]));
    expect((await arena.findRace(t.db, open!.id))!.cancelReason).toBe("Only 1 entrant at launch; a race needs 2");
    expect((await arena.racesIn(t.db, ["ACCUMULATING"])).map((r) => r.number)).toEqual([open!.number + 1]);
  });
});
