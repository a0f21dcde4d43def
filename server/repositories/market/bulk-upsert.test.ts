import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { bulkUpsert, encodeJsonValue } from "./bulk-upsert";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.$executeRawUnsafe(`CREATE TABLE "Probe" ("k" TEXT NOT NULL, "t" BIGINT NOT NULL, "v" REAL, "s" TEXT, PRIMARY KEY ("k", "t"))`);
});
afterAll(async () => t.cleanup());

// floats whose shortest decimal form SQLite 3.45 parses to a neighbouring double
const AWKWARD = [6.55423, 15.23346, 7.08548, 26.46692, 0.1 + 0.2, 1 / 3, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, Math.sin(7) * -1e-5, 95012.5];

describe("bulkUpsert", () => {
  it("stores every float back as the very same double", async () => {
    await bulkUpsert(t.db, "Probe", ["k", "t", "v", "s"], ["k", "t"], AWKWARD.map((v, i) => ["a", i, v, `row "${i}"`]));
    const rows = await t.db.$queryRawUnsafe<{ t: bigint | number; v: number; s: string }[]>(`SELECT "t", "v", "s" FROM "Probe" WHERE "k" = 'a' ORDER BY "t"`);
    expect(rows.map((r) => r.v)).toEqual(AWKWARD);
    expect(rows.map((r) => r.s)).toEqual(AWKWARD.map((_v, i) => `row "${i}"`));
  });

  it("updates rows on key conflict and keeps 64-bit times exact", async () => {
    const t0 = 1_775_001_600_000;
    await bulkUpsert(t.db, "Probe", ["k", "t", "v", "s"], ["k", "t"], [["b", t0, 1, null], ["b", t0 + 60_000, 2, null]]);
    await bulkUpsert(t.db, "Probe", ["k", "t", "v", "s"], ["k", "t"], [["b", t0 + 60_000, 3, "updated"]]);
    const rows = await t.db.$queryRawUnsafe<{ t: bigint | number; v: number; s: string | null }[]>(`SELECT "t", "v", "s" FROM "Probe" WHERE "k" = 'b' ORDER BY "t"`);
    expect(rows.map((r) => [Number(r.t), r.v, r.s])).toEqual([[t0, 1, null], [t0 + 60_000, 3, "updated"]]);
  });

  it("refuses non-finite numbers", () => {
    expect(() => encodeJsonValue(Number.NaN)).toThrow("non-finite");
    expect(() => encodeJsonValue(Number.POSITIVE_INFINITY)).toThrow("non-finite");
  });
});
