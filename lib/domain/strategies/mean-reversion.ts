/**
 * Mean reversion: fade a close stretched far from its recent mean.
 *
 * z = (last close − SMA(period)) / σ(period), over the stream's last `period`
 * closes, σ the population standard deviation (Bollinger's own definition, so
 * z matches the bands the packet shows).
 * - No position: z ≤ −entryZ -> long; z ≥ entryZ -> short; otherwise hold.
 * - Long: closed once z ≥ −exitZ, i.e. back within exitZ of the mean or past it
 *   (a jump straight through the mean must close too, not only a landing in the
 *   band); otherwise held. Short: the mirror, closed once z ≤ exitZ.
 * - σ = 0 (every close equal) is no stretch at all: hold.
 */
import type { StrategyParams } from "@/lib/domain/graph/trading-prompt";
import { close, column, entry, fmt, hold, mean, NO_INPUTS, noData, pickStream, streamProblem } from "./common";
import type { StrategyDecision, StrategyInput } from "./types";

export type MeanReversionParams = StrategyParams<"mean-reversion">;

const fmtZ = (z: number) => `${z >= 0 ? "+" : "−"}${Math.abs(z).toFixed(2)}σ`;

export function decideMeanReversion(input: StrategyInput<MeanReversionParams>): StrategyDecision {
  const { asset, params, position } = input;
  const { period, entryZ, exitZ } = params;
  const stream = pickStream(input.streams, "candles");
  const problem = streamProblem(stream, "candles", asset);
  if (problem !== null || !stream) return noData(asset, problem ?? "no candles");
  const closes = column(stream.points, "close");
  const base = { stream: stream.blockId, period, entryZ, exitZ, closes: closes.length };
  if (closes.length < period) return noData(asset, `the ${period}-bar mean needs ${period} closes and the ${stream.granularity} stream has ${closes.length}`, base);

  const window = closes.slice(-period);
  const last = window.at(-1) as number;
  const sma = mean(window);
  const sd = Math.sqrt(mean(window.map((c) => (c - sma) ** 2)));
  const z = sd > 0 ? (last - sma) / sd : 0;
  // without words (StrategyInput.explain false) the same decision, its reasoning empty and no inputs
  const say = input.explain !== false;
  // base's keys written out, not spread: see SPREAD_NOTE in common.ts
  const inputs = say ? { stream: base.stream, period: base.period, entryZ: base.entryZ, exitZ: base.exitZ, closes: base.closes, close: last, sma, stdev: sd, z, position: position?.side ?? null } : NO_INPUTS;
  const where = say ? `Close ${fmt(last)} vs the ${period}-bar mean ${fmt(sma)} (σ ${fmt(sd)})` : "";
  if (!(sd > 0)) return hold(asset, say ? `${where}: the closes do not move, nothing to revert.` : "", inputs);
  const at = say ? `${where} is ${fmtZ(z)}` : "";

  if (position?.side === "long") {
    return z >= -exitZ
      ? close(asset, say ? `${at}, back within ${exitZ}σ of the mean or past it: taking the long off.` : "", inputs, 0.7)
      : hold(asset, say ? `${at}, still below −${exitZ}σ: holding the long until it reverts.` : "", inputs, 0.6);
  }
  if (position?.side === "short") {
    return z <= exitZ
      ? close(asset, say ? `${at}, back within ${exitZ}σ of the mean or past it: taking the short off.` : "", inputs, 0.7)
      : hold(asset, say ? `${at}, still above +${exitZ}σ: holding the short until it reverts.` : "", inputs, 0.6);
  }
  if (Math.abs(z) < entryZ) return hold(asset, say ? `${at}, inside ±${entryZ}σ: not stretched enough to fade.` : "", inputs);
  const side = z < 0 ? "long" : "short";
  const price = input.lastPrice ?? last;
  return entry(
    {
      asset,
      side,
      price,
      risk: input.risk,
      why: say ? `${at}, beyond ${side === "long" ? "−" : "+"}${entryZ}σ: betting on a return to the mean` : "",
      confidence: Math.min(0.9, 0.55 + 0.1 * (Math.abs(z) - entryZ)),
      invalidation: `the close keeps stretching ${side === "long" ? "below" : "above"} the mean until the stop`,
      explain: say,
    },
    inputs,
  );
}
