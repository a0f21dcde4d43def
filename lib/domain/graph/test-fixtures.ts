/** Helpers the graph tests share: editable copies of template graphs and typed block lookups. */
import type { BlockOfType } from "./blocks";
import type { DataStreamBlock } from "./data-stream";
import type { CloneGraph } from "./schema";
import { templateGraph, type TemplateId } from "./templates";
import type { BlockType } from "./vocabulary";

/** A deep copy the test may break at will; the template itself stays untouched. */
export const draft = (id: TemplateId = "momentum"): CloneGraph => structuredClone(templateGraph(id));

export function blockOf<T extends BlockType>(graph: CloneGraph, id: string, type: T): BlockOfType<T> {
  const block = graph.blocks.find((b) => b.id === id);
  if (block?.type !== type) throw new Error(`test graph has no ${type} block '${id}'`);
  return block as BlockOfType<T>;
}

export const streamOf = (g: CloneGraph, id = "candles-1") => blockOf(g, id, "data-stream");
export const assetOf = (g: CloneGraph, id = "asset-1") => blockOf(g, id, "asset");
export const promptOf = (g: CloneGraph, id = "prompt-1") => blockOf(g, id, "trading-prompt");
export const cloneOf = (g: CloneGraph, id = "clone-1") => blockOf(g, id, "trading-clone");

/** A second stream wired to asset-1 with its edge, so graph rules still hold. */
export function addStream(g: CloneGraph, stream: DataStreamBlock): void {
  g.blocks.unshift(stream);
  assetOf(g).streams.push(stream.id);
  g.edges.push({ from: stream.id, to: "asset-1" });
}
