import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { adapterOf, readRows } from "./reader";

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

  it("keeps its connections across Prisma transactions, and drops a rolled-back transaction's", async () => {
    // a TEMP table lives on the one connection that made it
    const marked = async (db: Parameters<typeof readRows>[0]) =>
      (await readRows<{ n: number }>(db, `SELECT count(*) AS "n" FROM temp.sqlite_master WHERE "name" = 'mark'`, []))[0]!.n === 1;
    await adapterOf(t.db)!.client!.execute(`CREATE TEMP TABLE "mark" ("x" INTEGER)`);
    await t.db.$transaction(async (tx) => {
      await tx.user.create(user("e"));
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE "mark" ("x" INTEGER)`);
    });
    expect(await marked(t.db)).toBe(true);
    expect(await t.db.$transaction((tx) => marked(tx))).toBe(true);
    await expect(t.db.$transaction(async () => Promise.reject(new Error("undo")))).rejects.toThrow("undo");
    expect(await t.db.$transaction((tx) => marked(tx))).toBe(false);
    expect(await marked(t.db)).toBe(true);
    await t.db.user.delete({ where: { email: "e@example.test" } });
  });

  it("still reads after the client disconnected", async () => {
    await t.db.$disconnect();
    expect(await names(t.db)).toEqual(["a", "b", "c", "d"]);
    expect(await names(t.db)).toEqual(["a", "b", "c", "d"]);
  });
});
