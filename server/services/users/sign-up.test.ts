import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { expectLedgerConsistent } from "@/server/testing/ledger-invariants";
import { getWallet } from "../wallet/get-wallet";
import { signUp } from "./sign-up";
import { verifyCredentials } from "./verify-credentials";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterEach(async () => expectLedgerConsistent(t.db));
afterAll(async () => t.cleanup());

const counts = async () => [await t.db.user.count(), await t.db.ledgerTransaction.count(), await t.db.ledgerEntry.count()];

describe("signUp", () => {
  it("creates the user, the wallet and the 1,000-credit grant together", async () => {
    const user = await signUp(t.db, { name: "  Nova ", email: "Nova@Example.TEST", password: "long-enough" }, []);
    expect(user).toMatchObject({ name: "Nova", email: "nova@example.test", role: "USER" });
    const wallet = await getWallet(t.db, user.id);
    expect(wallet.balanceCents).toBe(100_000);
    expect(wallet.entries.map((e) => [e.kind, e.memo, e.amountCents])).toEqual([["SIGNUP_GRANT", "Signup grant", 100_000]]);
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$2[aby]\$11\$/);
  });

  it("promotes emails listed in ADMIN_EMAILS", async () => {
    const user = await signUp(t.db, { name: "Boss", email: "boss@example.test", password: "long-enough" }, ["boss@example.test"]);
    expect(user.role).toBe("ADMIN");
  });

  it.each([
    [{ name: "Nope", email: "not-an-email", password: "long-enough" }, "email", "Enter a valid email address"],
    [{ name: "Nope", email: "ok@example.test", password: "short" }, "password", "Password must be at least 8 characters"],
    [{ name: "N", email: "ok@example.test", password: "long-enough" }, "name", "Display name must be at least 2 characters"],
    [{ email: "ok@example.test", password: "long-enough" }, "name", "Enter a display name"],
  ])("refuses %j on %s and writes nothing", async (input, field, message) => {
    const before = await counts();
    await expect(signUp(t.db, input, [])).rejects.toMatchObject({ code: "VALIDATION_FAILED", field, message });
    expect(await counts()).toEqual(before);
  });

  it("refuses a second account for one email, whatever its case", async () => {
    await signUp(t.db, { name: "First", email: "dup@example.test", password: "long-enough" }, []);
    const before = await counts();
    await expect(signUp(t.db, { name: "Second", email: "DUP@example.test", password: "long-enough" }, [])).rejects.toMatchObject({
      code: "CONFLICT",
      field: "email",
    });
    expect(await counts()).toEqual(before);
  });
});

describe("verifyCredentials", () => {
  it("accepts the right password only", async () => {
    await signUp(t.db, { name: "Vera", email: "vera@example.test", password: "right-password" }, []);
    expect(await verifyCredentials(t.db, { email: "VERA@example.test", password: "right-password" }, [])).toMatchObject({
      email: "vera@example.test",
    });
    expect(await verifyCredentials(t.db, { email: "vera@example.test", password: "wrong-password" }, [])).toBeNull();
    expect(await verifyCredentials(t.db, { email: "nobody@example.test", password: "right-password" }, [])).toBeNull();
    expect(await verifyCredentials(t.db, { email: "", password: "" }, [])).toBeNull();
  });

  it("promotes a user whose email was added to ADMIN_EMAILS after sign-up", async () => {
    await signUp(t.db, { name: "Later", email: "later@example.test", password: "right-password" }, []);
    const user = await verifyCredentials(t.db, { email: "later@example.test", password: "right-password" }, ["later@example.test"]);
    expect(user?.role).toBe("ADMIN");
  });
});
