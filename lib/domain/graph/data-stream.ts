/**
 * The Data Stream Block: which slice of market memory reaches the prompt, how far
 * back, at what step, and which indicators are derived from it.
 */
import { z } from "zod";
import { blockIdSchema, duplicateIndexes, formatDuration, hyperliquidSymbolSchema, slugSchema } from "./common";
import { indicatorLabel, indicatorSchema, indicatorWarmupBars } from "./indicators";
import {
  DATAPOINTS,
  DATAPOINTS_BY_DATASET,
  DATASETS_BY_SOURCE,
  FINEST_GRANULARITY,
  GRANULARITIES,
  GRANULARITY_MS,
  LOOKBACK_UNITS,
  LOOKBACK_UNIT_MS,
  MACRO_SERIES,
  MAX_LOOKBACK_MS,
  MAX_RETRIEVAL_DEPTH,
  STREAM_DATASETS,
  STREAM_SOURCES,
  type Datapoint,
} from "./vocabulary";

const SOURCE_NAMES = { hyperliquid: "Hyperliquid", polymarket: "Polymarket", defillama: "DefiLlama" } as const;

export const lookbackSchema = z.strictObject({
  amount: z.number().int().min(1).max(MAX_LOOKBACK_MS / LOOKBACK_UNIT_MS.minutes),
  unit: z.enum(LOOKBACK_UNITS),
});
export type Lookback = z.infer<typeof lookbackSchema>;

export const lookbackMs = (lookback: Lookback) => lookback.amount * LOOKBACK_UNIT_MS[lookback.unit];

const dataStreamShape = z.strictObject({
  id: blockIdSchema,
  type: z.literal("data-stream"),
  source: z.enum(STREAM_SOURCES),
  dataset: z.enum(STREAM_DATASETS),
  include: z.boolean(),
  lookback: lookbackSchema,
  granularity: z.enum(GRANULARITIES),
  datapoints: z.array(z.enum(DATAPOINTS)).min(1).max(DATAPOINTS.length),
  retrievalDepth: z.number().int().min(1).max(MAX_RETRIEVAL_DEPTH),
  indicators: z.array(indicatorSchema).max(12),
  /** Polymarket only: the market's slug. */
  market: slugSchema.optional(),
  /** DefiLlama only: which macro series. */
  series: z.enum(MACRO_SERIES).optional(),
  /** Hyperliquid only: the perp to read when it is not the asset the stream feeds. */
  symbol: hyperliquidSymbolSchema.optional(),
});

type StreamFields = z.infer<typeof dataStreamShape>;
type Issue = { path: (string | number)[]; message: string };

function sourceSpecificIssues(s: StreamFields): Issue[] {
  const issues: Issue[] = [];
  const source = SOURCE_NAMES[s.source];
  if (s.source === "polymarket" && s.market === undefined) {
    issues.push({ path: ["market"], message: "A Polymarket stream needs a market slug, like will-btc-close-above-100k" });
  }
  if (s.source !== "polymarket" && s.market !== undefined) {
    issues.push({ path: ["market"], message: `Market applies only to Polymarket streams, not ${source}` });
  }
  if (s.source === "defillama" && s.series === undefined) {
    issues.push({ path: ["series"], message: `A DefiLlama stream needs a series: ${MACRO_SERIES.join(", ")}` });
  }
  if (s.source !== "defillama" && s.series !== undefined) {
    issues.push({ path: ["series"], message: `Series applies only to DefiLlama streams, not ${source}` });
  }
  if (s.source !== "hyperliquid" && s.symbol !== undefined) {
    issues.push({ path: ["symbol"], message: `Symbol applies only to Hyperliquid streams, not ${source}` });
  }
  return issues;
}

function datasetIssues(s: StreamFields): Issue[] {
  const allowedDatasets = DATASETS_BY_SOURCE[s.source];
  if (!allowedDatasets.includes(s.dataset)) {
    return [{
      path: ["dataset"],
      message: `${SOURCE_NAMES[s.source]} offers ${allowedDatasets.join(", ")}, not ${s.dataset}`,
    }];
  }
  const issues: Issue[] = [];
  const allowed: readonly Datapoint[] = DATAPOINTS_BY_DATASET[s.dataset];
  s.datapoints.forEach((d, i) => {
    if (!allowed.includes(d)) {
      issues.push({ path: ["datapoints", i], message: `'${d}' is not a datapoint of ${s.dataset}; choose from ${allowed.join(", ")}` });
    }
  });
  for (const i of duplicateIndexes(s.datapoints)) {
    issues.push({ path: ["datapoints", i], message: `'${s.datapoints[i]}' is listed twice` });
  }
  const finest = FINEST_GRANULARITY[s.dataset];
  if (GRANULARITY_MS[s.granularity] < GRANULARITY_MS[finest]) {
    issues.push({ path: ["granularity"], message: `${s.dataset} is recorded every ${finest}; granularity must be ${finest} or coarser` });
  }
  if (s.indicators.length > 0 && s.dataset !== "candles") {
    issues.push({ path: ["indicators"], message: `Indicators are computed from candles; a ${s.dataset} stream cannot have any` });
  }
  const labels = s.indicators.map(indicatorLabel);
  for (const i of duplicateIndexes(labels)) {
    issues.push({ path: ["indicators", i], message: `${labels[i]} is listed twice` });
  }
  return issues;
}

function lookbackIssues(s: StreamFields): Issue[] {
  // zod refines values that already failed a bound; comparing those would only repeat that error in other words
  if (!lookbackSchema.safeParse(s.lookback).success) return [];
  const span = lookbackMs(s.lookback);
  if (span > MAX_LOOKBACK_MS) {
    return [{ path: ["lookback"], message: `Lookback must be at most 30 days (it is ${formatDuration(span)})` }];
  }
  const issues: Issue[] = [];
  const step = GRANULARITY_MS[s.granularity];
  const bars = Math.floor(span / step);
  const covers = `Lookback of ${formatDuration(span)} covers ${bars} bar${bars === 1 ? "" : "s"} of ${s.granularity}`;
  if (bars < s.retrievalDepth && s.retrievalDepth <= MAX_RETRIEVAL_DEPTH) {
    issues.push({
      path: ["lookback"],
      message: `${covers}, but retrieval depth asks for ${s.retrievalDepth}; make it at least ${formatDuration(s.retrievalDepth * step)}`,
    });
  }
  const hungriest = s.indicators
    .filter((indicator) => indicatorSchema.safeParse(indicator).success)
    .map((indicator, index) => ({ index, indicator, warmup: indicatorWarmupBars(indicator) }))
    .reduce<{ index: number; indicator: StreamFields["indicators"][number]; warmup: number } | null>(
      (best, x) => (best === null || x.warmup > best.warmup ? x : best),
      null,
    );
  if (hungriest !== null && bars < hungriest.warmup) {
    issues.push({
      path: ["lookback"],
      message: `${covers}, but ${indicatorLabel(hungriest.indicator)} needs ${hungriest.warmup}; make it at least ${formatDuration(hungriest.warmup * step)}`,
    });
  }
  return issues;
}

export const dataStreamBlockSchema = dataStreamShape.superRefine((stream, ctx) => {
  for (const issue of [...sourceSpecificIssues(stream), ...datasetIssues(stream), ...lookbackIssues(stream)]) {
    ctx.addIssue({ code: "custom", ...issue });
  }
});

export type DataStreamBlock = z.infer<typeof dataStreamBlockSchema>;
