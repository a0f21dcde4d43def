/**
 * What every rules strategy shares: picking and checking its stream, reading
 * numbers out of packet rows, and turning a signal into an Action with the
 * clone's sizing and exit plan. Sizing is one rule for all strategies, so a
 * spectator can compare clones: margin = risk.maxPositionPct of equity, at
 * min(2, risk.maxLeverage); stop-loss and take-profit are placed
 * risk.stopLossPct / risk.takeProfitPct away from the latest price.
 */
import type { Action } from "@/lib/domain/actions/action";
import type { StreamPacket } from "@/lib/domain/decisions/context-packet";
import type { Risk } from "@/lib/domain/graph/trading-prompt";
import { GRANULARITY_MS, type StreamDataset } from "@/lib/domain/graph/vocabulary";
import { fmt } from "./figures";
import type { StrategyDecision, StrategyInputs } from "./types";

export { fmt } from "./figures";

/*
 * SPREAD_NOTE: on Node 20 (V8 11.3) a property added to an object made by spread,
 * `{ ...base, extra }`, costs ~1 µs (the copy's map takes no transitions), 100 times
 * a literal's. A strategy's inputs are built at every decision of a backtest, so the
 * strategies write base's keys out in its order: the same object, key for key.
 */

/**
 * { ...inputs, ...more }: the same keys in the same order, without the cost SPREAD_NOTE
 * describes (inputs are the strategies' own records: no setter or __proto__ key, so
 * assigning is defining).
 */
export function withInputs(inputs: StrategyInputs, more: StrategyInputs): StrategyInputs {
  return Object.assign({}, inputs, more);
}

/** A decision's inputs when they are not recorded (StrategyInput.explain false): one shared, empty record. */
export const NO_INPUTS: StrategyInputs = Object.freeze({});

/** Rules never reach for the clone's full leverage: 2x keeps a 4% stop far from liquidation. */
export const DEFAULT_LEVERAGE = 2;

/** Hyperliquid prices carry at most 5 significant figures; planning finer would be rounded away anyway. */
const PRICE_SIGNIFICANT_FIGURES = 5;

const granularityMs = (g: string): number =>
  Object.hasOwn(GRANULARITY_MS, g) ? GRANULARITY_MS[g as keyof typeof GRANULARITY_MS] : Number.POSITIVE_INFINITY;

/**
 * The stream a strategy computes from, chosen exactly like the graph's
 * primaryStream (lib/domain/graph/queries.ts): the included stream of the
 * dataset with the finest granularity, the first one on a tie.
 */
export function pickStream(streams: readonly StreamPacket[], dataset: StreamDataset): StreamPacket | undefined {
  // loops rather than filter/reduce here and below: a backtest calls these at every decision
  let best: StreamPacket | undefined;
  for (const s of streams) {
    if (s.include && s.dataset === dataset && (best === undefined || granularityMs(s.granularity) < granularityMs(best.granularity))) best = s;
  }
  return best;
}

/** Why the stream cannot be decided on, or null when it is fresh. */
export function streamProblem(stream: StreamPacket | undefined, dataset: StreamDataset, asset: string): string | null {
  if (!stream) return `${asset} has no included ${dataset} stream to decide from`;
  if (stream.freshness.status !== "ok") return stream.freshness.reason ?? `${dataset} data is ${stream.freshness.status}`;
  return null;
}

export const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** column(points, field).length, without the column. */
export function countColumn(points: StreamPacket["points"], field: string): number {
  let count = 0;
  for (const p of points) if (finite(p[field])) count++;
  return count;
}

/** One datapoint of every row, in row order; rows without a number are skipped. */
export function column(points: StreamPacket["points"], field: string): number[] {
  // made at its size: grown by push, a 96-point column was copied four times over
  // (~2 KB of garbage at every decision of a backtest)
  const out = new Array<number>(countColumn(points, field));
  let i = 0;
  for (const p of points) {
    const v = p[field];
    if (finite(v)) out[i++] = v;
  }
  return out;
}

