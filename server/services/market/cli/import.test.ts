import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { parseCandleSnapshot } from "@/server/market/hyperliquid/parse";
import { wireCandles } from "@/server/market/testing/hyperliquid-mock";
import { candlesInRange } from "@/server/repositories/market/series";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { storePredictionMarket } from "../store";
import { parseCommand, type Command } from "./args";
import { importFile } from "./import";
import { cliDeps } from "./test-io";

const M = 60_000;
const T0 = Date.UTC(2026, 2, 1, 12, 0);
const NOW = Date.UTC(2026, 3, 1);
let dir = "";
let t: TestDb;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "market-import-"));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => t.cleanup());

async function fixture(name: string, json: unknown) {
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify(json));
  return file;
}
function run(...argv: string[]) {
  const c = parseCommand(["import", ...argv]) as Command;
  if (c.name !== "import") throw new Error(String(c));
  const io = cliDeps(t.db, { now: NOW });
  return importFile(c.args, io.deps).then((code) => ({ code, ...io }));
}

describe("import", () => {
  it("stores exactly the candles of a recorded candleSnapshot, as replay data by default", async () => {
    const wire = wireCandles("BTC", "1m", T0, 5, (i) => 95_000 + i * 3);
    const r = await run("--file", await fixture("btc.json", wire));
    expect(r.code).toBe(0);
    const asset = await t.db.marketAsset.findFirstOrThrow({ where: { venue: "HYPERLIQUID", symbol: "BTC" } });
    expect(await candlesInRange(t.db, asset.id, 0, NOW)).toEqual(parseCandleSnapshot(wire));
    expect(await t.db.candle.count({ where: { source: "replay" } })).toBe(5);
    expect(r.stdout.text).toContain("  candles BTC: 5 row(s), 0 gap(s) opened\n");
    expect(r.stdout.text).toContain("imported 5 row(s)\n");
  });

  it("stores an allMids snapshot one symbol at a time, at --time", async () => {
    const r = await run("--file", await fixture("mids.json", { BTC: "95000.5", ETH: "3400.25" }), "--time", "2026-03-01T12:00:00Z", "--source", "hyperliquid");
    expect(r.code).toBe(0);
    const mids = await t.db.midPrice.findMany({ orderBy: { price: "asc" }, select: { timeMs: true, price: true, source: true } });
    expect(mids).toEqual([3400.25, 95000.5].map((price) => ({ timeMs: BigInt(T0), price, source: "hyperliquid" })));
    expect(await t.db.ingestionChannel.count({ where: { dataset: "mids" } })).toBe(2);
  });

  it("stores prices-history under the stored market of the token, and refuses an unknown token writing nothing", async () => {
    const file = await fixture("history.json", { history: [{ t: T0 / 1000 + 5, p: 0.4 }, { t: (T0 + M) / 1000 + 5, p: 0.45 }] });
    const unknown = await run("--file", file, "--token-id", "222");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.text).toContain("--token-id 222: no stored prediction market has this outcome token");
    expect(await t.db.ingestionChannel.count()).toBe(0);

    const market = { id: "9", conditionId: "0xabc", slug: "btc-100k", question: "BTC above 100k?", outcomes: ["Yes", "No"], outcomePrices: [0.4, 0.6],
      tokenIds: ["111", "222"], endDate: null, active: true, closed: false, volume: 10, liquidity: 5, bestBid: null, bestAsk: null };
    await storePredictionMarket({ db: t.db, clock: new ManualClock(NOW), source: "polymarket" }, market);
    const r = await run("--file", file, "--token-id", "222");
    expect(r.code).toBe(0);
    expect(r.stdout.text).toContain("  prediction prices btc-100k (outcome No): 2 row(s), 0 gap(s) opened\n");
    const prices = await t.db.predictionPrice.findMany({ orderBy: { timeMs: "asc" }, select: { outcome: true, timeMs: true, price: true } });
    expect(prices).toEqual([{ outcome: 1, timeMs: BigInt(T0), price: 0.4 }, { outcome: 1, timeMs: BigInt(T0 + M), price: 0.45 }]);
  });

  it("a prices-history without --token-id is a usage error that names the flag", async () => {
    const r = await run("--file", await fixture("history2.json", { history: [] }));
    expect(r.code).toBe(2);
    expect(r.stderr.text).toContain("pass the token id it was fetched for (--token-id)");
  });
});
