/**
 * Defaults for what the Studio adds or switches: a fresh block of each type, an
 * indicator of each kind, a strategy's parameters. A stream that changes source
 * or dataset keeps what still applies and takes defaults for the rest, so the
 * creator is left with a graph one edit from valid rather than a list of errors.
 */
import type { AssetBlock } from "./asset";
import type { Block, BlockOfType } from "./blocks";
import type { DataStreamBlock, Lookback } from "./data-stream";
import type { Indicator, IndicatorKind } from "./indicators";
import { ALL_ACTIONS, candleStream, TEMPLATE_SYMBOL } from "./template-parts";
import type { StrategyParams, TradingPromptBlock } from "./trading-prompt";
import {
  DATAPOINTS_BY_DATASET,
  DATASETS_BY_SOURCE,
  DAY_MS,
  FINEST_GRANULARITY,
  GRANULARITY_MS,
  HOUR_MS,
  LOOKBACK_UNIT_MS,
  MACRO_SERIES,
  MAX_LOOKBACK_MS,
  type BlockType,
  type Granularity,
  type StreamDataset,
  type StreamSource,
  type Strategy,
} from "./vocabulary";

export const DEFAULT_PARAMS: { readonly [S in Strategy]: StrategyParams<S> } = {
  momentum: { fastEma: 12, slowEma: 48 },
  "mean-reversion": { period: 20, entryZ: 2, exitZ: 0.5 },
  "volume-spike": { lookback: 60, multiple: 3 },
  "funding-carry": { threshold: 0.00005 },
  discretionary: {},
};

const DEFAULT_INDICATORS: { readonly [K in IndicatorKind]: Extract<Indicator, { kind: K }> } = {
  ema: { kind: "ema", period: 20 },
  sma: { kind: "sma", period: 20 },
  rsi: { kind: "rsi", period: 14 },
  atr: { kind: "atr", period: 14 },
  bollinger: { kind: "bollinger", period: 20, stdDev: 2 },
  macd: { kind: "macd", fast: 12, slow: 26, signal: 9 },
  vwap: { kind: "vwap" },
  "realized-vol": { kind: "realized-vol", period: 48 },
};

export const defaultIndicator = (kind: IndicatorKind): Indicator => ({ ...DEFAULT_INDICATORS[kind] });

/**
 * A new block with sensible values. References (an asset's streams, a prompt's
 * assets) start empty: connecting blocks is a separate edit. `promptId` is the
 * prompt a new trading clone follows.
 */
export function defaultBlock<T extends BlockType>(type: T, id: string, promptId = "prompt-1"): BlockOfType<T> {
  const blocks: { [K in BlockType]: () => BlockOfType<K> } = {
    "data-stream": () => candleStream(id, "5m", { amount: 12, unit: "hours" }, 96, []),
    asset: (): AssetBlock => ({ id, type: "asset", venue: "HYPERLIQUID", symbol: TEMPLATE_SYMBOL, enabled: true, streams: [] }),
    "trading-prompt": () => ({
      id,
      type: "trading-prompt",
      prompt: "Describe when this clone opens, holds and closes a position.",
      strategy: "discretionary",
      params: {},
      cadence: "15m",
      risk: { maxPositionPct: 10, maxLeverage: 2, stopLossPct: 2, maxDailyLossPct: 3 },
      allowedActions: [...ALL_ACTIONS],
      assets: [],
    }),
    "trading-clone": () => ({
      id,
      type: "trading-clone",
      name: "New clone",
      tagline: "",
      avatar: "robot",
      provider: "anthropic",
      model: "claude-sonnet-4-6",
      temperature: 0.2,
      prompt: promptId,
    }),
  };
  return blocks[type]() as Block as BlockOfType<T>;
}

/** The prompt with another strategy: that strategy's default parameters, everything else kept. */
export function withStrategy(prompt: TradingPromptBlock, strategy: Strategy): TradingPromptBlock {
  if (prompt.strategy === strategy) return prompt;
  return { ...prompt, strategy, params: { ...DEFAULT_PARAMS[strategy] } } as TradingPromptBlock;
}

/** A lookback of exactly `bars` steps (fewer when that passes 30 days), in the largest unit that states it whole. */
function lookbackFor(bars: number, granularity: Granularity): { lookback: Lookback; retrievalDepth: number } {
  const step = GRANULARITY_MS[granularity];
  const retrievalDepth = Math.max(1, Math.min(bars, Math.floor(MAX_LOOKBACK_MS / step)));
  const ms = retrievalDepth * step;
  const unit = ms % DAY_MS === 0 ? "days" : ms % HOUR_MS === 0 ? "hours" : "minutes";
  return { lookback: { amount: ms / LOOKBACK_UNIT_MS[unit], unit }, retrievalDepth };
}

/**
 * The stream reading another dataset: its datapoints, a step it is recorded at,
 * indicators only on candles. When the step has to grow, lookback and retrieval
 * depth are refitted to it, so a 96-bar 5m stream does not become 96 days of macro.
 */
export function withDataset(stream: DataStreamBlock, dataset: StreamDataset): DataStreamBlock {
  if (stream.dataset === dataset) return stream;
  const finest = FINEST_GRANULARITY[dataset];
  const coarser = GRANULARITY_MS[stream.granularity] < GRANULARITY_MS[finest];
  const granularity = coarser ? finest : stream.granularity;
  return {
    ...stream,
    dataset,
    datapoints: [...DATAPOINTS_BY_DATASET[dataset]],
    granularity,
    indicators: dataset === "candles" ? stream.indicators : [],
    ...(coarser ? lookbackFor(stream.retrievalDepth, granularity) : {}),
  };
}

/** The stream reading another source: its first dataset unless the current one is offered, and only that source's fields. */
export function withSource(stream: DataStreamBlock, source: StreamSource): DataStreamBlock {
  if (stream.source === source) return stream;
  const { market: _m, series: _s, symbol: _y, ...common } = stream;
  const datasets = DATASETS_BY_SOURCE[source];
  const dataset = datasets.includes(stream.dataset) ? stream.dataset : (datasets[0] ?? stream.dataset);
  const kept = { ...common, source, ...(source === "defillama" ? { series: MACRO_SERIES[0] } : {}) };
  return withDataset(kept, dataset);
}
