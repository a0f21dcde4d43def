/**
 * 2,000 ticket purchases by 50 users at once on a real SQLite file: no wallet below
 * zero, the escrow equal to the tickets' stakes, every cent of the grants accounted
 * for, and a retried key buying once. (One client: SQLite runs in the calling
 * thread, so two clients in one process would wait on each other's file lock while
 * holding the thread; two processes are what server/scheduler/two-processes.test.ts
 * and the ledger's four-process test exercise.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { DomainError } from "@/lib/domain/errors";
import * as arena from "@/server/repositories/arena";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { runLedgerAudit } from "../ledger/run-ledger-audit";
import { signUp } from "../users/sign-up";
import { ensureDemoUsers } from "../users/demo-users";
import { ensureDemoArena } from "./demo-arena";
import { openNextRace } from "./lifecycle";
import { setArenaSchedule } from "./settings";
import { buyTicket } from "./tickets";

const USERS = 50;
const PURCHASES = 2_000;
const GRANT = 100_000;
const T0 = Date.UTC(2026, 6, 1, 12, 0);

let t: TestDb;
let raceId: string;
const userIds: string[] = [];
let cloneIds: string[] = [];

beforeAll(async () => {
  t = await createTestDb();
  await ensureDemoUsers(t.db);
  await ensureDemoArena(t.db);
  const admin = (await t.db.user.findUniqueOrThrow({ where: { email: "admin@clash.local" } })).id;
  await setArenaSchedule(t.db, { accumulateMinutes: 60, liveMinutes: 60, timeScale: 1 }, { actor: { userId: admin, label: "admin@clash.local" }, reason: "schedule for this run" });
  raceId = (await openNextRace(t.db, T0))!;
  cloneIds = (await arena.raceEntrants(t.db, raceId)).map((e) => e.cloneId);
  for (let i = 0; i < USERS; i++) userIds.push((await signUp(t.db, { name: `Buyer ${i}`, email: `buyer${i}@example.test`, password: "correct horse battery" }, [])).id);
}, 120_000);
afterAll(async () => t.cleanup());

describe("2,000 parallel purchases by 50 users", () => {
  it("never overdraw, keep escrow equal to the tickets, account for every cent, and buy a retried key once", async () => {
    // deterministic stakes of 1 to 100 credits: 40 purchases a user average ~50 credits each, so
    // users run out of their 1,000 credits partway and later purchases are refused
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const requests = Array.from({ length: PURCHASES }, (_, i) => ({
      userId: userIds[i % USERS]!, cloneId: cloneIds[Math.floor(next() * cloneIds.length)]!,
      stakeCents: (1 + Math.floor(next() * 100)) * 100, clientKey: `k${i}`,
    }));
    // every 10th purchase is sent twice (a client retry racing the first request)
    const sends = [...requests, ...requests.filter((_, i) => i % 10 === 0)];
    const results = await Promise.all(
      sends.map((r) => buyTicket(t.db, { ...r, raceId }, T0 + 1_000).then((ok) => ({ ok, r }), (e: unknown) => ({ e, r }))),
    );
    const refused = results.filter((x) => "e" in x);
    for (const x of refused) {
      expect(x.e).toBeInstanceOf(DomainError);
      expect((x.e as DomainError).code).toBe("INSUFFICIENT_FUNDS");
    }
    expect(refused.length).toBeGreaterThan(100);

    const tickets = await t.db.ticket.findMany({ where: { raceId }, select: { userId: true, clientKey: true, stakeCents: true } });
    // a key buys at most once, and every purchase that said yes is a ticket
    expect(new Set(tickets.map((x) => `${x.userId}:${x.clientKey}`)).size).toBe(tickets.length);
    const bought = new Set(results.filter((x) => "ok" in x).map((x) => `${x.r.userId}:${x.r.clientKey}`));
    expect(bought.size).toBe(tickets.length);

    const stakes = tickets.reduce((a, x) => a + Number(x.stakeCents), 0);
    const escrow = await t.db.ledgerAccount.findUniqueOrThrow({ where: { code: `escrow:${raceId}` } });
    expect(Number(escrow.balanceCents)).toBe(stakes);
    const race = (await arena.findRace(t.db, raceId))!;
    expect(race).toMatchObject({ poolCents: stakes, ticketCount: tickets.length });
    const entrants = await arena.raceEntrants(t.db, raceId);
    expect(entrants.reduce((a, e) => a + e.stakeCents, 0)).toBe(stakes);

    for (const userId of userIds) {
      const wallet = Number((await t.db.ledgerAccount.findUniqueOrThrow({ where: { code: `wallet:${userId}` } })).balanceCents);
      const spent = tickets.filter((x) => x.userId === userId).reduce((a, x) => a + Number(x.stakeCents), 0);
      expect(wallet).toBeGreaterThanOrEqual(0);
      expect(wallet + spent).toBe(GRANT);
    }
    const audit = await runLedgerAudit(t.db, new ManualClock(T0));
    expect(audit.ok).toBe(true);
  }, 300_000);
});
