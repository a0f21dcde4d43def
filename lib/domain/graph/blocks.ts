/** The parts of a clone graph document: its blocks, the edges between them, and their canvas positions. */
import { z } from "zod";
import { assetBlockSchema } from "./asset";
import { blockIdSchema } from "./common";
import { dataStreamBlockSchema } from "./data-stream";
import { tradingCloneBlockSchema } from "./trading-clone";
import { tradingPromptBlockSchema } from "./trading-prompt";
import type { BlockType } from "./vocabulary";

export const blockSchema = z.discriminatedUnion("type", [
  dataStreamBlockSchema,
  assetBlockSchema,
  tradingPromptBlockSchema,
  tradingCloneBlockSchema,
]);
export type Block = z.infer<typeof blockSchema>;
export type BlockOfType<T extends BlockType> = Extract<Block, { type: T }>;

export const edgeSchema = z.strictObject({ from: blockIdSchema, to: blockIdSchema });
export type Edge = z.infer<typeof edgeSchema>;

const coordinate = z.number().min(-1_000_000).max(1_000_000);
export const positionSchema = z.strictObject({ x: coordinate, y: coordinate });
export type Position = z.infer<typeof positionSchema>;

/** Blocks without a position are placed by the editor; positions of unknown blocks are refused. */
export const layoutSchema = z.record(z.string(), positionSchema);
export type Layout = z.infer<typeof layoutSchema>;

/** The only direction data flows: each block type feeds exactly one next type. */
export const NEXT_BLOCK_TYPE: Readonly<Record<BlockType, BlockType | null>> = {
  "data-stream": "asset",
  asset: "trading-prompt",
  "trading-prompt": "trading-clone",
  "trading-clone": null,
};

/** "a data-stream block", "an asset block" */
export const withArticle = (type: string) => `${/^[aeiou]/.test(type) ? "an" : "a"} ${type} block`;

/** How a person reads a block in an error: "trading-prompt block 'prompt-1'". */
export function describeBlock(blockId: string | null, blockType: string | null): string {
  const kind = blockType === null ? "block" : `${blockType} block`;
  return blockId === null ? kind : `${kind} '${blockId}'`;
}
