import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { accountCode } from "@/lib/domain/ledger/accounts";
import { auditionFeePosting, signupGrantPosting } from "@/lib/domain/ledger/rules";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { expectLedgerConsistent } from "@/server/testing/ledger-invariants";
import { findAccountByCode } from "@/server/repositories/ledger";
import { chargeAuditionFee } from "../wallet/charge-audition-fee";
import { postLedger } from "./post-ledger";

const run = promisify(execFile);
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterEach(async () => expectLedgerConsistent(t.db));
afterAll(async () => t.cleanup());

let userSeq = 0;
async function userWithGrant() {
  const user = await t.db.user.create({
    data: { email: `u${++userSeq}@test.local`, name: `User ${userSeq}`, passwordHash: "x" },
  });
  await postLedger(t.db, { posting: signupGrantPosting(user.id), idempotencyKey: `signup-grant:${user.id}` });
  return user.id;
}
const balance = async (code: string) => (await findAccountByCode(t.db, code))?.balanceCents ?? 0;
const wallet = (userId: string) => accountCode({ kind: "USER_WALLET", userId });

describe("postLedger", () => {
  it("posts a balanced transaction with entries and balances after", async () => {
    const userId = await userWithGrant();
    expect(await balance(wallet(userId))).toBe(100_000);
    const entries = await t.db.ledgerEntry.findMany({
      where: { transaction: { idempotencyKey: `signup-grant:${userId}` } },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => Number(e.amountCents))).toEqual([-100_000, 100_000]);
    expect(Number(entries[1]!.balanceAfterCents)).toBe(100_000);
  });

  it("the same idempotency key twice posts once", async () => {
    const userId = await userWithGrant();
    const before = await t.db.ledgerTransaction.count();
    const first = await chargeAuditionFee(t.db, { userId, auditionId: "a1", cloneName: "Mo" });
    const second = await chargeAuditionFee(t.db, { userId, auditionId: "a1", cloneName: "Mo" });
    expect(first.replayed).toBe(false);
    expect(second).toEqual({ transactionId: first.transactionId, replayed: true });
    expect(await t.db.ledgerTransaction.count()).toBe(before + 1);
    expect(await balance(wallet(userId))).toBe(100_000 - 2_500);
  });

  it("a key reused for a different posting is refused and changes nothing", async () => {
    const userId = await userWithGrant();
    await chargeAuditionFee(t.db, { userId, auditionId: "a2", cloneName: "Mo" });
    const before = await t.db.ledgerEntry.count();
    await expect(
      postLedger(t.db, { posting: auditionFeePosting(userId, "Another clone"), idempotencyKey: "audition-fee:a2" }),
    ).rejects.toMatchObject({ code: "IDEMPOTENCY_CONFLICT" });
    expect(await t.db.ledgerEntry.count()).toBe(before);
  });

  it("a debit above the balance is refused and nothing is half-written", async () => {
    const userId = await t.db.user
      .create({ data: { email: `poor${++userSeq}@test.local`, name: "Poor", passwordHash: "x" } })
      .then((u) => u.id);
    const counts = async () => [await t.db.ledgerTransaction.count(), await t.db.ledgerEntry.count(), await balance("treasury")];
    const before = await counts();
    await expect(chargeAuditionFee(t.db, { userId, auditionId: "broke", cloneName: "Mo" })).rejects.toMatchObject({
      code: "INSUFFICIENT_FUNDS",
      field: "amount",
      message: "Not enough credits: 25.00 needed, 0.00 available",
    });
    expect(await counts()).toEqual(before);
  });

  it("200 concurrent debits against one wallet never overdraw it and never lose a cent", async () => {
    const userId = await userWithGrant(); // 1,000 credits = exactly 40 fees of 25
    const treasuryBefore = await balance("treasury");
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) => chargeAuditionFee(t.db, { userId, auditionId: `c-${i}`, cloneName: `C${i}` })),
    );
    const ok = results.filter((r) => r.status === "fulfilled").length;
    const refused = results.filter((r) => r.status === "rejected" && r.reason.code === "INSUFFICIENT_FUNDS").length;
    expect([ok, refused]).toEqual([40, 160]);
    expect(await balance(wallet(userId))).toBe(0);
    expect((await balance("treasury")) - treasuryBefore).toBe(40 * 2_500);
  });

  it("debits from four processes at once never overdraw the wallet", async () => {
    const userId = await userWithGrant();
    const treasuryBefore = await balance("treasury");
    const script = path.resolve(import.meta.dirname, "../../testing/ledger-debit-process.ts");
    const tsx = path.resolve(import.meta.dirname, "../../../node_modules/.bin/tsx");
    const outputs = await Promise.all(
      ["p1", "p2", "p3", "p4"].map((tag) => run(tsx, [script, t.url, userId, tag, "50"], { timeout: 120_000 })),
    );
    const totals = outputs.map((o) => JSON.parse(o.stdout.trim().split("\n").at(-1)!));
    for (const r of totals) expect(r.otherErrors).toEqual([]);
    expect(totals.reduce((s, r) => s + r.ok, 0)).toBe(40);
    expect(totals.reduce((s, r) => s + r.refused, 0)).toBe(160);
    expect(await balance(wallet(userId))).toBe(0);
    expect((await balance("treasury")) - treasuryBefore).toBe(40 * 2_500);
  });
});
