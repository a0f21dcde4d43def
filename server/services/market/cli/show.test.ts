import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resample } from "@/lib/domain/market/resample";
import { candlesInRange } from "@/server/repositories/market/series";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { parseCommand, type Command } from "./args";
import { backfill } from "./backfill";
import { show, type CandleJson } from "./show";
import { cliDeps } from "./test-io";

const FROM = Date.UTC(2026, 2, 1);
const NOW = Date.UTC(2026, 3, 1);
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const c = parseCommand(["backfill", "--source", "replay", "--asset", "ETH", "--interval", "1m", "--from", "2026-03-01", "--to", "2026-03-02"]) as Command;
  if (c.name !== "backfill") throw new Error("expected a backfill");
  expect(await backfill(c.args, cliDeps(t.db, { now: NOW }).deps)).toBe(0);
});
afterAll(async () => t.cleanup());

function showArgs(...extra: string[]) {
  const c = parseCommand(["show", "--asset", "ETH", "--interval", "1h", "--from", "2026-03-01T03:00Z", "--to", "2026-03-01T09:00Z", ...extra]) as Command;
  if (c.name !== "show") throw new Error(String(c));
  return c.args;
}

describe("show", () => {
  it("--json prints only the JSON array of the resampled candles", async () => {
    const { deps, stdout, stderr } = cliDeps(t.db, { now: NOW });
    expect(await show(showArgs("--json"), deps)).toBe(0);
    const parsed = JSON.parse(stdout.text) as CandleJson[];
    const asset = await t.db.marketAsset.findFirstOrThrow({ where: { symbol: "ETH" } });
    const expected = resample(await candlesInRange(t.db, asset.id, FROM + 3 * 3_600_000, FROM + 9 * 3_600_000), "1h");
    expect(expected).toHaveLength(6);
    expect(parsed).toEqual(expected.map((c) => ({ openTime: new Date(c.openTime).toISOString(), open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume, trades: c.trades })));
    expect(stderr.text).toBe("");
  });

  it("prints a table by default", async () => {
    const { deps, stdout } = cliDeps(t.db, { now: NOW });
    expect(await show(showArgs(), deps)).toBe(0);
    const lines = stdout.text.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^open time \(UTC\)\s+open\s+high\s+low\s+close\s+volume\s+trades$/);
    expect(lines[1]).toMatch(/^2026-03-01T03:00:00\.000Z\s+\d/);
    expect(lines).toHaveLength(8);
    expect(lines[7]).toBe("6 1h candle(s) of HYPERLIQUID:ETH in [2026-03-01T03:00:00.000Z, 2026-03-01T09:00:00.000Z)");
  });

  it("an asset not in market memory fails with the option named", async () => {
    const { deps, stdout, stderr } = cliDeps(t.db, { now: NOW });
    expect(await show({ ...showArgs("--json"), asset: "XRP" }, deps)).toBe(1);
    expect(stderr.text).toBe("market show: --asset XRP: no such asset on HYPERLIQUID in market memory\n");
    expect(stdout.text).toBe("");
  });
});
