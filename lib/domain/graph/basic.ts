/**
 * Basic mode: a template and a few sliders, read from and written back to the
 * same graph Custom and Power User modes edit. Nothing is stored besides the graph.
 */
import { DomainError } from "@/lib/domain/errors";
import type { AssetBlock } from "./asset";
import type { Block } from "./blocks";
import { assetsOf, tradingClone, tradingPrompt } from "./queries";
import type { CloneGraph } from "./schema";
import { isTemplateId, templateGraph, type TemplateId } from "./templates";
import type { Risk } from "./trading-prompt";
import { assertValidGraph } from "./validate";
import type { Cadence } from "./vocabulary";

export interface BasicRisk {
  /** max position size, % of equity */
  positionPct: number;
  leverage: number;
  /** absent: no stop-loss */
  stopLossPct?: number;
  /** absent: no take-profit */
  takeProfitPct?: number;
}

export interface BasicSettings {
  /** absent when the graph matches no template (a discretionary prompt on a non-anthropic provider) */
  templateId?: TemplateId;
  /** of the primary asset */
  symbol: string;
  riskLevel: BasicRisk;
  cadence: Cadence;
}

/**
 * Slider ranges. Leverage stops at the audition's default cap (5x) because Basic
 * mode is where new creators start; Custom mode reaches the schema's 50x.
 */
export const BASIC_SLIDERS = {
  positionPct: { min: 1, max: 100, step: 1 },
  leverage: { min: 1, max: 5, step: 1 },
  // below 100 / 5 %, so no slider combination puts the stop beyond liquidation
  stopLossPct: { min: 0.5, max: 15, step: 0.5 },
  takeProfitPct: { min: 0.5, max: 50, step: 0.5 },
} as const;

/** The template a graph follows, read from its strategy: rule strategies share their template's id. */
export function inferTemplateId(graph: CloneGraph): TemplateId | undefined {
  const strategy = tradingPrompt(graph).strategy;
  if (strategy === "discretionary") return tradingClone(graph).provider === "anthropic" ? "llm-discretionary" : undefined;
  return isTemplateId(strategy) ? strategy : undefined;
}

/** The asset Basic mode shows: the first enabled one, or the first at all when every asset is paused. */
export function primaryAsset(graph: CloneGraph): AssetBlock {
  const assets = assetsOf(graph);
  const asset = assets.find((a) => a.enabled) ?? assets[0];
  if (!asset) throw new DomainError("INVARIANT_VIOLATED", "The trading prompt names no asset in the graph");
  return asset;
}

export function basicSettings(graph: CloneGraph): BasicSettings {
  const { risk, cadence } = tradingPrompt(graph);
  const templateId = inferTemplateId(graph);
  return {
    ...(templateId === undefined ? {} : { templateId }),
    symbol: primaryAsset(graph).symbol,
    riskLevel: {
      positionPct: risk.maxPositionPct,
      leverage: risk.maxLeverage,
      ...(risk.stopLossPct === undefined ? {} : { stopLossPct: risk.stopLossPct }),
      ...(risk.takeProfitPct === undefined ? {} : { takeProfitPct: risk.takeProfitPct }),
    },
    cadence,
  };
}

function withRisk(risk: Risk, level: BasicRisk): Risk {
  const { stopLossPct: _sl, takeProfitPct: _tp, ...kept } = risk;
  return {
    ...kept,
    maxPositionPct: level.positionPct,
    maxLeverage: level.leverage,
    ...(level.stopLossPct === undefined ? {} : { stopLossPct: level.stopLossPct }),
    ...(level.takeProfitPct === undefined ? {} : { takeProfitPct: level.takeProfitPct }),
  };
}

/** A template switch keeps the clone's public identity; the rest comes from the new template. */
function rebase(graph: CloneGraph, templateId: TemplateId, symbol: string): CloneGraph {
  const identity = tradingClone(graph);
  const fresh = templateGraph(templateId, { name: identity.name, symbol });
  return {
    ...fresh,
    mode: graph.mode,
    blocks: fresh.blocks.map((b) =>
      b.type === "trading-clone" ? { ...b, tagline: identity.tagline, avatar: identity.avatar } : b,
    ),
  };
}

/**
 * A new graph with the settings applied, not yet validated: the Studio's draft,
 * whose errors are shown next to the fields like any other edit. A template
 * switch still throws when the template refuses the symbol or name.
 */
export function withBasicSettings(graph: CloneGraph, settings: BasicSettings): CloneGraph {
  const { templateId } = settings;
  const base = templateId !== undefined && templateId !== inferTemplateId(graph) ? rebase(graph, templateId, settings.symbol) : graph;
  const asset = primaryAsset(base);
  const prompt = tradingPrompt(base);
  const blocks = base.blocks.map((b): Block => {
    switch (b.type) {
      case "asset":
        return b.id === asset.id ? { ...b, symbol: settings.symbol } : b;
      case "data-stream":
        // a stream pinned to the old symbol follows the asset; one pinned elsewhere is deliberate context
        return asset.streams.includes(b.id) && b.symbol !== undefined && b.symbol === asset.symbol
          ? { ...b, symbol: settings.symbol }
          : b;
      case "trading-prompt":
        return b.id === prompt.id ? { ...b, cadence: settings.cadence, risk: withRisk(b.risk, settings.riskLevel) } : b;
      case "trading-clone":
        return b;
    }
  });
  return { ...base, blocks };
}

/**
 * A new graph with the settings applied; the input is never modified. Settings
 * the schema refuses throw a GraphValidationError naming the block and field.
 */
export function applyBasicSettings(graph: CloneGraph, settings: BasicSettings): CloneGraph {
  return assertValidGraph(withBasicSettings(graph, settings));
}
