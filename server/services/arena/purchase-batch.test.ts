/**
 * Ticket purchases written as a group (server/repositories/arena-purchases.ts) on a
 * real SQLite file: each purchase decided in order as if written one after another
 * (race closed or clone not entered, wallet short against the running balance, key
 * used before or earlier in the group), only the accepted ones written, with every
 * ledger entry's balance after it; and a group whose write fails is written again
 * one purchase per savepoint, so only the faulty purchase fails.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { writeTransaction } from "@/server/db";
import type { PurchaseRow } from "@/server/repositories/arena-ledger";
import { writePurchases } from "@/server/repositories/arena-purchases";
import * as arena from "@/server/repositories/arena";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { runLedgerAudit } from "../ledger/run-ledger-audit";
import { signUp } from "../users/sign-up";
import { ensureDemoUsers } from "../users/demo-users";
import { ensureDemoArena } from "./demo-arena";
import { openNextRace } from "./lifecycle";
import { submitPurchase } from "./purchase-batch";
import { setArenaSchedule } from "./settings";

const T0 = Date.UTC(2026, 6, 1, 12, 0);
let t: TestDb;
let raceId: string;
let launchAtMs: number;
let clones: string[];
const users: string[] = [];
let seq = 0;

const balance = async (code: string) => Number((await t.db.ledgerAccount.findUnique({ where: { code } }))?.balanceCents ?? 0n);

function row(userId: string, stakeCents: number, over: Partial<PurchaseRow> = {}): PurchaseRow {
  const clientKey = over.clientKey ?? `key-${seq++}`;
  return {
    ticketId: `ticket-${seq++}`, raceId, cloneId: clones[0]!, userId, stakeCents, clientKey,
    idempotencyKey: `ticket:${userId}:${clientKey}`, requestHash: "h", memo: "Ticket", launchAfterMs: T0, ...over,
  };
}

beforeAll(async () => {
  t = await createTestDb();
  await ensureDemoUsers(t.db);
  await ensureDemoArena(t.db);
  const admin = (await t.db.user.findUniqueOrThrow({ where: { email: "admin@clash.local" } })).id;
  await setArenaSchedule(t.db, { accumulateMinutes: 60, liveMinutes: 60, timeScale: 1 }, { actor: { userId: admin, label: "admin@clash.local" }, reason: "schedule for this run" });
  raceId = (await openNextRace(t.db, T0))!;
  launchAtMs = (await arena.findRace(t.db, raceId))!.launchAtMs;
  clones = (await arena.raceEntrants(t.db, raceId)).map((e) => e.cloneId);
  // each with the 1,000-credit signup grant
  for (let i = 0; i < 2; i++) users.push((await signUp(t.db, { name: `Buyer ${i}`, email: `group${i}@example.test`, password: "correct horse battery" }, [])).id);
}, 60_000);
afterAll(async () => t.cleanup());

describe("a group of purchases", () => {
  it("decides each in order against the running balances and writes only those accepted", async () => {
    const [a, b] = users as [string, string];
    const rows = [
      row(a, 60_000), // ok: 1,000 -> 400 credits
      row(a, 50_000), // refused: 400 credits left
      row(a, 40_000, { clientKey: "same" }), // ok: 400 -> 0
      row(b, 10_000, { clientKey: "same" }), // ok: another user's key
      row(b, 10_000, { clientKey: "same" }), // the key again in the group: nothing written
      row(b, 10_000, { launchAfterMs: launchAtMs }), // the race launches: refused
      row(b, 10_000, { cloneId: "not-entered" }), // refused
      row(b, 20_000, { cloneId: clones[1]! }), // ok: 900 -> 700
    ];
    const outcomes = await writeTransaction(t.db, (tx) => writePurchases(tx, rows));
    expect(outcomes.map((o) => (o.ok ? "ok" : o.refused))).toEqual(["ok", "funds", "ok", "ok", "duplicate", "race", "race", "ok"]);
    expect(outcomes.filter((o) => o.ok).map((o) => o.ok && o.walletBalanceCents)).toEqual([40_000, 0, 90_000, 70_000]);

    // a key bought before this group is a duplicate too
    const again = await writeTransaction(t.db, (tx) => writePurchases(tx, [row(b, 100, { clientKey: "same" })]));
    expect(again).toEqual([{ ok: false, refused: "duplicate" }]);

    expect(await balance(`wallet:${a}`)).toBe(0);
    expect(await balance(`wallet:${b}`)).toBe(70_000);
    expect(await balance(`escrow:${raceId}`)).toBe(130_000);
    const race = (await arena.findRace(t.db, raceId))!;
    expect(race).toMatchObject({ poolCents: 130_000, ticketCount: 4 });
    const entrants = await arena.raceEntrants(t.db, raceId);
    expect(entrants.find((e) => e.cloneId === clones[0])).toMatchObject({ stakeCents: 110_000, ticketCount: 3 });
    expect(entrants.find((e) => e.cloneId === clones[1])).toMatchObject({ stakeCents: 20_000, ticketCount: 1 });
    const tickets = await t.db.ticket.findMany({ where: { raceId }, orderBy: { id: "asc" } });
    expect(tickets.map((x) => x.id).sort()).toEqual([rows[0]!, rows[2]!, rows[3]!, rows[7]!].map((r) => r.ticketId).sort());

    // every entry with the balance after it, in the order of the purchases
    const entries = await t.db.ledgerEntry.findMany({ where: { transaction: { kind: "TICKET_PURCHASE" } }, orderBy: { id: "asc" }, include: { account: { select: { code: true } } } });
    expect(entries.map((e) => [e.account.code, Number(e.amountCents), Number(e.balanceAfterCents)])).toEqual([
      [`wallet:${a}`, -60_000, 40_000], [`escrow:${raceId}`, 60_000, 60_000],
      [`wallet:${a}`, -40_000, 0], [`escrow:${raceId}`, 40_000, 100_000],
      [`wallet:${b}`, -10_000, 90_000], [`escrow:${raceId}`, 10_000, 110_000],
      [`wallet:${b}`, -20_000, 70_000], [`escrow:${raceId}`, 20_000, 130_000],
    ]);
    expect((await runLedgerAudit(t.db, new ManualClock(T0))).ok).toBe(true);
  });

  it("written again one by one when the group's write fails: only the faulty purchase fails", async () => {
    const b = users[1]!;
    const existing = (await t.db.ticket.findFirstOrThrow({ where: { userId: b } })).id;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    // the first goes alone (nothing else waits); the next three form one group, one of them
    // with a ticket id already taken, which fails the group's insert of tickets
    const first = submitPurchase(t.db, row(b, 1_000));
    const group = [row(b, 1_000), row(b, 1_000, { ticketId: existing }), row(b, 1_000)].map((r) => submitPurchase(t.db, r).then((w) => ({ w }), (e: unknown) => ({ e })));
    expect((await first).ok).toBe(true);
    const settled = await Promise.all(group);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    expect(settled.map((s) => ("w" in s ? (s.w.ok ? "ok" : s.w.refused) : "error"))).toEqual(["ok", "error", "ok"]);
    expect(await balance(`wallet:${b}`)).toBe(70_000 - 3 * 1_000);
    expect((await arena.findRace(t.db, raceId))!).toMatchObject({ poolCents: 133_000, ticketCount: 7 });
    expect((await runLedgerAudit(t.db, new ManualClock(T0))).ok).toBe(true);
  });
});
