import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { ensureChannel, markFailure } from "@/server/repositories/market/channels";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { channelFor } from "../ingest";
import { retry } from "./retry";
import { cliDeps } from "./test-io";

const NOW = Date.UTC(2026, 2, 1, 12, 0, 30);
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.cleanup());

async function failingChannel(symbol: string) {
  const key = channelFor("replay", "candles", { venue: "HYPERLIQUID", symbol });
  await ensureChannel(t.db, key);
  await markFailure(t.db, key.id, { now: new Date(NOW - 60_000), error: "Error: boom" });
  return key.id;
}

describe("retry", () => {
  it("syncs the channel's source and reports it healthy", async () => {
    const id = await failingChannel("BTC");
    const { deps, stdout } = cliDeps(t.db, { now: NOW });
    expect(await retry({ channel: id }, deps)).toBe(0);
    expect(stdout.text).toMatch(new RegExp(`^${id}: ok \\(synced replay: [\\d,]+ row\\(s\\)\\)\\n$`));
  });

  it("exits 1 when the sync fails the channel again", async () => {
    // the sync reads the process environment: follow an asset the replay does not have
    const saved = process.env.MARKET_ASSETS;
    process.env.MARKET_ASSETS = "PEPE";
    resetEnvCache();
    try {
      const id = await failingChannel("PEPE");
      const { deps, stdout, stderr } = cliDeps(t.db, { now: NOW });
      expect(await retry({ channel: id }, deps)).toBe(1);
      expect(stdout.text).toContain(`${id}: still failing`);
      expect(stderr.text).toContain(`${id}: Error: PEPE is not in the replay universe`);
    } finally {
      if (saved === undefined) delete process.env.MARKET_ASSETS;
      else process.env.MARKET_ASSETS = saved;
      resetEnvCache();
    }
  });

  it("exits 1 for an unknown channel, naming it", async () => {
    const { deps, stderr } = cliDeps(t.db, { now: NOW });
    expect(await retry({ channel: "replay:candles:HYPERLIQUID:NOPE" }, deps)).toBe(1);
    expect(stderr.text).toBe('market retry: --channel replay:candles:HYPERLIQUID:NOPE: No ingestion channel "replay:candles:HYPERLIQUID:NOPE"\n');
  });
});
