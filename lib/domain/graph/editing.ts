/**
 * Edits the Studio makes to a draft graph: add a block, connect and disconnect
 * blocks, remove blocks, move them on the canvas. A block's references (an
 * asset's streams, a prompt's assets, a clone's prompt) are the truth; edges are
 * re-derived from them after every edit, so the two can never disagree. Inputs
 * are never modified. An edit that would leave the graph without something it
 * must have is refused with a reason a person can act on.
 */
import { NEXT_BLOCK_TYPE, withArticle, type Block, type Edge, type Layout, type Position } from "./blocks";
import { defaultBlock } from "./defaults";
import { autoLayout, COLUMN_WIDTH, ROW_HEIGHT } from "./layout";
import { deriveEdges } from "./queries";
import type { CloneGraph } from "./schema";
import { BLOCK_TYPES, type BlockType } from "./vocabulary";

type Refusal = { ok: false; reason: string };
export type EditResult = { ok: true; graph: CloneGraph } | Refusal;
export type AddResult = { ok: true; graph: CloneGraph; blockId: string } | Refusal;

const refuse = (reason: string): Refusal => ({ ok: false, reason });

const ID_PREFIX: Readonly<Record<BlockType, string>> = {
  "data-stream": "stream",
  asset: "asset",
  "trading-prompt": "prompt",
  "trading-clone": "clone",
};

/** "stream-3": the first free id of the type's prefix. */
export function nextBlockId(graph: Pick<CloneGraph, "blocks">, type: BlockType): string {
  const used = new Set(graph.blocks.map((b) => b.id));
  for (let n = 1; ; n++) {
    const id = `${ID_PREFIX[type]}-${n}`;
    if (!used.has(id)) return id;
  }
}

/** Every block's canvas position: the saved one, or where autoLayout puts it. */
export function positionsOf(graph: Pick<CloneGraph, "blocks" | "layout">): Layout {
  const auto = autoLayout(graph.blocks);
  return Object.fromEntries(graph.blocks.map((b) => [b.id, graph.layout[b.id] ?? auto[b.id] ?? { x: 0, y: 0 }]));
}

/** Under the lowest block of its type's column, or at the top of that column. */
function newBlockPosition(graph: CloneGraph, type: BlockType): Position {
  const positions = positionsOf(graph);
  const column = graph.blocks.filter((b) => b.type === type).flatMap((b) => positions[b.id] ?? []);
  if (column.length === 0) return { x: BLOCK_TYPES.indexOf(type) * COLUMN_WIDTH, y: 0 };
  const lowest = column.reduce((a, b) => (b.y > a.y ? b : a));
  return { x: lowest.x, y: lowest.y + ROW_HEIGHT };
}

export function addBlock(graph: CloneGraph, type: BlockType): AddResult {
  if (type === "trading-clone" && graph.blocks.some((b) => b.type === "trading-clone")) {
    return refuse("A graph has exactly one trading-clone block: it is the clone itself");
  }
  const id = nextBlockId(graph, type);
  const prompt = graph.blocks.find((b) => b.type === "trading-prompt");
  const block = defaultBlock(type, id, prompt?.id);
  const blocks = [...graph.blocks, block];
  return {
    ok: true,
    blockId: id,
    graph: { ...graph, blocks, edges: deriveEdges(blocks), layout: { ...graph.layout, [id]: newBlockPosition(graph, type) } },
  };
}

/** The graph with one block replaced by another of the same id. */
export function updateBlock(graph: CloneGraph, block: Block): CloneGraph {
  return { ...graph, blocks: graph.blocks.map((b) => (b.id === block.id ? block : b)) };
}

export function moveBlocks(graph: CloneGraph, moves: readonly { id: string; position: Position }[]): CloneGraph {
  const layout = { ...graph.layout };
  for (const { id, position } of moves) {
    if (graph.blocks.some((b) => b.id === id)) layout[id] = { x: Math.round(position.x), y: Math.round(position.y) };
  }
  return { ...graph, layout };
}

