/**
 * The templates a creator starts from (Basic mode's first choice). Each yields a
 * complete, valid graph within the audition's default limits: leverage at most
 * 5x and a daily loss cap at most 5%.
 */
import { DomainError } from "@/lib/domain/errors";
import type { Block } from "./blocks";
import type { DataStreamBlock } from "./data-stream";
import { autoLayout } from "./layout";
import { deriveEdges } from "./queries";
import type { CloneGraph } from "./schema";
import {
  ALL_ACTIONS,
  candleStream,
  fundingStream,
  LLM_DISCRETIONARY_PROMPT,
  openInterestStream,
  perpAsset,
  TEMPLATE_SYMBOL,
} from "./template-parts";
import type { TradingCloneBlock } from "./trading-clone";
import type { TradingPromptBlock } from "./trading-prompt";
import { assertValidGraph } from "./validate";

export const TEMPLATE_IDS = ["momentum", "mean-reversion", "volume-spike", "funding-carry", "llm-discretionary"] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];
export const isTemplateId = (s: string): s is TemplateId => (TEMPLATE_IDS as readonly string[]).includes(s);

export interface TemplateSummary {
  id: TemplateId;
  title: string;
  description: string;
}

/** Omit applied to each strategy's variant, so a template's params stay tied to its strategy. */
type PromptParts = TradingPromptBlock extends infer P ? (P extends unknown ? Omit<P, "id" | "type" | "assets"> : never) : never;
type CloneParts = Pick<TradingCloneBlock, "tagline" | "avatar" | "provider" | "temperature" | "model">;

interface Template {
  summary: Omit<TemplateSummary, "id">;
  /** the clone's name is this plus the symbol, unless the creator names it */
  shortName: string;
  streams: () => DataStreamBlock[];
  prompt: PromptParts;
  clone: CloneParts;
}

const TEMPLATES: Readonly<Record<TemplateId, Template>> = {
  momentum: {
    summary: { title: "Momentum", description: "Rides trends: goes long when the fast average crosses above the slow one, short when it crosses below." },
    shortName: "Momentum",
    streams: () => [candleStream("candles-1", "5m", { amount: 12, unit: "hours" }, 96, [
      { kind: "ema", period: 12 }, { kind: "ema", period: 48 }, { kind: "rsi", period: 14 }, { kind: "atr", period: 14 },
    ])],
    prompt: {
      prompt: "Follow the trend on 5-minute candles. Go long when EMA 12 crosses above EMA 48 and short when it crosses below; close when the cross reverses. Hold while the averages are tangled.",
      strategy: "momentum",
      params: { fastEma: 12, slowEma: 48 },
      cadence: "5m",
      risk: { maxPositionPct: 20, maxLeverage: 3, stopLossPct: 2, takeProfitPct: 4, maxDailyLossPct: 4 },
      allowedActions: [...ALL_ACTIONS],
    },
    clone: { tagline: "The trend is my friend.", avatar: "rocket", provider: "rules", temperature: 0 },
  },
  "mean-reversion": {
    summary: { title: "Mean Reversion", description: "Fades stretched moves: buys well below the recent average, sells well above it, exits back near the middle." },
    shortName: "Mean Reverter",
    streams: () => [candleStream("candles-1", "5m", { amount: 12, unit: "hours" }, 96, [
      { kind: "bollinger", period: 20, stdDev: 2 }, { kind: "sma", period: 20 }, { kind: "rsi", period: 14 },
    ])],
    prompt: {
      prompt: "Trade back to the mean on 5-minute candles. Go long when the close is 2 standard deviations below its 20-bar average, short when 2 above; close once price is back within half a standard deviation.",
      strategy: "mean-reversion",
      params: { period: 20, entryZ: 2, exitZ: 0.5 },
      cadence: "5m",
      risk: { maxPositionPct: 15, maxLeverage: 2, stopLossPct: 1.5, takeProfitPct: 2, maxDailyLossPct: 3 },
      allowedActions: [...ALL_ACTIONS],
    },
    clone: { tagline: "What goes up comes back down.", avatar: "owl", provider: "rules", temperature: 0 },
  },
  "volume-spike": {
    summary: { title: "Volume Spike", description: "Jumps on sudden bursts of trading: follows a bar whose volume is three times the recent average." },
    shortName: "Volume Spike",
    streams: () => [candleStream("candles-1", "1m", { amount: 4, unit: "hours" }, 120, [
      { kind: "vwap" }, { kind: "ema", period: 20 }, { kind: "atr", period: 14 },
    ])],
    prompt: {
      prompt: "Watch 1-minute volume. When a bar trades at least 3 times the average volume of the last 60 bars, follow its direction: long on an up bar, short on a down bar. Let the trailing stop take you out.",
      strategy: "volume-spike",
      params: { lookback: 60, multiple: 3 },
      cadence: "1m",
      risk: { maxPositionPct: 10, maxLeverage: 2, stopLossPct: 1, takeProfitPct: 2, trailingStopPct: 0.75, maxDailyLossPct: 3 },
      allowedActions: [...ALL_ACTIONS],
    },
    clone: { tagline: "Where the crowd rushes, I follow.", avatar: "shark", provider: "rules", temperature: 0 },
  },
  "funding-carry": {
    summary: { title: "Funding Carry", description: "Collects funding: takes the side the crowd pays to when hourly funding runs unusually high or low." },
    shortName: "Funding Carry",
    streams: () => [
      fundingStream("funding-1", 2),
      candleStream("candles-1", "5m", { amount: 1, unit: "days" }, 96, [{ kind: "atr", period: 14 }, { kind: "realized-vol", period: 48 }]),
    ],
    prompt: {
      prompt: "Earn funding. When hourly funding is above 0.005%, longs are paying shorts: go short. When it is below -0.005%, go long. Close when funding falls back inside the band.",
      strategy: "funding-carry",
      params: { threshold: 0.00005 },
      cadence: "1h",
      risk: { maxPositionPct: 25, maxLeverage: 2, stopLossPct: 4, maxDailyLossPct: 3 },
      allowedActions: [...ALL_ACTIONS],
    },
    clone: { tagline: "Paid to wait.", avatar: "whale", provider: "rules", temperature: 0 },
  },
  "llm-discretionary": {
    summary: { title: "LLM Discretionary", description: "Claude reads the chart, indicators, funding and open interest, and decides like a careful human trader." },
    shortName: "Discretionary",
    streams: () => [
      candleStream("candles-1", "5m", { amount: 1, unit: "days" }, 60, [
        { kind: "ema", period: 20 }, { kind: "ema", period: 50 }, { kind: "rsi", period: 14 }, { kind: "atr", period: 14 },
        { kind: "bollinger", period: 20, stdDev: 2 }, { kind: "macd", fast: 12, slow: 26, signal: 9 }, { kind: "vwap" },
        { kind: "realized-vol", period: 48 },
      ]),
      fundingStream("funding-1", 1),
      openInterestStream("oi-1"),
    ],
    prompt: {
      prompt: LLM_DISCRETIONARY_PROMPT,
      strategy: "discretionary",
      params: {},
      cadence: "15m",
      risk: { maxPositionPct: 20, maxLeverage: 3, stopLossPct: 2.5, takeProfitPct: 5, maxDailyLossPct: 4 },
      allowedActions: [...ALL_ACTIONS],
    },
    clone: { tagline: "Reads the tape, keeps it calm.", avatar: "robot", provider: "anthropic", model: "claude-sonnet-4-6", temperature: 0.2 },
  },
};

