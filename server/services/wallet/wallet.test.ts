import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { expectLedgerConsistent } from "@/server/testing/ledger-invariants";
import { signUp } from "../users/sign-up";
import { chargeAuditionFee } from "./charge-audition-fee";
import { getWallet } from "./get-wallet";
import { grantCredits } from "./grant-credits";

let t: TestDb;
let adminId: string;
beforeAll(async () => {
  t = await createTestDb();
  adminId = (await signUp(t.db, { name: "Admin", email: "admin@example.test", password: "long-enough" }, ["admin@example.test"])).id;
});
afterEach(async () => expectLedgerConsistent(t.db));
afterAll(async () => t.cleanup());

let n = 0;
const newUser = async () => signUp(t.db, { name: `User ${++n}`, email: `user${n}@example.test`, password: "long-enough" }, []);

describe("grantCredits", () => {
  it("adds credits with the reason, once per request id", async () => {
    const user = await newUser();
    const input = { actorId: adminId, email: user.email.toUpperCase(), amountCents: 12_345, reason: "bug bounty", requestId: "r-1" };
    const first = await grantCredits(t.db, input);
    const again = await grantCredits(t.db, input);
    expect(again).toMatchObject({ transactionId: first.transactionId, replayed: true });
    const wallet = await getWallet(t.db, user.id);
    expect(wallet.balanceCents).toBe(100_000 + 12_345);
    expect(wallet.entries[0]).toMatchObject({ kind: "ADMIN_GRANT", memo: "Admin grant: bug bounty", amountCents: 12_345 });
    const tx = await t.db.ledgerTransaction.findUniqueOrThrow({ where: { id: first.transactionId } });
    expect(tx.actorId).toBe(adminId);
  });

  it.each([
    [{ amountCents: -500 }, "amount", "Amount must be positive"],
    [{ amountCents: 0 }, "amount", "Amount must be positive"],
    [{ reason: "" }, "reason", "Give a reason (at least 3 characters)"],
    [{ email: "nobody@example.test" }, "email", "No user has this email"],
  ])("refuses %j on %s and changes nothing", async (override, field, message) => {
    const user = await newUser();
    const before = await t.db.ledgerEntry.count();
    await expect(
      grantCredits(t.db, { actorId: adminId, email: user.email, amountCents: 100, reason: "fine reason", requestId: `bad-${n}`, ...override }),
    ).rejects.toMatchObject({ field, message });
    expect(await t.db.ledgerEntry.count()).toBe(before);
    expect((await getWallet(t.db, user.id)).balanceCents).toBe(100_000);
  });
});

describe("getWallet", () => {
  it("pages the history newest first with balances after each entry", async () => {
    const user = await newUser();
    for (let i = 0; i < 24; i++) await chargeAuditionFee(t.db, { userId: user.id, auditionId: `${user.id}-${i}`, cloneName: `C${i}` });
    const page1 = await getWallet(t.db, user.id, 1, 10);
    expect(page1).toMatchObject({ balanceCents: 100_000 - 24 * 2_500, total: 25, page: 1, pageCount: 3 });
    expect(page1.entries[0]).toMatchObject({ memo: "Audition Fee: C23", amountCents: -2_500, balanceAfterCents: 40_000 });
    const page3 = await getWallet(t.db, user.id, 3, 10);
    expect(page3.entries.map((e) => e.memo)).toEqual(["Audition Fee: C3", "Audition Fee: C2", "Audition Fee: C1", "Audition Fee: C0", "Signup grant"]);
    expect(page3.entries.at(-1)?.balanceAfterCents).toBe(100_000);
    expect((await getWallet(t.db, user.id, 99, 10)).page).toBe(3);
  });

  it("is empty for a user without a wallet", async () => {
    expect(await getWallet(t.db, "no-such-user")).toEqual({ balanceCents: 0, entries: [], page: 1, pageCount: 1, total: 0 });
  });
});
