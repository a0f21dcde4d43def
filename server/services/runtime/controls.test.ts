import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { readRuntimeControls, setClonePaused, setGlobalLimit, setKillSwitch, tripBreaker } from "./controls";
import { runtimeControlChanges, runtimeControlsOverview } from "./overview";

let t: TestDb;
const admin = { userId: "u-admin", label: "admin@clash.local" };
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.cleanup());

describe("runtime controls", () => {
  it("changes the kill switch with an audit row naming who and why", async () => {
    await setKillSwitch(t.db, { level: "pause", reason: "exchange incident", actor: admin });
    expect((await readRuntimeControls(t.db, { maxAgeMs: 0 })).killSwitch).toBe("pause");
    const { items } = await runtimeControlChanges(t.db, { page: 1 });
    expect(items[0]).toMatchObject({ key: "kill-switch", oldValue: null, newValue: "pause", reason: "exchange incident", changedBy: "admin@clash.local" });
  });

  it("refuses a bad change naming the field, and changes nothing", async () => {
    const before = (await runtimeControlChanges(t.db, { page: 1 })).total;
    await expect(setKillSwitch(t.db, { level: "panic", reason: "because", actor: admin })).rejects.toMatchObject({ field: "level" });
    await expect(setKillSwitch(t.db, { level: "none", reason: "", actor: admin })).rejects.toMatchObject({ field: "reason" });
    await expect(setGlobalLimit(t.db, { name: "maxLeverage", value: "500", reason: "because", actor: admin })).rejects.toMatchObject({ field: "value", message: /between 1 and 50/ });
    await expect(setGlobalLimit(t.db, { name: "maxFun", value: "5", reason: "because", actor: admin })).rejects.toMatchObject({ field: "name" });
    await expect(setClonePaused(t.db, { cloneId: "nope", paused: true, reason: "because", actor: admin })).rejects.toMatchObject({ code: "NOT_FOUND", field: "cloneId" });
    expect((await runtimeControlChanges(t.db, { page: 1 })).total).toBe(before);
    expect((await readRuntimeControls(t.db, { maxAgeMs: 0 })).killSwitch).toBe("pause");
  });

  it("caches reads for at most a second, and a write through the service is seen at once", async () => {
    const first = await readRuntimeControls(t.db);
    // a write behind the service's back (another process) is not seen within the cache window
    await t.db.runtimeControl.update({ where: { key: "kill-switch" }, data: { value: "flatten" } });
    expect(await readRuntimeControls(t.db)).toBe(first);
    expect((await readRuntimeControls(t.db, { maxAgeMs: 0 })).killSwitch).toBe("flatten");
    await setKillSwitch(t.db, { level: "none", reason: "all clear", actor: admin });
    expect((await readRuntimeControls(t.db)).killSwitch).toBe("none");
  });

  it("sets global limits and clone pauses", async () => {
    const owner = await t.db.user.create({ data: { email: "o@x.test", name: "O", passwordHash: "!" } });
    const clone = await t.db.clone.create({ data: { ownerId: owner.id, name: "Momo" } });
    await t.db.paperAccount.create({ data: { cloneId: clone.id, mode: "PERSONAL", scopeKey: owner.id, startMicro: 10n ** 10n, peakEquityMicro: 10n ** 10n, dayStartEquityMicro: 10n ** 10n, dayStartMs: 0n } });
    await setGlobalLimit(t.db, { name: "maxLeverage", value: "5", reason: "volatile week", actor: admin });
    await setClonePaused(t.db, { cloneId: clone.id, paused: true, reason: "creator asked", actor: admin });
    const controls = await readRuntimeControls(t.db);
    expect(controls.limits.maxLeverage).toBe(5);
    expect(controls.pausedClones.has(clone.id)).toBe(true);
    const overview = await runtimeControlsOverview(t.db);
    expect(overview.clones).toEqual([expect.objectContaining({ cloneId: clone.id, name: "Momo", owner: "o@x.test", modes: ["PERSONAL"], paused: true, reason: "creator asked" })]);
    expect(overview.limits.find((l) => l.name === "maxLeverage")).toMatchObject({ value: 5, reason: "volatile week" });
  });

  it("the breaker raises none to pause and never lowers a higher level", async () => {
    await setKillSwitch(t.db, { level: "none", reason: "reset", actor: admin });
    expect(await tripBreaker(t.db, { reason: "positions-match-fills failed on account a1" })).toEqual({ tripped: true, level: "pause" });
    expect((await runtimeControlChanges(t.db, { page: 1 })).items[0]).toMatchObject({ newValue: "pause", changedBy: "runtime assertions", reason: "positions-match-fills failed on account a1" });
    expect(await tripBreaker(t.db, { reason: "again" })).toEqual({ tripped: false, level: "pause" });
    await setKillSwitch(t.db, { level: "emergency", reason: "drill", actor: admin });
    expect(await tripBreaker(t.db, { reason: "again" })).toEqual({ tripped: false, level: "emergency" });
    expect((await readRuntimeControls(t.db, { maxAgeMs: 0 })).killSwitch).toBe("emergency");
  });
});
