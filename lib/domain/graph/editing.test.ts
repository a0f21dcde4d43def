import { describe, expect, it } from "vitest";
import { addBlock, connect, disconnect, moveBlocks, nextBlockId, positionsOf, removeBlock, removeSelection, type EditResult } from "./editing";
import { deriveEdges } from "./queries";
import type { CloneGraph } from "./schema";
import { assetOf, cloneOf, draft, promptOf } from "./test-fixtures";
import { validateGraph } from "./validate";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const frozen = (id: Parameters<typeof draft>[0] = "momentum") => deepFreeze(draft(id));

function ok(r: EditResult): CloneGraph {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.graph;
}

/** A momentum graph with a second asset (asset-2) and a second prompt (prompt-2), both unconnected. */
function withSpares(): CloneGraph {
  let g = draft();
  for (const type of ["asset", "trading-prompt"] as const) {
    const r = addBlock(g, type);
    if (!r.ok) throw new Error(r.reason);
    g = r.graph;
  }
  return deepFreeze(g);
}

describe("nextBlockId", () => {
  it.each([
    ["data-stream", "stream-1"],
    ["asset", "asset-2"],
    ["trading-prompt", "prompt-2"],
    ["trading-clone", "clone-2"],
  ] as const)("a new %s block gets %s", (type, id) => {
    expect(nextBlockId(frozen(), type)).toBe(id);
  });
});

describe("addBlock", () => {
  it.each(["data-stream", "asset", "trading-prompt"] as const)("adds a %s block, placed under its column, without touching the input", (type) => {
    const g = frozen();
    const r = addBlock(g, type);
    if (!r.ok) throw new Error(r.reason);
    expect(r.graph.blocks).toHaveLength(g.blocks.length + 1);
    const added = r.graph.blocks.find((b) => b.id === r.blockId);
    expect(added?.type).toBe(type);
    const before = positionsOf(g);
    const column = g.blocks.filter((b) => b.type === type).map((b) => before[b.id]?.y ?? 0);
    expect(r.graph.layout[r.blockId]?.y).toBe(column.length === 0 ? 0 : Math.max(...column) + 200);
    expect(r.graph.edges).toEqual(g.edges);
  });

  it("refuses a second trading clone", () => {
    expect(addBlock(frozen(), "trading-clone")).toEqual({ ok: false, reason: "A graph has exactly one trading-clone block: it is the clone itself" });
  });

  it("a new stream connected to the asset makes a valid graph", () => {
    const r = addBlock(frozen(), "data-stream");
    if (!r.ok) throw new Error(r.reason);
    expect(validateGraph(ok(connect(r.graph, r.blockId, "asset-1"))).ok).toBe(true);
  });
});

describe("connect", () => {
  const refusals: [string, string, string, string][] = [
    ["unknown source", "nope", "asset-1", "No block has id 'nope'"],
    ["unknown target", "candles-1", "nope", "No block has id 'nope'"],
    ["skipping a step", "candles-1", "prompt-1", "An edge from a data-stream block must go to an asset block, not to a trading-prompt block ('prompt-1')"],
    ["backwards", "asset-1", "candles-1", "An edge from an asset block must go to a trading-prompt block, not to a data-stream block ('candles-1')"],
    ["out of the clone", "clone-1", "prompt-1", "Nothing follows a trading-clone block; 'clone-1' cannot feed 'prompt-1'"],
    ["twice", "candles-1", "asset-1", "'candles-1' already feeds 'asset-1'"],
  ];
  it.each(refusals)("refuses %s", (_name, from, to, reason) => {
    expect(connect(frozen(), from, to)).toEqual({ ok: false, reason });
  });

  it.each([
    ["a stream to a second asset", "candles-1", "asset-2", (g: CloneGraph) => assetOf(g, "asset-2").streams, ["candles-1"]],
    ["a second asset to the prompt", "asset-2", "prompt-1", (g: CloneGraph) => promptOf(g).assets, ["asset-1", "asset-2"]],
    ["another prompt to the clone, replacing the first", "prompt-2", "clone-1", (g: CloneGraph) => [cloneOf(g).prompt], ["prompt-2"]],
  ] as const)("connects %s, reference and edge together", (_name, from, to, read, expected) => {
    const g = ok(connect(withSpares(), from, to));
    expect(read(g)).toEqual(expected);
    expect(g.edges).toEqual(deriveEdges(g.blocks));
    expect(g.edges).toContainEqual({ from, to });
  });

  it("replacing the clone's prompt drops the old edge", () => {
    const g = ok(connect(withSpares(), "prompt-2", "clone-1"));
    expect(g.edges).not.toContainEqual({ from: "prompt-1", to: "clone-1" });
  });
});

