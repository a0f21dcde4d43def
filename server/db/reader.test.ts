import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { readRows } from "./reader";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.cleanup());

const names = async (db: Parameters<typeof readRows>[0]) =>
  (await readRows<{ name: string }>(db, `SELECT "name" FROM "User" ORDER BY "name"`, [])).map((r) => r.name);
const user = (name: string) => ({ data: { email: `${name}@example.test`, name, passwordHash: "-" } });

describe("readRows", () => {
  it("sees every committed write at once: this client's and another process's", async () => {
    await t.db.user.create(user("a"));
    expect(await names(t.db)).toEqual(["a"]);
    await t.db.user.create(user("b"));
    expect(await names(t.db)).toEqual(["a", "b"]);
    await t.connectAgain().user.create(user("c"));
    expect(await names(t.db)).toEqual(["a", "b", "c"]);
  });

  it("inside a transaction reads its own writes; outside, the last committed state, without waiting for it", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const tx = t.db.$transaction(async (tx) => {
      await tx.user.create(user("d"));
      expect(await names(tx)).toEqual(["a", "b", "c", "d"]);
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await names(t.db)).toEqual(["a", "b", "c"]);
    release();
    await tx;
    expect(await names(t.db)).toEqual(["a", "b", "c", "d"]);
  });

  it("still reads after the client disconnected", async () => {
    await t.db.$disconnect();
    expect(await names(t.db)).toEqual(["a", "b", "c", "d"]);
    expect(await names(t.db)).toEqual(["a", "b", "c", "d"]);
  });
});
