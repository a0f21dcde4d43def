import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { DomainError } from "@/lib/domain/errors";
import { arenaSchedule, arenaScheduleChanges, setArenaSchedule } from "./settings";

let t: TestDb;
const actor = { userId: "", label: "admin@clash.local" };

beforeAll(async () => {
  t = await createTestDb();
  actor.userId = (await t.db.user.create({ data: { email: "admin@clash.local", name: "Admin", passwordHash: "x", role: "ADMIN" } })).id;
});
afterAll(() => t.cleanup());

it("a schedule change is kept with who and why, from what to what; the same values again write nothing", async () => {
  const before = await arenaSchedule(t.db);
  await setArenaSchedule(t.db, { accumulateMinutes: 5, liveMinutes: 20, timeScale: 2 }, { actor, reason: "  a short evening demo  " });
  expect(await arenaSchedule(t.db)).toEqual({ accumulateMinutes: 5, liveMinutes: 20, timeScale: 2 });
  const [change, ...rest] = await arenaScheduleChanges(t.db);
  expect(rest).toHaveLength(0);
  expect(change).toMatchObject({
    key: "arena.schedule", changedBy: "admin@clash.local", reason: "a short evening demo",
    oldValue: `${before.accumulateMinutes} + ${before.liveMinutes} race min at ×${before.timeScale}`, newValue: "5 + 20 race min at ×2",
  });
  const row = await t.db.arenaSettings.findUniqueOrThrow({ where: { id: "arena" } });
  expect(row.updatedById).toBe(actor.userId);

  await setArenaSchedule(t.db, { accumulateMinutes: 5, liveMinutes: 20, timeScale: 2 }, { actor, reason: "pressed save twice" });
  expect(await arenaScheduleChanges(t.db)).toHaveLength(1);
});

it("without a reason, or out of range, nothing is written and the field is named", async () => {
  const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof DomainError ? { code: e.code, field: e.field } : e));
  expect(await refusal(setArenaSchedule(t.db, { accumulateMinutes: 6, liveMinutes: 20, timeScale: 2 }, { actor, reason: " " }))).toEqual({ code: "VALIDATION_FAILED", field: "reason" });
  expect(await refusal(setArenaSchedule(t.db, { accumulateMinutes: 6, liveMinutes: 20, timeScale: 0 }, { actor, reason: "zero scale" }))).toEqual({ code: "VALIDATION_FAILED", field: "timeScale" });
  expect(await arenaSchedule(t.db)).toEqual({ accumulateMinutes: 5, liveMinutes: 20, timeScale: 2 });
  expect(await arenaScheduleChanges(t.db)).toHaveLength(1);
});