const connected = (graph: CloneGraph, from: string, to: string) => graph.edges.some((e) => e.from === from && e.to === to);

function withBlocks(graph: CloneGraph, blocks: Block[]): CloneGraph {
  return { ...graph, blocks, edges: deriveEdges(blocks) };
}

/** Data flows from → to; a trading clone follows one prompt, so connecting another replaces it. */
export function connect(graph: CloneGraph, from: string, to: string): EditResult {
  const source = graph.blocks.find((b) => b.id === from);
  const target = graph.blocks.find((b) => b.id === to);
  if (!source) return refuse(`No block has id '${from}'`);
  if (!target) return refuse(`No block has id '${to}'`);
  const next = NEXT_BLOCK_TYPE[source.type];
  if (next === null) return refuse(`Nothing follows a trading-clone block; '${from}' cannot feed '${to}'`);
  if (target.type !== next) {
    return refuse(`An edge from ${withArticle(source.type)} must go to ${withArticle(next)}, not to ${withArticle(target.type)} ('${to}')`);
  }
  if (connected(graph, from, to)) return refuse(`'${from}' already feeds '${to}'`);
  const blocks = graph.blocks.map((b): Block => {
    if (b.id !== to) return b;
    switch (b.type) {
      case "asset":
        return { ...b, streams: [...b.streams, from] };
      case "trading-prompt":
        return { ...b, assets: [...b.assets, from] };
      case "trading-clone":
        return { ...b, prompt: from };
      case "data-stream":
        return b;
    }
  });
  return { ok: true, graph: withBlocks(graph, blocks) };
}

export function disconnect(graph: CloneGraph, from: string, to: string): EditResult {
  if (!connected(graph, from, to)) return refuse(`'${from}' does not feed '${to}'`);
  const target = graph.blocks.find((b) => b.id === to);
  if (target?.type === "trading-clone") {
    return refuse(`A trading clone always follows one prompt: connect another prompt to '${to}' to replace '${from}'`);
  }
  const blocks = graph.blocks.map((b): Block => {
    if (b.id !== to) return b;
    if (b.type === "asset") return { ...b, streams: b.streams.filter((id) => id !== from) };
    if (b.type === "trading-prompt") return { ...b, assets: b.assets.filter((id) => id !== from) };
    return b;
  });
  return { ok: true, graph: withBlocks(graph, blocks) };
}

export function removeBlock(graph: CloneGraph, id: string): EditResult {
  const block = graph.blocks.find((b) => b.id === id);
  if (!block) return refuse(`No block has id '${id}'`);
  if (block.type === "trading-clone") return refuse("The trading-clone block is the clone itself and cannot be removed");
  const clone = graph.blocks.find((b) => b.type === "trading-clone");
  if (clone?.prompt === id) {
    return refuse(`The trading clone follows '${id}': connect another prompt to '${clone.id}' before removing this one`);
  }
  const blocks = graph.blocks
    .filter((b) => b.id !== id)
    .map((b): Block => {
      if (b.type === "asset" && b.streams.includes(id)) return { ...b, streams: b.streams.filter((s) => s !== id) };
      if (b.type === "trading-prompt" && b.assets.includes(id)) return { ...b, assets: b.assets.filter((a) => a !== id) };
      return b;
    });
  const { [id]: _removed, ...layout } = graph.layout;
  return { ok: true, graph: { ...withBlocks(graph, blocks), layout } };
}

/**
 * A canvas selection deleted at once: all of it or nothing. Edges touching a
 * removed block go with it; the other edges are disconnected.
 */
export function removeSelection(graph: CloneGraph, blockIds: readonly string[], edges: readonly Edge[]): EditResult {
  let g = graph;
  for (const id of blockIds) {
    const r = removeBlock(g, id);
    if (!r.ok) return r;
    g = r.graph;
  }
  const gone = new Set(blockIds);
  for (const e of edges) {
    if (gone.has(e.from) || gone.has(e.to)) continue;
    const r = disconnect(g, e.from, e.to);
    if (!r.ok) return r;
    g = r.graph;
  }
  return { ok: true, graph: g };
}
