import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { retryChannel } from "./retry-channel";
import { syncReplay } from "./sync/replay";
import { isSourcePaused, setSourcePaused } from "./source-controls";

const T = Date.UTC(2026, 2, 1, 12, 0, 30);
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await syncReplay(t.db, new ManualClock(T), { seed: "clash-of-clones", symbols: ["BTC"] });
});
afterAll(async () => t.cleanup());

describe("retryChannel", () => {
  it("clears the failure count and syncs the channel's source, even when paused", async () => {
    const id = "replay:candles:HYPERLIQUID:BTC";
    await t.db.ingestionChannel.update({ where: { id }, data: { consecutiveFailures: 4, lastError: "old trouble" } });
    await setSourcePaused(t.db, { source: "replay", paused: true, reason: "testing", actor: { system: "test" } });
    const result = await retryChannel(t.db, new ManualClock(T + 120_000), id);
    expect(result).toMatchObject({ channelId: id, ok: true, lastError: null, run: { source: "replay", skipped: null } });
    expect(await t.db.ingestionChannel.findUniqueOrThrow({ where: { id } })).toMatchObject({ consecutiveFailures: 0, lastDataTimeMs: BigInt(T - 30_000 + 60_000) });
    expect(await isSourcePaused(t.db, "replay")).toBe(true);
  });

  it("refuses an unknown channel, naming the field", async () => {
    await expect(retryChannel(t.db, new ManualClock(T), "nope:candles:X")).rejects.toMatchObject({ code: "NOT_FOUND", field: "channelId" });
  });

  it("refuses a pause without a reason or for an unknown family", async () => {
    await expect(setSourcePaused(t.db, { source: "replay", paused: true, reason: " ", actor: { system: "test" } })).rejects.toMatchObject({ field: "reason" });
    await expect(setSourcePaused(t.db, { source: "kraken", paused: true, reason: "because", actor: { system: "test" } })).rejects.toMatchObject({ field: "source" });
  });
});
