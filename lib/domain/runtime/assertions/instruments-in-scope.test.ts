import { describe, expect, it } from "vitest";
import { templateGraph } from "@/lib/domain/graph/templates";
import { checkInstrumentsInScope, type CloneGraphRow, type ScopedPositionRow } from "./instruments-in-scope";

const graph = (symbol: string, enabled = true) => {
  const g = templateGraph("momentum", { symbol });
  return JSON.stringify({ ...g, blocks: g.blocks.map((b) => (b.type === "asset" ? { ...b, enabled } : b)) });
};
const graphs: CloneGraphRow[] = [
  { cloneId: "c", version: 1, graph: graph("BTC") },
  { cloneId: "c", version: 2, graph: graph("ETH") },
  { cloneId: "c", version: 3, graph: graph("ETH", false) },
  { cloneId: "c", version: 4, graph: "{not json" },
];
const pos = (over: Partial<ScopedPositionRow> = {}): ScopedPositionRow => ({ id: "p1", accountId: "acc", cloneId: "c", asset: "BTC", side: "long", currentVersion: 1, openingVersion: 1, ...over });
const market = ["BTC", "ETH", "SOL"];

describe("checkInstrumentsInScope", () => {
  it.each<[string, ScopedPositionRow, string | RegExp]>([
    ["an asset of the current graph", pos(), ""],
    ["an asset the current version dropped, opened under the old one", pos({ currentVersion: 2 }), ""],
    ["a paused asset", pos({ asset: "ETH", currentVersion: 3, openingVersion: null }), ""],
    ["an asset in no version of the graph", pos({ asset: "SOL", openingVersion: null }), "open position p1 (SOL long on account acc of clone c) is outside the clone's instruments: version 1 trades BTC"],
    ["an asset dropped, and no decision opened it", pos({ currentVersion: 2, openingVersion: null }), "open position p1 (BTC long on account acc of clone c) is outside the clone's instruments: version 2 trades ETH"],
    ["an asset market memory does not know", pos({ asset: "PEPE" }), "open position p1 (PEPE long on account acc of clone c) is on PEPE, which market memory has no Hyperliquid perp for"],
    ["an unreadable graph", pos({ asset: "SOL", currentVersion: 4, openingVersion: null }), /^open position p1 .* cannot be checked: the graph of version 4 is unreadable/],
    ["a missing graph version", pos({ asset: "SOL", currentVersion: 9, openingVersion: null }), "open position p1 (SOL long on account acc of clone c) cannot be checked: the graph of version 9 is missing"],
  ])("%s", (_name, p, message) => {
    const result = checkInstrumentsInScope({ positions: [p], graphs, marketSymbols: market });
    expect(result.ok).toBe(message === "");
    if (message === "") expect(result.message).toBe("");
    else expect(result.message).toMatch(message);
  });
});
