import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { isUniqueViolation } from "./transaction";
import { write, writeTransaction, type Writer } from "./writer";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.cleanup());

const INSERT_USER = `INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") VALUES (?, ?, ?, '-', ?)`;
const addUser = (w: Writer, id: string, at = new Date()) => write(w, INSERT_USER, [id, `${id}@example.test`, id, at]);
const ids = async () => (await t.db.user.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((u) => u.id);
const caught = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe("write", () => {
  it("stores what Prisma reads back (a Date as Prisma stores one) and counts the rows it changed", async () => {
    const at = new Date(Date.UTC(2026, 6, 1, 12, 0, 0, 123));
    expect(await addUser(t.db, "w1", at)).toBe(1);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: "w1" } });
    expect(user).toMatchObject({ email: "w1@example.test", name: "w1", updatedAt: at });
    expect(await write(t.db, `UPDATE "User" SET "name" = ? WHERE "id" LIKE 'w%'`, ["again"])).toBe(1);
  });

  it("fails a duplicate key with an error isUniqueViolation recognises", async () => {
    expect(isUniqueViolation(await caught(addUser(t.db, "w1")))).toBe(true);
  });

  it("inside a Prisma transaction, writes through it and rolls back with it", async () => {
    await expect(
      t.db.$transaction(async (tx) => {
        await addUser(tx, "w2");
        expect((await tx.user.findMany({ where: { id: "w2" } })).length).toBe(1);
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    expect(await ids()).toEqual(["w1"]);
  });

  it("queues behind an open Prisma transaction of this process, as Prisma's own queries do", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const tx = t.db.$transaction(async (tx) => {
      await tx.user.create({ data: { id: "w3", email: "w3@example.test", name: "w3", passwordHash: "-" } });
      await held;
      order.push("committed");
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const written = addUser(t.db, "w4").then(() => order.push("written"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([]);
    release();
    await Promise.all([tx, written]);
    expect(order).toEqual(["committed", "written"]);
    expect(await ids()).toEqual(["w1", "w3", "w4"]);
  });
});

describe("writeTransaction", () => {
  it("commits every statement, or none when its function throws", async () => {
    await expect(
      writeTransaction(t.db, async (tx) => {
        await addUser(tx, "w5");
        await addUser(tx, "w6");
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    expect(await ids()).toEqual(["w1", "w3", "w4"]);
    expect(await writeTransaction(t.db, async (tx) => (await addUser(tx, "w5")) + (await addUser(tx, "w6")))).toBe(2);
    expect(await ids()).toEqual(["w1", "w3", "w4", "w5", "w6"]);
  });

  it("rolls back whole on a duplicate key, with an error isUniqueViolation recognises", async () => {
    const e = await caught(writeTransaction(t.db, async (tx) => {
      await addUser(tx, "w7");
      await addUser(tx, "w1");
    }));
    expect(isUniqueViolation(e)).toBe(true);
    expect(await ids()).toEqual(["w1", "w3", "w4", "w5", "w6"]);
  });

  it("writes after the client disconnected (Prisma connects again)", async () => {
    await t.db.$disconnect();
    await writeTransaction(t.db, (tx) => addUser(tx, "w8"));
    await t.db.$disconnect();
    await addUser(t.db, "w9");
    expect(await ids()).toEqual(["w1", "w3", "w4", "w5", "w6", "w8", "w9"]);
  });
});
