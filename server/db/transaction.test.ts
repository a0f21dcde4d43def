import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { isUniqueViolation } from "./transaction";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.user.create({ data: { id: "taken", email: "taken@example.test", name: "Taken", passwordHash: "-" } });
});
afterAll(async () => t.cleanup());

const caught = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);
const rawUser = (id: string, email: string | null) =>
  t.db.$executeRawUnsafe(`INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") VALUES (?, ?, 'x', '-', ?)`, id, email, new Date());

describe("isUniqueViolation", () => {
  it("is true for a duplicate key from a model query and from a raw statement", async () => {
    expect(isUniqueViolation(await caught(t.db.user.create({ data: { email: "taken@example.test", name: "Again", passwordHash: "-" } })))).toBe(true);
    expect(isUniqueViolation(await caught(rawUser("other", "taken@example.test")))).toBe(true);
    expect(isUniqueViolation(await caught(rawUser("taken", "new@example.test")))).toBe(true);
  });

  it("is false for other failures", async () => {
    expect(isUniqueViolation(await caught(rawUser("nameless", null)))).toBe(false);
    expect(isUniqueViolation(new Error("UNIQUE constraint failed"))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
