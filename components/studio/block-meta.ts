/** How the Studio names and colours each block type, in the words of PRODUCT.md §4. */
import type { Block } from "@/lib/domain/graph/blocks";
import { indicatorLabel } from "@/lib/domain/graph/indicators";
import type { BlockType } from "@/lib/domain/graph/vocabulary";

export const BLOCK_TITLE: Readonly<Record<BlockType, string>> = {
  "data-stream": "Data Stream Block",
  asset: "Asset Block",
  "trading-prompt": "Trading Prompt Block",
  "trading-clone": "Trading Clone Block",
};

/** Plural section headings for Custom mode. */
export const BLOCK_SECTION: Readonly<Record<BlockType, string>> = {
  "data-stream": "Data Stream Blocks",
  asset: "Asset Blocks",
  "trading-prompt": "Trading Prompt Blocks",
  "trading-clone": "Trading Clone Block",
};

/** A left border per type, so the chain reads at a glance on the canvas and in the block list. */
export const BLOCK_ACCENT: Readonly<Record<BlockType, string>> = {
  "data-stream": "border-l-info",
  asset: "border-l-positive",
  "trading-prompt": "border-l-accent",
  "trading-clone": "border-l-warning",
};

export const BLOCK_DOT: Readonly<Record<BlockType, string>> = {
  "data-stream": "bg-info",
  asset: "bg-positive",
  "trading-prompt": "bg-accent",
  "trading-clone": "bg-warning",
};

const VENUE_NAME = { HYPERLIQUID: "Hyperliquid", POLYMARKET: "Polymarket" } as const;

/** One line about what the block is set to, for the canvas and the block list. */
export function blockSummary(block: Block): string {
  switch (block.type) {
    case "data-stream": {
      const what = block.source === "defillama" ? `${block.series ?? "macro"}` : block.dataset;
      const indicators = block.indicators.length > 0 ? ` · ${block.indicators.slice(0, 2).map(indicatorLabel).join(", ")}${block.indicators.length > 2 ? "…" : ""}` : "";
      return `${block.source} ${what} · ${block.granularity} · ${block.retrievalDepth} bars${indicators}${block.include ? "" : " · excluded"}`;
    }
    case "asset":
      return `${block.symbol} on ${VENUE_NAME[block.venue] ?? block.venue}${block.enabled ? "" : " · paused"}`;
    case "trading-prompt":
      return `${block.strategy} · every ${block.cadence} · ${block.risk.maxLeverage}x max`;
    case "trading-clone":
      return `${block.name} · ${block.provider}${block.model && block.provider === "anthropic" ? ` · ${block.model}` : ""}`;
  }
}
