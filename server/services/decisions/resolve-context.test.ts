import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { templateGraph, TEMPLATE_IDS } from "@/lib/domain/graph/templates";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { syncReplay } from "../market/sync/replay";
import { resolveContext } from "./resolve-context";
import { latestData } from "./latest-data";
import { createCloneFromTemplate } from "../clones/clones";

const M = 60_000;
const T = Date.UTC(2026, 5, 10, 14, 7, 20); // mid-minute, mid-bar
const SYMBOLS = ["BTC", "ETH"];
let withFuture: TestDb;
let upToT: TestDb;
beforeAll(async () => {
  withFuture = await createTestDb();
  upToT = await createTestDb();
  // both hold the same history before T; one also holds the two hours after T
  await syncReplay(withFuture.db, new ManualClock(T), { seed: "lookahead", symbols: SYMBOLS });
  await syncReplay(withFuture.db, new ManualClock(T + 2 * 3_600_000), { seed: "lookahead", symbols: SYMBOLS });
  await syncReplay(upToT.db, new ManualClock(T), { seed: "lookahead", symbols: SYMBOLS });
});
afterAll(async () => {
  await withFuture.cleanup();
  await upToT.cleanup();
});

describe("resolveContext", () => {
  it.each(TEMPLATE_IDS.filter((id) => id !== "funding-carry"))("no lookahead (%s): data after T never reaches the packet", async (id) => {
    const graph = templateGraph(id);
    const a = await resolveContext(withFuture.db, graph, T);
    const b = await resolveContext(upToT.db, graph, T);
    expect(await withFuture.db.candle.count({ where: { openTimeMs: { gte: BigInt(T) } } })).toBeGreaterThan(0);
    expect(a).toEqual(b);
    const btc = a.assets[0]!;
    const candles = btc.streams.find((s) => s.dataset === "candles")!;
    expect(candles.freshness.status).toBe("ok");
    expect(candles.points.length).toBeGreaterThan(0);
    const step = candles.granularity === "5m" ? 5 * M : M;
    // every bar had closed by T
    for (const p of candles.points) expect((p.time as number) + step).toBeLessThanOrEqual(T);
    expect(Object.values(candles.indicators).every((v) => v !== undefined)).toBe(true);
    expect(btc.lastPrice).toBeGreaterThan(0);
  });

  it("the packet says exactly which inputs are stale or missing", async () => {
    const graph = templateGraph("funding-carry");
    const late = T + 3 * 3_600_000; // three hours after the newest stored data
    const packet = await resolveContext(upToT.db, graph, late);
    expect(packet.problems.map((p) => [p.status, p.reason.split(" data ")[0]])).toEqual(
      expect.arrayContaining([["stale", "candles"], ["stale", "funding"]]),
    );
    const noData = await resolveContext(upToT.db, templateGraph("momentum", { symbol: "SOL" }), T);
    expect(noData.problems).toEqual([
      expect.objectContaining({ asset: "SOL", status: "missing", reason: "market memory has no Hyperliquid asset SOL" }),
    ]);
    expect(noData.assets[0]!.lastPrice).toBeNull();
  });

  it("latest data is exactly the packet a decision at now would get", async () => {
    const owner = await upToT.db.user.create({ data: { email: "o@example.test", name: "Owner", passwordHash: "-" } });
    const { id } = await createCloneFromTemplate(upToT.db, { ownerId: owner.id, templateId: "momentum" });
    const now = new ManualClock(T);
    const latest = await latestData(upToT.db, { viewerId: owner.id, cloneId: id }, now);
    expect(latest).toEqual({ cloneId: id, version: 1, packet: await resolveContext(upToT.db, templateGraph("momentum"), T) });
  });
});
