/** The replay backfill: exactly the generator's candles, in day chunks, resumable from the channel's cursor. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { replayCandles, replayFunding } from "@/lib/domain/market/replay/generator";
import { candlesOf } from "@/lib/domain/market/minute-columns";
import { loadPerpSeries } from "@/server/repositories/market/backtest-series";
import { ensureChannel, findChannel, setCursor } from "@/server/repositories/market/channels";
import { candlesInRange } from "@/server/repositories/market/series";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { channelFor } from "../ingest";
import { parseCommand, type Command } from "./args";
import { backfill } from "./backfill";
import { cliDeps } from "./test-io";

const D = 86_400_000;
const FROM = Date.UTC(2026, 2, 1);
const NOW = Date.UTC(2026, 3, 1, 12, 0, 30);
const CHANNEL = channelFor("replay", "candles", { venue: "HYPERLIQUID", symbol: "BTC" }).id;
let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => t.cleanup());

function args(from: string, to: string, interval = "1m") {
  const c = parseCommand(["backfill", "--source", "replay", "--asset", "BTC", "--interval", interval, "--from", from, "--to", to]) as Command;
  if (c.name !== "backfill") throw new Error("expected a backfill");
  return c.args;
}
const btc = async () => (await t.db.marketAsset.findUniqueOrThrow({ where: { venue_symbol: { venue: "HYPERLIQUID", symbol: "BTC" } } })).id;

describe("backfill --source replay", () => {
  it("writes exactly the replay's candles for the window, a day per chunk, and clears the cursor", async () => {
    const { deps, stdout, stderr } = cliDeps(t.db, { now: NOW });
    expect(await backfill(args("2026-03-01T12:00", "2026-03-03"), deps)).toBe(0);
    const from = FROM + D / 2;
    expect(await candlesInRange(t.db, await btc(), 0, NOW)).toEqual(replayCandles("cli-test", "BTC", from, FROM + 2 * D));
    expect(await t.db.candle.count({ where: { source: "replay" } })).toBe(2160);
    expect(stdout.text).toContain(`backfilled ${CHANNEL} [2026-03-01T12:00:00.000Z, 2026-03-03T00:00:00.000Z): 2,160 rows in 2 chunk(s), 0 gap(s) opened`);
    expect(stderr.text).toContain("50% 1/2 chunks · 720 rows");
    expect(stderr.text).toContain("100% 2/2 chunks · 2,160 rows");
    expect((await findChannel(t.db, CHANNEL))?.cursorMs).toBeNull();
  });

  it("stops between chunks on Ctrl-C and a second run resumes at the cursor: no duplicates, no gaps", async () => {
    const interrupt = new AbortController();
    const first = cliDeps(t.db, { now: NOW, signal: interrupt.signal });
    first.stderr.onWrite = (text) => {
      if (text.includes("1/3 chunks")) interrupt.abort();
    };
    expect(await backfill(args("2026-03-01", "2026-03-04"), first.deps)).toBe(130);
    expect(first.stderr.text).toContain("stopped at 2026-03-02T00:00:00.000Z; run the same command again to resume there");
    expect(Number((await findChannel(t.db, CHANNEL))?.cursorMs)).toBe(FROM + D);
    expect(await t.db.candle.count()).toBe(1440);

    const second = cliDeps(t.db, { now: NOW });
    expect(await backfill(args("2026-03-01", "2026-03-04"), second.deps)).toBe(0);
    expect(second.stdout.text).toContain(`resuming ${CHANNEL} from its cursor 2026-03-02T00:00:00.000Z`);
    expect(second.stdout.text).toContain("2,880 rows in 2 chunk(s), 0 gap(s) opened");
    expect(await candlesInRange(t.db, await btc(), 0, NOW)).toEqual(replayCandles("cli-test", "BTC", FROM, FROM + 3 * D));
    expect(await t.db.feedGap.count()).toBe(0);
    expect((await findChannel(t.db, CHANNEL))?.cursorMs).toBeNull();
    // the closed days kept for backtests: 1 and 2 March; 3 March has no minute after it yet
    expect(second.stdout.text).toContain("kept 2 closed day(s) of BTC minutes in columns for backtests");
    expect((await t.db.candleDay.findMany({ select: { dayMs: true, count: true }, orderBy: { dayMs: "asc" } })).map((d) => [Number(d.dayMs), d.count])).toEqual([[FROM, 1_440], [FROM + D, 1_440]]);
    // and a backtest's read of them gives the replay's minutes
    const series = (await loadPerpSeries(t.db, "BTC", FROM, FROM + 2 * D, { minutes: 0, funding: 0, contexts: 0 }))!;
    expect(candlesOf(series.minutes)).toEqual(replayCandles("cli-test", "BTC", FROM, FROM + 2 * D));
  });

  it("ignores a cursor outside the window and starts at --from", async () => {
    await ensureChannel(t.db, channelFor("replay", "candles", { venue: "HYPERLIQUID", symbol: "BTC" }));
    await setCursor(t.db, CHANNEL, FROM + 10 * D);
    const { deps, stdout } = cliDeps(t.db, { now: NOW });
    expect(await backfill(args("2026-03-01", "2026-03-02"), deps)).toBe(0);
    expect(stdout.text).not.toContain("resuming");
    expect(await t.db.candle.count()).toBe(1440);
  });

  it("backfills hourly funding with --interval 1h", async () => {
    const { deps } = cliDeps(t.db, { now: NOW });
    expect(await backfill(args("2026-03-01", "2026-03-03", "1h"), deps)).toBe(0);
    const stored = await t.db.fundingRate.findMany({ orderBy: { timeMs: "asc" }, select: { timeMs: true, rate: true, premium: true } });
    expect(stored).toEqual(replayFunding("cli-test", "BTC", FROM, FROM + 2 * D).map((f) => ({ timeMs: BigInt(f.time), rate: f.rate, premium: f.premium })));
  });

  it("never stores the future: --to is capped at the clock, a --from after it is refused", async () => {
    const { deps, stdout } = cliDeps(t.db, { now: FROM + 90 * 60_000 + 30_000 });
    expect(await backfill(args("2026-03-01", "2026-03-02"), deps)).toBe(0);
    expect(stdout.text).toContain("backfilling until 2026-03-01T01:30:00.000Z");
    expect(await t.db.candle.count()).toBe(90);

    const late = cliDeps(t.db, { now: FROM - D });
    expect(await backfill(args("2026-03-01", "2026-03-02"), late.deps)).toBe(2);
    expect(late.stderr.text).toBe("market backfill: --from 2026-03-01T00:00:00.000Z is not in the past (now is 2026-02-28T00:00:00.000Z)\n");
    expect(late.stdout.text).toBe("");
  });
});
