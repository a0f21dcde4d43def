import { describe, expect, it } from "vitest";
import { buildPacket, packetReads, packetReuse } from "@/lib/domain/decisions/build-packet";
import { packetMarketOf } from "@/lib/domain/decisions/packet-market";
import { templateGraph } from "@/lib/domain/graph/templates";
import { minuteColumns } from "@/lib/domain/market/minute-columns";
import { REPLAY_ANCHOR } from "@/lib/domain/market/replay/assets";
import { replayCandles } from "@/lib/domain/market/replay/generator";
import { seriesMarket } from "./packet-source";
import { minutesClosedBy, newestOf, type MarketSeries } from "./series";

const M = 60_000;
const D = 86_400_000;
const FROM = REPLAY_ANCHOR + D;

// two days of minutes with holes: one minute, a run of seven, one across midnight
const holes = new Set([FROM + 93 * M, ...Array.from({ length: 7 }, (_, i) => FROM + (600 + i) * M), FROM + D - M, FROM + D]);
const minutes = replayCandles("packet-source", "BTC", REPLAY_ANCHOR, FROM + 2 * D).filter((c) => !holes.has(c.openTime));
const columns = minuteColumns(minutes);
const series: MarketSeries = {
  perps: new Map([["BTC", { symbol: "BTC", szDecimals: 5, minutes: columns, mids: [], books: [], funding: [], contexts: [] }]]),
  predictions: new Map(),
  macro: new Map(),
};

describe("seriesMarket's packets are the packets from the newest minutes read at T", () => {
  it.each(["momentum", "volume-spike"] as const)("%s: forward, then back in time (rows let go are made again), lazily and not", (template) => {
    const graph = templateGraph(template);
    const reads = packetReads(graph);
    const source = seriesMarket(series, reads);
    const need = reads.perps.get("BTC")!.minutes;
    const times: number[] = [];
    for (let T = FROM; T < FROM + 2 * D; T += 37 * M) times.push(T, T + 20_000);
    times.push(FROM + 3 * 3_600_000, FROM + 600 * M, FROM + D + 5 * M);
    for (const T of times) {
      const rows = packetMarketOf({ perps: new Map([["BTC", { minutes: newestOf(minutes, minutesClosedBy(columns, T), need), book: null, funding: [], contexts: [] }]]) });
      const expected = buildPacket(graph, T, rows);
      expect(buildPacket(graph, T, source.at(T), { lazyIndicators: true })).toStrictEqual(expected);
      expect(buildPacket(graph, T, source.at(T))).toStrictEqual(expected);
    }
  });

  it.each(["momentum", "mean-reversion", "volume-spike"] as const)("%s: rewritten from one decision to the next (BuildOptions.reuse), each reads as made anew", (template) => {
    // frozen whole, as a backtest's graph is (what the builder derives from a block is kept only for a frozen one)
    const freeze = <T,>(value: T): T => {
      if (value && typeof value === "object" && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const v of Object.values(value)) freeze(v);
      }
      return value;
    };
    const graph = freeze(templateGraph(template));
    const source = seriesMarket(series, packetReads(graph));
    const options = { lazyIndicators: true, reuse: packetReuse() };
    let first: ReturnType<typeof buildPacket> | null = null;
    let indicators: object | null = null;
    let last = FROM;
    for (let T = FROM; T < FROM + 2 * D; T += 53 * M) {
      last = T;
      const packet = buildPacket(graph, T, source.at(T), options);
      expect(packet, new Date(T).toISOString()).toStrictEqual(buildPacket(graph, T, source.at(T)));
      // the same stream packet and indicators objects, rewritten (the reuse is in force)
      first ??= packet;
      indicators ??= packet.assets[0]!.streams[0]!.indicators;
      expect(packet.assets[0]!.streams[0]).toBe(first.assets[0]!.streams[0]);
      expect(packet.assets[0]!.streams[0]!.indicators).toBe(indicators);
    }
    // which is why only a caller that is done with a packet before the next may ask for it
    expect(first!.assets[0]!.streams[0]).toStrictEqual(buildPacket(graph, last, source.at(last)).assets[0]!.streams[0]);
  });
});
