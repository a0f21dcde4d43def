/**
 * Rules that span blocks. They run on a graph whose blocks already have the right
 * shape, but whose references may still dangle, so nothing here assumes a lookup
 * succeeds. Each issue's path points at the field a person has to change.
 */
import type { AssetBlock } from "./asset";
import { NEXT_BLOCK_TYPE, withArticle, type Block, type Edge, type Layout } from "./blocks";
import { duplicateIndexes } from "./common";
import { primaryStream } from "./queries";
import { isRuleStrategy, strategyWarmupBars, type TradingPromptBlock } from "./trading-prompt";
import type { BlockType } from "./vocabulary";

export interface GraphIssue {
  path: (string | number)[];
  message: string;
}

interface GraphParts {
  blocks: readonly Block[];
  edges: readonly Edge[];
  layout: Layout;
}

/** A reference from one block's field to another block, with where it sits. */
interface Reference {
  from: string;
  to: string;
  expected: BlockType;
  path: (string | number)[];
}

function referencesOf(blocks: readonly Block[]): Reference[] {
  return blocks.flatMap((b, i): Reference[] => {
    switch (b.type) {
      case "asset":
        return b.streams.map((id, k) => ({ from: id, to: b.id, expected: "data-stream", path: ["blocks", i, "streams", k] }));
      case "trading-prompt":
        return b.assets.map((id, k) => ({ from: id, to: b.id, expected: "asset", path: ["blocks", i, "assets", k] }));
      case "trading-clone":
        return [{ from: b.prompt, to: b.id, expected: "trading-prompt", path: ["blocks", i, "prompt"] }];
      case "data-stream":
        return [];
    }
  });
}

/** The field of a block that names the blocks feeding it. */
const REFERENCE_FIELD: Readonly<Record<BlockType, string>> = {
  "data-stream": "(nothing)",
  asset: "streams",
  "trading-prompt": "assets",
  "trading-clone": "prompt",
};

const edgeKey = (from: string, to: string) => JSON.stringify([from, to]);

function identityIssues(g: GraphParts): GraphIssue[] {
  const issues: GraphIssue[] = duplicateIndexes(g.blocks.map((b) => b.id)).map((i) => ({
    path: ["blocks", i, "id"],
    message: `Block id '${g.blocks[i]?.id}' is already used by another block`,
  }));
  const clones = g.blocks.flatMap((b, i) => (b.type === "trading-clone" ? [i] : []));
  if (clones.length === 0) issues.push({ path: ["blocks"], message: "The graph needs a trading-clone block" });
  for (const i of clones.slice(1)) {
    issues.push({ path: ["blocks", i], message: "Only one trading-clone block is allowed; remove this one" });
  }
  const ids = new Set(g.blocks.map((b) => b.id));
  for (const key of Object.keys(g.layout)) {
    if (!ids.has(key)) issues.push({ path: ["layout", key], message: `Layout has a position for '${key}', which is not a block` });
  }
  return issues;
}

function referenceIssues(g: GraphParts, byId: Map<string, Block>): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const edges = new Set(g.edges.map((e) => edgeKey(e.from, e.to)));
  for (const ref of referencesOf(g.blocks)) {
    const target = byId.get(ref.from);
    if (!target) {
      issues.push({ path: ref.path, message: `No block has id '${ref.from}'` });
    } else if (target.type !== ref.expected) {
      issues.push({ path: ref.path, message: `'${ref.from}' is ${withArticle(target.type)}, not ${withArticle(ref.expected)}` });
    } else if (!edges.has(edgeKey(ref.from, ref.to))) {
      issues.push({ path: ref.path, message: `'${ref.from}' is listed, but no edge connects it to '${ref.to}'` });
    }
  }
  const referenced = new Set(referencesOf(g.blocks).map((r) => r.from));
  const orphan: Partial<Record<BlockType, string>> = {
    "data-stream": "This data stream feeds no asset; connect it or remove it",
    asset: "This asset is not connected to the trading prompt; to stop trading it, pause it (enabled: false) instead",
    "trading-prompt": "The trading clone does not follow this prompt; connect it or remove it",
  };
  g.blocks.forEach((b, i) => {
    const message = orphan[b.type];
    if (message && !referenced.has(b.id)) issues.push({ path: ["blocks", i], message });
  });
  return issues;
}

