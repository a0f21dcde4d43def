/**
 * Volume spike: follow a bar that trades far more than usual.
 *
 * The last bar is judged against the average volume of the `lookback` bars
 * before it (the bar itself is not in its own average). ratio = volume / average.
 * - A spike is ratio ≥ multiple. Its direction is the bar's: close > open is up,
 *   close < open is down; a spike bar that closed where it opened has no
 *   direction and is not followed.
 * - No position: an up spike -> long, a down spike -> short.
 * - A position: a spike against it -> close (the new side opens on a later
 *   decision); a spike with it -> hold.
 * - Exit when the burst is over and it did not pay: volume has normalised
 *   (ratio ≤ 1, at or below the average) and price is on the wrong side of the
 *   entry (below it for a long, above it for a short) -> close. A position in
 *   profit is left to its stop, take-profit and trailing stop, as the template
 *   says; so is one while volume stays elevated (1 < ratio < multiple).
 */
import type { StrategyParams } from "@/lib/domain/graph/trading-prompt";
import { close, entry, finite, fmt, hold, mean, NO_INPUTS, noData, pickStream, streamProblem } from "./common";
import type { StrategyDecision, StrategyInput } from "./types";

export type VolumeSpikeParams = StrategyParams<"volume-spike">;

interface Bar {
  open: number;
  close: number;
  volume: number;
}

const toBar = (p: Record<string, number | string | null>): Bar | null =>
  finite(p.open) && finite(p.close) && finite(p.volume) ? { open: p.open, close: p.close, volume: p.volume } : null;

export function decideVolumeSpike(input: StrategyInput<VolumeSpikeParams>): StrategyDecision {
  const { asset, params, position } = input;
  const { lookback, multiple } = params;
  const stream = pickStream(input.streams, "candles");
  const problem = streamProblem(stream, "candles", asset);
  if (problem !== null || !stream) return noData(asset, problem ?? "no candles");
  const bars = stream.points.map(toBar).filter((b): b is Bar => b !== null);
  const base = { stream: stream.blockId, lookback, multiple, bars: bars.length };
  if (bars.length < lookback + 1) {
    return noData(asset, `a ${lookback}-bar volume average plus the bar judged needs ${lookback + 1} bars with open, close and volume; the ${stream.granularity} stream has ${bars.length}`, base);
  }
  const last = bars.at(-1) as Bar;
  const average = mean(bars.slice(-lookback - 1, -1).map((b) => b.volume));
  const price = input.lastPrice ?? last.close;
  const direction = last.close > last.open ? "up" : last.close < last.open ? "down" : "flat";
  // without words (StrategyInput.explain false) the same decision, its reasoning empty and no inputs
  const say = input.explain !== false;
  // base's keys written out, not spread: see SPREAD_NOTE in common.ts
  const inputs = !say ? NO_INPUTS : { stream: base.stream, lookback: base.lookback, multiple: base.multiple, bars: base.bars, volume: last.volume, average, ratio: average > 0 ? last.volume / average : null, open: last.open, close: last.close, price, position: position?.side ?? null };
  if (!(average > 0)) return noData(asset, `the previous ${lookback} bars traded no volume, so no spike can be measured`, inputs);

  const ratio = last.volume / average;
  const spike = ratio >= multiple;
  const bar = !say ? "" : `The last ${stream.granularity} bar traded ${fmt(last.volume)}, ${ratio.toFixed(2)}x the ${lookback}-bar average of ${fmt(average)}, ${direction === "flat" ? "closing where it opened" : `moving ${direction} from ${fmt(last.open)} to ${fmt(last.close)}`}`;
  const strength = Math.min(0.85, 0.55 + 0.1 * (ratio / multiple - 1));

  if (position) {
    const against = position.side === "long" ? "down" : "up";
    if (spike && direction === against) return close(asset, say ? `${bar}: a ${multiple}x spike against the open ${position.side}, closing it.` : "", inputs, strength);
    const losing = position.side === "long" ? price < position.entryPrice : price > position.entryPrice;
    if (ratio <= 1 && losing) {
      return close(asset, say ? `${bar}: volume is back to normal and price ${fmt(price)} is ${position.side === "long" ? "below" : "above"} the ${position.side} entry at ${fmt(position.entryPrice)}, closing it.` : "", inputs, 0.65);
    }
    return hold(asset, say ? `${bar}: keeping the ${position.side} (entered at ${fmt(position.entryPrice)}) for its exit plan.` : "", inputs, 0.6);
  }
  if (!spike) return hold(asset, say ? `${bar}: below the ${multiple}x spike threshold.` : "", inputs);
  if (direction === "flat") return hold(asset, say ? `${bar}: a spike without a direction to follow.` : "", inputs);
  const side = direction === "up" ? "long" : "short";
  return entry(
    {
      asset,
      side,
      price,
      risk: input.risk,
      why: say ? `${bar}: following the spike` : "",
      confidence: strength,
      invalidation: `price falls back through the spike bar's open at ${fmt(last.open)}`,
      explain: say,
    },
    inputs,
  );
}
