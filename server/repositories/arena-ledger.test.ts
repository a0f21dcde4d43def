/**
 * A race's payouts (writePayouts) on a real SQLite file: one entry per leg and per
 * ticket leg, each naming its ticket, written in groups each in its accounts'
 * order, and whatever that order, every account's entries chain its balance
 * (each entry's balance after = the one before + its amount, the last = the
 * account's balance); a wallet missing is created.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId, writeTransaction } from "@/server/db";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { writePayouts } from "./arena-ledger";

let t: TestDb;
const users: string[] = [];

beforeAll(async () => {
  t = await createTestDb();
  for (let i = 0; i < 6; i++) {
    const user = await t.db.user.create({ data: { email: `payee${i}@example.test`, name: `Payee ${i}`, passwordHash: "!" } });
    users.push(user.id);
    // the last user has no wallet yet: the payout creates it
    if (i < 5) await t.db.ledgerAccount.create({ data: { id: newId(), code: `wallet:${user.id}`, kind: "USER_WALLET", userId: user.id, balanceCents: 1_000 * (i + 1) } });
  }
}, 60_000);
afterAll(async () => t.cleanup());

describe("writePayouts", () => {
  it("writes an entry per ticket leg, in groups by account, with each account's balances chained", async () => {
    // 23 tickets bought in a scrambled order of buyers; the escrow holds exactly what they are paid
    const tickets = Array.from({ length: 23 }, (_, i) => ({ ticketId: `ticket-${String(i).padStart(2, "0")}`, userId: users[(i * 7) % users.length]!, amountCents: 100 + i }));
    const total = tickets.reduce((a, x) => a + x.amountCents, 0);
    await t.db.ledgerAccount.create({ data: { id: newId(), code: "escrow:r1", kind: "RACE_POOL_ESCROW", balanceCents: total } });
    const before = new Map((await t.db.ledgerAccount.findMany()).map((a) => [a.id, Number(a.balanceCents)]));

    const { transactionId } = await writeTransaction(t.db, (tx) => writePayouts(tx, {
      idempotencyKey: "race-settlement:r1", requestHash: "h", kind: "RACE_SETTLEMENT", memo: "test", ticketGroup: 4,
      legs: [{ code: "escrow:r1", kind: "RACE_POOL_ESCROW", userId: null, amountCents: -total, ticketId: null }],
      tickets: { ticketIds: tickets.map((x) => x.ticketId), userIds: tickets.map((x) => x.userId), amountCents: tickets.map((x) => x.amountCents) },
    }));

    const entries = await t.db.ledgerEntry.findMany({ where: { transactionId }, orderBy: { id: "asc" }, include: { account: true } });
    expect(entries).toHaveLength(24);
    expect(entries[0]).toMatchObject({ ticketId: null, account: { code: "escrow:r1" } });
    // each ticket once, to its buyer's wallet, with its amount
    expect(entries.slice(1).map((e) => [e.ticketId, e.account.code, Number(e.amountCents)]).sort()).toEqual(
      tickets.map((x) => [x.ticketId, `wallet:${x.userId}`, x.amountCents]).sort());
    // each statement of four ticket legs in its accounts' order, the tickets in the order given
    for (let g = 1; g < entries.length; g += 4) {
      const group = entries.slice(g, g + 4);
      expect(group.map((e) => e.accountId)).toEqual(group.map((e) => e.accountId).sort());
      expect(group.map((e) => e.ticketId).sort()).toEqual(tickets.slice(g - 1, g + 3).map((x) => x.ticketId));
    }
    // every account's balances chained in id order, ending at its balance
    const after = new Map((await t.db.ledgerAccount.findMany()).map((a) => [a.id, Number(a.balanceCents)]));
    const running = new Map<string, number>();
    for (const e of entries) {
      const balance = (running.get(e.accountId) ?? before.get(e.accountId) ?? 0) + Number(e.amountCents);
      expect(Number(e.balanceAfterCents)).toBe(balance);
      running.set(e.accountId, balance);
    }
    for (const [id, balance] of running) expect(after.get(id)).toBe(balance);
    expect(after.get(entries[0]!.accountId)).toBe(0);
    expect((await t.db.ledgerAccount.findUnique({ where: { code: `wallet:${users[5]}` } }))?.userId).toBe(users[5]);
  });

  it("refuses legs that do not sum to zero, and a balance taken below zero", async () => {
    const legs = (escrow: number) => [{ code: "escrow:r2", kind: "RACE_POOL_ESCROW" as const, userId: null, amountCents: escrow, ticketId: null }];
    const tickets = { ticketIds: ["t-a"], userIds: [users[0]!], amountCents: [500] };
    await expect(writeTransaction(t.db, (tx) => writePayouts(tx, { idempotencyKey: "race-settlement:r2", requestHash: "h", kind: "RACE_SETTLEMENT", memo: "test", legs: legs(-400), tickets }))).rejects.toThrow("sum to 100");
    await expect(writeTransaction(t.db, (tx) => writePayouts(tx, { idempotencyKey: "race-settlement:r2", requestHash: "h", kind: "RACE_SETTLEMENT", memo: "test", legs: legs(-500), tickets }))).rejects.toThrow("escrow:r2 below zero");
    expect(await t.db.ledgerEntry.count({ where: { ticketId: "t-a" } })).toBe(0);
  });
});