function edgeIssues(g: GraphParts, byId: Map<string, Block>): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const backed = new Set(referencesOf(g.blocks).map((r) => edgeKey(r.from, r.to)));
  const keys = g.edges.map((e) => edgeKey(e.from, e.to));
  const dups = new Set(duplicateIndexes(keys));
  g.edges.forEach((e, i) => {
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    if (!from) issues.push({ path: ["edges", i, "from"], message: `Edge starts at '${e.from}', which is not a block` });
    if (!to) issues.push({ path: ["edges", i, "to"], message: `Edge ends at '${e.to}', which is not a block` });
    if (!from || !to) return;
    const next = NEXT_BLOCK_TYPE[from.type];
    if (next === null) {
      issues.push({ path: ["edges", i], message: `Nothing follows a trading-clone block; remove the edge to '${e.to}'` });
    } else if (to.type !== next) {
      issues.push({
        path: ["edges", i],
        message: `An edge from ${withArticle(from.type)} must go to ${withArticle(next)}, not to ${withArticle(to.type)} ('${e.to}')`,
      });
    } else if (dups.has(i)) {
      issues.push({ path: ["edges", i], message: `The edge from '${e.from}' to '${e.to}' is listed twice` });
    } else if (!backed.has(keys[i] ?? "")) {
      const field = REFERENCE_FIELD[next];
      issues.push({
        path: ["edges", i],
        message: `The edge from '${e.from}' to '${e.to}' has no reference: ${withArticle(to.type)} '${e.to}' does not name '${e.from}' in ${field}`,
      });
    }
  });
  return issues;
}

/** What the clone needs to trade at all, and what its provider needs to decide. */
function tradingIssues(g: GraphParts, byId: Map<string, Block>): GraphIssue[] {
  const index = (id: string) => g.blocks.findIndex((b) => b.id === id);
  const clone = g.blocks.find((b) => b.type === "trading-clone");
  const promptBlock = clone && byId.get(clone.prompt);
  if (!clone || promptBlock?.type !== "trading-prompt") return [];
  const prompt: TradingPromptBlock = promptBlock;
  const issues: GraphIssue[] = [];
  const assets = prompt.assets.flatMap((id) => {
    const a = byId.get(id);
    return a?.type === "asset" ? [a] : [];
  });
  const enabled = assets.filter((a) => a.enabled);
  if (assets.length > 0 && enabled.length === 0) {
    issues.push({ path: ["blocks", index(prompt.id), "assets"], message: "At least one asset must be enabled" });
  }
  for (const asset of assets) issues.push(...streamIssues(g, byId, asset, index(asset.id)));

  if (clone.provider === "rules" && !isRuleStrategy(prompt.strategy)) {
    issues.push({
      path: ["blocks", index(clone.id), "provider"],
      message: "The rules provider trades momentum, mean-reversion, volume-spike or funding-carry; a discretionary prompt needs the anthropic provider",
    });
  }
  if (clone.provider !== "rules" || !isRuleStrategy(prompt.strategy)) return issues;
  const dataset = prompt.strategy === "funding-carry" ? "funding" : "candles";
  const warmup = strategyWarmupBars(prompt);
  for (const asset of enabled) {
    const stream = primaryStream(g, asset, dataset);
    if (!stream) {
      issues.push({
        path: ["blocks", index(asset.id), "streams"],
        message: `The ${prompt.strategy} rules need an included ${dataset} stream on this asset`,
      });
    } else if (stream.retrievalDepth < warmup) {
      issues.push({
        path: ["blocks", index(stream.id), "retrievalDepth"],
        message: `The ${prompt.strategy} rules need at least ${warmup} bars to decide; retrieval depth is ${stream.retrievalDepth}`,
      });
    }
  }
  return issues;
}

function streamIssues(g: GraphParts, byId: Map<string, Block>, asset: AssetBlock, assetIndex: number): GraphIssue[] {
  const streams = asset.streams.flatMap((id) => {
    const s = byId.get(id);
    return s?.type === "data-stream" ? [s] : [];
  });
  const issues: GraphIssue[] = [];
  if (asset.enabled && !streams.some((s) => s.include)) {
    issues.push({ path: ["blocks", assetIndex, "streams"], message: "An enabled asset needs at least one included data stream" });
  }
  if (asset.venue !== "HYPERLIQUID") {
    for (const s of streams) {
      if (s.source === "hyperliquid" && s.symbol === undefined) {
        issues.push({
          path: ["blocks", g.blocks.indexOf(s), "symbol"],
          message: `This stream feeds Polymarket asset '${asset.id}'; name the Hyperliquid perp to read, like BTC`,
        });
      }
    }
  }
  return issues;
}

export function graphIssues(g: GraphParts): GraphIssue[] {
  // first occurrence wins, so a duplicated id is reported once and not twice more as a bad reference
  const byId = new Map<string, Block>();
  for (const b of g.blocks) if (!byId.has(b.id)) byId.set(b.id, b);
  return [...identityIssues(g), ...referenceIssues(g, byId), ...edgeIssues(g, byId), ...tradingIssues(g, byId)];
}