/** Summed left to right from 0, as reduce does. */
export function mean(xs: readonly number[]): number {
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

export function roundPrice(price: number): number {
  return Number(price.toPrecision(PRICE_SIGNIFICANT_FIGURES));
}


/** A ratio as a signed percentage: 0.0006 -> "+0.06%". */
export const fmtPct = (ratio: number, digits = 2): string => `${ratio >= 0 ? "+" : ""}${(ratio * 100).toFixed(digits)}%`;

export const confidence = (c: number): number => Math.round(Math.min(1, Math.max(0, c)) * 100) / 100;

export function hold(asset: string, reasoning: string, inputs: StrategyInputs, conf = 0.5): StrategyDecision {
  return { action: { action: "hold", asset, sizePct: 0, leverage: 1, confidence: confidence(conf), reasoning }, inputs };
}

/** A hold for missing, stale or too little data: the rule has no view, hence confidence 0. */
export const noData = (asset: string, reason: string, inputs: StrategyInputs = {}): StrategyDecision =>
  hold(asset, `Holding: ${reason}.`, withInputs(inputs, { problem: reason }), 0);

export function close(asset: string, reasoning: string, inputs: StrategyInputs, conf: number): StrategyDecision {
  return { action: { action: "close", asset, sizePct: 0, leverage: 1, confidence: confidence(conf), reasoning }, inputs };
}

export interface EntryPlan {
  asset: string;
  side: "long" | "short";
  price: number;
  risk: Risk;
  /** the signal, as a clause with its numbers: "EMA(12) 100,099 is above EMA(48) 100,042" */
  why: string;
  confidence: number;
  /** what would prove the trade wrong */
  invalidation?: string;
  /** false: no reasoning and no inputs are written (StrategyInput.explain) */
  explain?: boolean;
}

export function entry(plan: EntryPlan, inputs: StrategyInputs): StrategyDecision {
  const { asset, side, price, risk } = plan;
  const sign = side === "long" ? 1 : -1;
  const sizePct = risk.maxPositionPct;
  const leverage = Math.min(DEFAULT_LEVERAGE, risk.maxLeverage);
  const action: Action = { action: side === "long" ? "open_long" : "open_short", asset, sizePct, leverage, confidence: confidence(plan.confidence), reasoning: "" };
  if (risk.stopLossPct !== undefined) action.stopLoss = roundPrice(price * (1 - (sign * risk.stopLossPct) / 100));
  // A short cannot gain more than 100%: a take-profit at or below zero is left out.
  const target = risk.takeProfitPct === undefined ? 0 : price * (1 + (sign * risk.takeProfitPct) / 100);
  if (risk.takeProfitPct !== undefined && target > 0) action.takeProfit = roundPrice(target);
  if (risk.trailingStopPct !== undefined) action.trailingStopPct = risk.trailingStopPct;
  // the invalidation is part of the action (it is kept with the position), not of its explanation
  if (plan.invalidation !== undefined) action.invalidation = plan.invalidation;
  if (plan.explain === false) return { action, inputs: NO_INPUTS };
  const exits: string[] = [];
  if (action.stopLoss !== undefined) exits.push(`stop-loss ${fmt(action.stopLoss)} (${risk.stopLossPct}%)`);
  if (action.takeProfit !== undefined) exits.push(`take-profit ${fmt(action.takeProfit)} (${risk.takeProfitPct}%)`);
  if (action.trailingStopPct !== undefined) exits.push(`trailing stop ${risk.trailingStopPct}%`);
  const plannedFrom = ` from ${fmt(price)}`;
  action.reasoning = `${plan.why}; going ${side} ${sizePct}% at ${leverage}x${plannedFrom}${exits.length > 0 ? `, ${exits.join(", ")}` : ""}.`;
  return { action, inputs: withInputs(inputs, { price, sizePct, leverage }) };
}