describe("disconnect", () => {
  it("removes the reference and its edge", () => {
    const g = ok(disconnect(frozen(), "candles-1", "asset-1"));
    expect(assetOf(g).streams).toEqual([]);
    expect(g.edges).not.toContainEqual({ from: "candles-1", to: "asset-1" });
    // the graph says what is now missing, naming the block and field
    const v = validateGraph(g);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors).toContainEqual(expect.objectContaining({ blockId: "asset-1", field: "streams" }));
  });

  it.each([
    ["blocks that are not connected", "candles-1", "prompt-1", "'candles-1' does not feed 'prompt-1'"],
    ["the clone from its prompt", "prompt-1", "clone-1", "A trading clone always follows one prompt: connect another prompt to 'clone-1' to replace 'prompt-1'"],
  ])("refuses %s", (_name, from, to, reason) => {
    expect(disconnect(frozen(), from, to)).toEqual({ ok: false, reason });
  });
});

describe("removeBlock", () => {
  it("removes a stream with its references, edges and position", () => {
    const g = ok(removeBlock(frozen("funding-carry"), "funding-1"));
    expect(g.blocks.map((b) => b.id)).not.toContain("funding-1");
    expect(assetOf(g).streams).toEqual(["candles-1"]);
    expect(g.edges).toEqual(deriveEdges(g.blocks));
    expect(g.layout).not.toHaveProperty("funding-1");
  });

  it.each([
    ["an unknown block", "nope", "No block has id 'nope'"],
    ["the clone", "clone-1", "The trading-clone block is the clone itself and cannot be removed"],
    ["the prompt the clone follows", "prompt-1", "The trading clone follows 'prompt-1': connect another prompt to 'clone-1' before removing this one"],
  ])("refuses %s", (_name, id, reason) => {
    expect(removeBlock(frozen(), id)).toEqual({ ok: false, reason });
  });
});

describe("removeSelection", () => {
  it("removes blocks and disconnects the other selected edges together", () => {
    const g = ok(removeSelection(frozen("funding-carry"), ["funding-1"], [{ from: "funding-1", to: "asset-1" }, { from: "candles-1", to: "asset-1" }]));
    expect(g.blocks.map((b) => b.id)).not.toContain("funding-1");
    expect(assetOf(g).streams).toEqual([]);
  });

  it("changes nothing when one part is refused", () => {
    const g = frozen();
    expect(removeSelection(g, ["candles-1", "clone-1"], [])).toEqual({ ok: false, reason: "The trading-clone block is the clone itself and cannot be removed" });
  });
});

describe("moveBlocks and positionsOf", () => {
  it("stores whole-pixel positions for known blocks only", () => {
    const g = moveBlocks(frozen(), [{ id: "asset-1", position: { x: 10.4, y: -20.6 } }, { id: "ghost", position: { x: 1, y: 1 } }]);
    expect(g.layout["asset-1"]).toEqual({ x: 10, y: -21 });
    expect(g.layout).not.toHaveProperty("ghost");
  });

  it("places blocks the layout does not know", () => {
    const g = { ...draft(), layout: {} };
    expect(Object.keys(positionsOf(g)).sort()).toEqual(g.blocks.map((b) => b.id).sort());
  });
});
