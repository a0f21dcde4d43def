import { describe, expect, it } from "vitest";
import type { ContextPacket, StreamPacket } from "@/lib/domain/decisions/context-packet";
import { checkNoFutureData, type RunFillRow } from "./no-future-data";

const M = 60_000;
const T = Date.UTC(2026, 6, 1, 12, 0, 5);
const stream = (over: Partial<StreamPacket>): StreamPacket => ({
  blockId: "candles-1", source: "hyperliquid", dataset: "candles", granularity: "5m", include: true,
  freshness: { status: "ok", asOf: T - 5_000 }, points: [{ time: T - 5_000 - 10 * M }, { time: T - 5_000 - 5 * M }], indicators: {}, ...over,
});
const packet = (streams: StreamPacket[], decisionTime = T): string =>
  JSON.stringify({ decisionTime, assets: [{ key: "HYPERLIQUID:BTC", venue: "HYPERLIQUID", symbol: "BTC", enabled: true, lastPrice: 1, streams }], problems: [] } satisfies ContextPacket);
const run = (contextPacket: string) => ({ id: "run1", asset: "BTC", decisionTimeMs: T, contextPacket });
const where = "decision run run1 (BTC at 2026-07-01T12:00:05Z)";

describe("checkNoFutureData", () => {
  it.each<[string, string, string]>([
    ["complete bars and points before T", packet([stream({}), stream({ blockId: "funding-1", dataset: "funding", granularity: "1h", points: [{ time: T - 5, funding: 0.0001 }], freshness: { status: "ok", asOf: T - 5 } })]), ""],
    ["a stale stream with no points", packet([stream({ freshness: { status: "missing", asOf: null }, points: [] })]), ""],
    ["a daily macro point of yesterday", packet([stream({ blockId: "tvl", dataset: "macro", granularity: "1d", points: [{ time: Date.UTC(2026, 5, 30) }], freshness: { status: "ok", asOf: Date.UTC(2026, 6, 1) } })]), ""],
    ["a bar still open at T", packet([stream({ points: [{ time: T - 5_000 - 2 * M }] })]), `${where} holds a candles-1 (BTC candles 5m) point stamped 2026-07-01T11:58:00Z, known only at 2026-07-01T12:03:00Z, after its decision time`],
    ["a funding point after T", packet([stream({ blockId: "funding-1", dataset: "funding", granularity: "1h", points: [{ time: T + 1 }], freshness: { status: "ok", asOf: T - 5 } })]), `${where} holds a funding-1 (BTC funding 1h) point stamped 2026-07-01T12:00:05.001Z, after its decision time`],
    ["asOf after T", packet([stream({ freshness: { status: "ok", asOf: T + M } })]), `${where} holds candles-1 (BTC candles 5m) as of 2026-07-01T12:01:05Z, after its decision time`],
    ["today's macro point before its day ends", packet([stream({ blockId: "tvl", dataset: "macro", granularity: "1d", points: [{ time: Date.UTC(2026, 6, 1) }], freshness: { status: "ok", asOf: T - 1 } })]), `${where} holds a tvl (BTC macro 1d) point stamped 2026-07-01T00:00:00Z, known only at 2026-07-02T00:00:00Z, after its decision time`],
    ["a packet built for another time", packet([stream({})], T + M), `${where} holds a context packet built for 2026-07-01T12:01:05Z`],
    ["an unreadable packet", "{", `${where} has an unreadable context packet`],
  ])("%s", (_name, contextPacket, message) => {
    const result = checkNoFutureData({ runs: [run(contextPacket)], fills: [] });
    expect(result.ok).toBe(message === "");
    expect(result.message).toBe(message);
  });

  it.each<[string, RunFillRow, string]>([
    ["a fill at T", { id: "f1", decisionRunId: "run1", timeMs: T }, ""],
    ["a fill before T", { id: "f1", decisionRunId: "run1", timeMs: T - M }, "fill f1 of decision run run1 (BTC at 2026-07-01T12:00:05Z) is stamped 2026-07-01T11:59:05Z, before its decision"],
  ])("%s", (_name, fill, message) => {
    const result = checkNoFutureData({ runs: [run(packet([stream({})]))], fills: [fill] });
    expect(result.message).toBe(message);
    expect(result.ok).toBe(message === "");
  });
});
