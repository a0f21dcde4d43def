/**
 * The backtest's packets are the live resolver's: for a graph reading every kind of
 * stream, over replay market memory synced the way the running app syncs it (with
 * holes cut into the minutes), buildPacket over the series a backtest loads once
 * equals resolveContext() from the database at every T, field for field and in the
 * same key order (the decision run stores it as JSON).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriesMarket } from "@/lib/domain/backtest/packet-source";
import { ManualClock } from "@/lib/domain/clock";
import { buildPacket, packetReads, type PacketReads } from "@/lib/domain/decisions/build-packet";
import { packetMarketOf, type PerpRowsAtT } from "@/lib/domain/decisions/packet-market";
import { countBefore, minutesClosedBy, newestOf, type MarketSeries } from "@/lib/domain/backtest/series";
import type { CloneGraph } from "@/lib/domain/graph/schema";
import { candlesOf, type MinuteColumns } from "@/lib/domain/market/minute-columns";
import { templateGraph, TEMPLATE_IDS } from "@/lib/domain/graph/templates";
import { ensureAsset } from "@/server/repositories/market/assets";
import { upsertMacroPoints } from "@/server/repositories/market/series";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { resolveContext } from "../decisions/resolve-context";
import { syncReplay } from "../market/sync/replay";
import { loadBacktestMarket } from "./load-market";
import { wideGraph } from "./testing/graphs";

const M = 60_000;
const D = 86_400_000;
const S0 = Date.UTC(2026, 5, 10, 14, 0, 20);
const FROM = S0 - 3 * 3_600_000 - 20_000;
const TO = S0 + 80 * M - 20_000;
let t: TestDb;
let market: string;

beforeAll(async () => {
  t = await createTestDb();
  const sync = (at: number) => syncReplay(t.db, new ManualClock(at), { seed: "packet-identity", symbols: ["BTC", "ETH"] });
  await sync(S0);
  // then as the running app does: mids, books and contexts arrive every few minutes
  for (let at = S0 + 3 * M; at < TO; at += 3 * M) await sync(at);
  // holes: a minute inside the window, two in a row, and one in the warm-up before it
  for (const gap of [S0 - 47 * M, S0 + 11 * M, S0 + 12 * M, FROM - 100 * M]) {
    await t.db.candle.deleteMany({ where: { openTimeMs: BigInt(Math.floor(gap / M) * M) } });
  }
  const tvl = await ensureAsset(t.db, { venue: "DEFILLAMA", symbol: "tvl", kind: "MACRO", name: "Chain TVL" });
  await upsertMacroPoints(t.db, tvl, "defillama", Array.from({ length: 40 }, (_, i) => ({ time: Math.floor(S0 / D) * D - (39 - i) * D, value: 9e10 + i * 1e8 * Math.sin(i) })));
  const prices = await t.db.predictionPrice.groupBy({ by: ["assetId"], _count: { _all: true }, orderBy: { _count: { assetId: "desc" } }, take: 1 });
  market = (await t.db.marketAsset.findUniqueOrThrow({ where: { id: prices[0]!.assetId } })).symbol;
});
afterAll(async () => t.cleanup());

/** Every 7 minutes over the window, on the minute and 20 s into it, and its two ends. */
const times = () => {
  const out = [FROM, TO - M];
  for (let T = Math.ceil(FROM / M) * M; T < TO; T += 7 * M) out.push(T, T + 20_000);
  return out;
};

/** What the live resolver's reads return at T (the newest rows before T, as deep as the graph reads), for packetMarketOf. */
/** The newest n of the first `end` minutes, as candles. */
const newestMinutes = (m: MinuteColumns, end: number, n: number) => candlesOf(m, Math.max(0, end - n), end);

function rowsAtT(series: MarketSeries, reads: PacketReads, T: number) {
  const perps = new Map<string, PerpRowsAtT | null>();
  for (const [symbol, need] of reads.perps) {
    const p = series.perps.get(symbol);
    const bookAt = p ? countBefore(p.books, T) : 0;
    perps.set(symbol, p ? {
      minutes: newestMinutes(p.minutes, minutesClosedBy(p.minutes, T), need.minutes), book: bookAt ? p.books[bookAt - 1]! : null,
      funding: newestOf(p.funding, countBefore(p.funding, T), need.funding), contexts: newestOf(p.contexts, countBefore(p.contexts, T), need.contexts),
    } : null);
  }
  const at = seriesMarket(series, reads).at(T);
  return packetMarketOf({ perps, predictions: new Map([...reads.predictions.keys()].map((k) => [k, at.prediction(k)])), macro: new Map([...reads.macro.keys()].map((k) => [k, at.macro(k)])) });
}

async function expectSamePackets(graph: CloneGraph, asset: string) {
  const reads = packetReads(graph);
  const series = await loadBacktestMarket(t.db, graph, asset, FROM, TO);
  const source = seriesMarket(series, reads);
  let compared = 0;
  for (const T of times()) {
    const live = await resolveContext(t.db, graph, T);
    for (const lazyIndicators of [true, false]) {
      const built = buildPacket(graph, T, source.at(T), { lazyIndicators });
      expect(JSON.stringify(built)).toBe(JSON.stringify(live));
      expect(built).toStrictEqual(live);
    }
    // and from rows read at T, as the live resolver will hand them over once it builds with buildPacket
    expect(buildPacket(graph, T, rowsAtT(series, reads, T))).toStrictEqual(live);
    compared++;
  }
  return compared;
}

describe("buildPacket over a backtest's series = resolveContext from the database", () => {
  it("a graph with every kind of stream, at ~60 decision times", async () => {
    const graph = wideGraph(market);
    expect(await expectSamePackets(graph, "BTC")).toBeGreaterThan(50);
    // the comparison saw what it should: bars, every indicator, stale and fresh streams, a hole
    const sample = await resolveContext(t.db, graph, S0 + 31 * M);
    const datasets = sample.assets[0]!.streams.map((s) => `${s.blockId}:${s.freshness.status}`);
    expect(datasets).toEqual(expect.arrayContaining(["candles-1:ok", "one-minute:ok", "quarter:ok", "eth-5m:ok", "book-1:ok", "oi-1:ok", "updown:stale", "tvl:ok", "funding-1:ok"]));
    // a daily macro point is known once its day has ended: today's running value never reaches a decision
    const tvl = sample.assets[0]!.streams.find((s) => s.blockId === "tvl")!;
    expect(tvl.points.length).toBeGreaterThan(0);
    expect(tvl.points.every((p) => (p.time as number) + D <= S0 + 31 * M)).toBe(true);
    expect(tvl.freshness.asOf!).toBeLessThanOrEqual(S0 + 31 * M);
    // values and warm-up nulls both: MACD 12/26/9 on 15m bars needs more history than the replay holds
    expect(sample.assets[0]!.streams.find((s) => s.blockId === "quarter")!.indicators).toMatchObject({ "sma(20)": expect.any(Number), "bollinger(20,2)": expect.any(Object), "macd(12,26,9)": null });
  });

  it.each(TEMPLATE_IDS)("the %s template", async (id) => {
    expect(await expectSamePackets(templateGraph(id), "BTC")).toBeGreaterThan(50);
  });
});
