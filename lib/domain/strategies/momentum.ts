/**
 * Momentum: follow the side of the slow EMA the fast one is on.
 *
 * - fast EMA above the slow one by more than the dead band -> long; below -> short.
 * - Inside the dead band (|fast − slow| < 0.02% of the slow EMA) the averages are
 *   "tangled" (the template's words): hold, whatever is open.
 * - A position on the trend's side is kept (hold); a position on the other side
 *   is closed first, and the new side opens on a later decision (the gates allow
 *   no implicit flip).
 * - The EMAs are read from the packet's indicators ("ema(12)") when present:
 *   those were computed with the stream's warm-up bars, more history than the
 *   points carry. Otherwise they are computed over the stream's closes with the
 *   same library, which needs at least slowEma closes.
 */
import type { StreamPacket } from "@/lib/domain/decisions/context-packet";
import type { StrategyParams } from "@/lib/domain/graph/trading-prompt";
import { emaStepper } from "@/lib/domain/indicators/library";
import { close, column, confidence, countColumn, entry, finite, fmt, fmtPct, hold, NO_INPUTS, noData, pickStream, streamProblem } from "./common";
import type { StrategyDecision, StrategyInput, StrategyInputs } from "./types";

export type MomentumParams = StrategyParams<"momentum">;

/** Relative gap between the EMAs below which they count as tangled. */
export const MOMENTUM_DEAD_BAND = 0.0002;

/** The gap at which confidence tops out: half a percent is a decided trend on minute bars. */
const FULL_CONFIDENCE_GAP = 0.005;

function emaOverCloses(closes: readonly number[], period: number): number | null {
  const step = emaStepper(period);
  let value: number | null = null;
  for (const [i, close] of closes.entries()) {
    value = step({ openTime: i, closeTime: i, open: close, high: close, low: close, close, volume: 0, trades: 0 });
  }
  return value;
}

// "ema(12)" made once per period: a key string built at every read is hashed anew each time
const emaKeys = new Map<number, string>();

function readEma(stream: StreamPacket, period: number): { value: number | null; source: string } {
  let key = emaKeys.get(period);
  if (key === undefined) emaKeys.set(period, (key = `ema(${period})`));
  const fromPacket = stream.indicators[key];
  if (finite(fromPacket)) return { value: fromPacket, source: "packet" };
  const closes = column(stream.points, "close");
  return { value: closes.length >= period ? emaOverCloses(closes, period) : null, source: "closes" };
}

export function decideMomentum(input: StrategyInput<MomentumParams>): StrategyDecision {
  const { asset, params, position } = input;
  const stream = pickStream(input.streams, "candles");
  const problem = streamProblem(stream, "candles", asset);
  if (problem !== null || !stream) return noData(asset, problem ?? "no candles");
  const fast = readEma(stream, params.fastEma);
  const slow = readEma(stream, params.slowEma);
  if (fast.value === null || slow.value === null || slow.value <= 0) {
    const count = countColumn(stream.points, "close");
    const base = { stream: stream.blockId, fastEma: params.fastEma, slowEma: params.slowEma, closes: count, emaSource: slow.source };
    return noData(asset, `EMA(${params.slowEma}) needs ${params.slowEma} closes and the ${stream.granularity} stream has ${count}`, base);
  }
  const gap = (fast.value - slow.value) / slow.value;
  const strength = confidence(0.55 + 0.35 * Math.min(1, Math.abs(gap) / FULL_CONFIDENCE_GAP));
  const trend = gap > 0 ? "long" : "short";
  const signal: Signal = Math.abs(gap) < MOMENTUM_DEAD_BAND ? "tangled" : position?.side === trend ? "keep" : position ? "turned" : "enter";
  if (input.explain === false) {
    // only the action is read: the same decision without its words (StrategyInput.explain)
    if (signal === "tangled") return hold(asset, "", NO_INPUTS);
    if (signal === "keep") return hold(asset, "", NO_INPUTS, strength);
    if (signal === "turned") return close(asset, "", NO_INPUTS, strength);
    return enter(input, stream, trend, strength, "", NO_INPUTS);
  }
  // the closes counted only where recorded: a backtest decides thousands of times on the packet's EMAs
  const count = countColumn(stream.points, "close");
  // written out, not spread: see SPREAD_NOTE in common.ts
  const inputs = { stream: stream.blockId, fastEma: params.fastEma, slowEma: params.slowEma, closes: count, emaSource: slow.source, fast: fast.value, slow: slow.value, gap, position: position?.side ?? null };
  const f = `EMA(${params.fastEma}) ${fmt(fast.value)}`;
  const s = `EMA(${params.slowEma}) ${fmt(slow.value)}`;
  if (signal === "tangled") {
    const keeping = position ? `; keeping the ${position.side}` : "";
    return hold(asset, `${f} and ${s} are tangled (${fmtPct(gap, 3)}, inside the ${fmtPct(MOMENTUM_DEAD_BAND)} band): no trend to follow${keeping}.`, inputs);
  }
  const relation = `${f} is ${gap > 0 ? "above" : "below"} ${s} (${fmtPct(gap, 3)})`;
  if (signal === "keep") return hold(asset, `${relation}: the trend still favours the open ${trend}, holding it.`, inputs, strength);
  if (signal === "turned") return close(asset, `${relation}: the trend turned against the open ${position!.side}, closing it.`, inputs, strength);
  return enter(input, stream, trend, strength, relation, inputs);
}

/**
 * What the EMAs say given the position: inside the dead band, on the open position's
 * side, against it, or a trend to enter.
 */
type Signal = "tangled" | "keep" | "turned" | "enter";

function enter(input: StrategyInput<MomentumParams>, stream: StreamPacket, trend: "long" | "short", strength: number, why: string, inputs: StrategyInputs): StrategyDecision {
  const { asset, params } = input;
  const price = input.lastPrice ?? column(stream.points, "close").at(-1) ?? null;
  if (price === null || !(price > 0)) return noData(asset, "there is no price to plan the entry from", inputs);
  return entry(
    {
      asset,
      side: trend,
      price,
      risk: input.risk,
      why,
      confidence: strength,
      invalidation: `EMA(${params.fastEma}) crosses back ${trend === "long" ? "below" : "above"} EMA(${params.slowEma})`,
      explain: input.explain,
    },
    inputs,
  );
}
