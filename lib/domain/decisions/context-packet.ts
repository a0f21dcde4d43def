/**
 * The context packet: everything a decision at time T may see, resolved from market
 * memory by server/services/decisions/resolve-context.ts. Inputs that are stale or
 * missing are reported in the packet, never silently left out: a decision on stale
 * data becomes a recorded no-trade.
 */
import type { StreamDataset } from "../graph/vocabulary";

const M = 60_000;
const H = 60 * M;

/** How old a stream's newest point may be at T before the stream is stale. */
export const STALE_AFTER_MS: Readonly<Record<StreamDataset, number>> = {
  candles: 3 * M,
  "open-interest": 5 * M,
  book: 2 * M,
  funding: 2 * H,
  "prediction-market": 10 * M,
  macro: 36 * H,
};

export type StreamStatus = "ok" | "stale" | "missing";

export interface Freshness {
  status: StreamStatus;
  /** when the newest point became known: a candle's close, a snapshot's time */
  asOf: number | null;
  reason?: string;
}

export function freshness(dataset: StreamDataset, asOf: number | null, decisionTime: number): Freshness {
  if (asOf === null) return { status: "missing", asOf, reason: `no ${dataset} data before the decision time` };
  const age = decisionTime - asOf;
  const limit = STALE_AFTER_MS[dataset];
  if (age > limit) {
    return { status: "stale", asOf, reason: `${dataset} data is ${Math.round(age / 1000)} s old (limit ${Math.round(limit / 1000)} s)` };
  }
  return { status: "ok", asOf };
}

export interface BarPoint {
  time: number;
  open?: number;
  high?: number;
  low?: number;
  close?: number;
  volume?: number;
  trades?: number;
}

export interface StreamPacket {
  blockId: string;
  source: string;
  dataset: StreamDataset;
  granularity: string;
  /** whether the stream reaches the prompt (the inclusion flag); rules may still read it */
  include: boolean;
  freshness: Freshness;
  /** the last `retrievalDepth` points, with only the datapoints the block asks for */
  points: Record<string, number | string | null>[];
  /** latest value of each indicator, by key ("ema(20)") */
  indicators: Record<string, unknown>;
}

export interface AssetPacket {
  key: string;
  venue: string;
  symbol: string;
  enabled: boolean;
  /** the latest price known at T (last close or mid), null when none */
  lastPrice: number | null;
  streams: StreamPacket[];
}

export interface ContextPacket {
  decisionTime: number;
  assets: AssetPacket[];
  /** every stale or missing input, spelled out */
  problems: { asset: string; blockId: string; status: StreamStatus; reason: string }[];
}
