/**
 * The clone graph: Data Stream Block -> Asset Block -> Trading Prompt Block ->
 * Trading Clone Block, as one JSON document with its canvas layout. This is the
 * one schema every mode (Basic, Custom, Power User), the API and the decision
 * pipeline read; use validateGraph (validate.ts) for messages people can act on.
 */
import { z } from "zod";
import { blockSchema, edgeSchema, layoutSchema } from "./blocks";
import { graphIssues } from "./graph-rules";
import { GRAPH_MODES } from "./vocabulary";

export const GRAPH_VERSION = 1;

export const cloneGraphSchema = z
  .strictObject({
    version: z.literal(GRAPH_VERSION),
    mode: z.enum(GRAPH_MODES),
    blocks: z.array(blockSchema).min(1).max(60),
    edges: z.array(edgeSchema).max(300),
    layout: layoutSchema,
  })
  .superRefine((graph, ctx) => {
    for (const issue of graphIssues(graph)) ctx.addIssue({ code: "custom", ...issue });
  });

export type CloneGraph = z.infer<typeof cloneGraphSchema>;

export { assetBlockSchema, exchangeUrl, type AssetBlock } from "./asset";
export {
  blockSchema,
  describeBlock,
  edgeSchema,
  layoutSchema,
  positionSchema,
  type Block,
  type BlockOfType,
  type Edge,
  type Layout,
  type Position,
} from "./blocks";
export { dataStreamBlockSchema, lookbackMs, lookbackSchema, type DataStreamBlock, type Lookback } from "./data-stream";
export {
  indicatorLabel,
  indicatorSchema,
  indicatorWarmupBars,
  INDICATOR_KINDS,
  type Indicator,
  type IndicatorKind,
} from "./indicators";
export { isAvatar, tradingCloneBlockSchema, type TradingCloneBlock } from "./trading-clone";
export {
  isRuleStrategy,
  riskSchema,
  strategyWarmupBars,
  tradingPromptBlockSchema,
  type Risk,
  type StrategyParams,
  type TradingPromptBlock,
} from "./trading-prompt";
export * from "./vocabulary";
