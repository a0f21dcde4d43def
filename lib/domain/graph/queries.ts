/**
 * Reading a graph the way the decision pipeline does. The context resolver, the
 * rules provider and the graph's own validation all pick streams through these
 * functions, so they can never disagree on which stream feeds a decision.
 */
import { DomainError } from "@/lib/domain/errors";
import type { AssetBlock } from "./asset";
import type { Block, BlockOfType, Edge } from "./blocks";
import type { DataStreamBlock } from "./data-stream";
import type { TradingCloneBlock } from "./trading-clone";
import type { TradingPromptBlock } from "./trading-prompt";
import { GRANULARITY_MS, type BlockType, type StreamDataset } from "./vocabulary";

interface HasBlocks {
  readonly blocks: readonly Block[];
}

export function findBlock<T extends BlockType>(graph: HasBlocks, id: string, type: T): BlockOfType<T> | undefined {
  const block = graph.blocks.find((b) => b.id === id);
  return block?.type === type ? (block as BlockOfType<T>) : undefined;
}

export function tradingClone(graph: HasBlocks): TradingCloneBlock {
  const clone = graph.blocks.find((b): b is TradingCloneBlock => b.type === "trading-clone");
  if (!clone) throw new DomainError("INVARIANT_VIOLATED", "The graph has no trading-clone block");
  return clone;
}

/** The prompt the clone follows. */
export function tradingPrompt(graph: HasBlocks): TradingPromptBlock {
  const clone = tradingClone(graph);
  const prompt = findBlock(graph, clone.prompt, "trading-prompt");
  if (!prompt) throw new DomainError("INVARIANT_VIOLATED", `The trading clone's prompt '${clone.prompt}' is not in the graph`);
  return prompt;
}

/** The clone's assets in the prompt's order, paused ones included. */
export function assetsOf(graph: HasBlocks): AssetBlock[] {
  return tradingPrompt(graph).assets.flatMap((id) => findBlock(graph, id, "asset") ?? []);
}

export const enabledAssets = (graph: HasBlocks): AssetBlock[] => assetsOf(graph).filter((a) => a.enabled);

/** The streams feeding an asset in its own order, excluded ones too. */
export function streamsOf(graph: HasBlocks, asset: AssetBlock): DataStreamBlock[] {
  return asset.streams.flatMap((id) => findBlock(graph, id, "data-stream") ?? []);
}

/**
 * The stream the rules provider computes a strategy from: the asset's included
 * stream of that dataset with the finest granularity, the first one on a tie.
 */
export function primaryStream(graph: HasBlocks, asset: AssetBlock, dataset: StreamDataset): DataStreamBlock | undefined {
  return streamsOf(graph, asset)
    .filter((s) => s.include && s.dataset === dataset)
    .reduce<DataStreamBlock | undefined>(
      (best, s) => (best === undefined || GRANULARITY_MS[s.granularity] < GRANULARITY_MS[best.granularity] ? s : best),
      undefined,
    );
}

/** The Hyperliquid coin a stream reads: its own symbol when set, else the asset it feeds. */
export const streamSymbol = (stream: DataStreamBlock, asset: AssetBlock): string => stream.symbol ?? asset.symbol;

/** The edges the blocks' references imply, in block order: what a saved graph's edges must equal. */
export function deriveEdges(blocks: readonly Block[]): Edge[] {
  return blocks.flatMap((b): Edge[] => {
    switch (b.type) {
      case "asset":
        return b.streams.map((from) => ({ from, to: b.id }));
      case "trading-prompt":
        return b.assets.map((from) => ({ from, to: b.id }));
      case "trading-clone":
        return [{ from: b.prompt, to: b.id }];
      case "data-stream":
        return [];
    }
  });
}