export const TEMPLATE_SUMMARIES: readonly TemplateSummary[] = TEMPLATE_IDS.map((id) => ({ id, ...TEMPLATES[id].summary }));

export interface TemplateOverrides {
  name?: string;
  symbol?: string;
  /** trade several perps with one prompt: one Asset Block (and its streams) per symbol; overrides `symbol` */
  symbols?: readonly string[];
}

/** A complete graph from a template; invalid overrides throw a GraphValidationError naming the field. */
export function templateGraph(id: TemplateId, overrides: TemplateOverrides = {}): CloneGraph {
  if (!isTemplateId(id)) {
    throw new DomainError("NOT_FOUND", `No template '${String(id)}'; choose one of ${TEMPLATE_IDS.join(", ")}`, "templateId");
  }
  const template = TEMPLATES[id];
  const symbols = overrides.symbols?.length ? overrides.symbols : [overrides.symbol ?? TEMPLATE_SYMBOL];
  const symbol = symbols.join(" ");
  // the first asset keeps the single-asset ids ("asset-1", "candles-1"), so a one-symbol graph is unchanged
  const perAsset = symbols.map((sym, i) => {
    const suffix = i === 0 ? "" : `-${sym.toLowerCase()}`;
    const streams = template.streams().map((st) => ({ ...st, id: `${st.id}${suffix}` }));
    return { streams, asset: { ...perpAsset(sym, streams), id: `asset-1${suffix}` } };
  });
  const streams = perAsset.flatMap((a) => a.streams);
  const assets = perAsset.map((a) => a.asset);
  const prompt: TradingPromptBlock = { ...template.prompt, id: "prompt-1", type: "trading-prompt", assets: assets.map((a) => a.id) };
  const clone: TradingCloneBlock = {
    id: "clone-1",
    type: "trading-clone",
    name: overrides.name ?? `${template.shortName} ${symbol}`,
    ...template.clone,
    prompt: prompt.id,
  };
  const blocks: Block[] = [...streams, ...assets, prompt, clone];
  return assertValidGraph({ version: 1, mode: "basic", blocks, edges: deriveEdges(blocks), layout: autoLayout(blocks) });
}
