/**
 * Funding carry: take the side the crowd pays.
 *
 * Reads the latest hourly funding rate f (a fraction: 0.0001 = 0.01% an hour)
 * of the funding stream; positive funding means longs pay shorts.
 * - No position: f > threshold -> short (collect from the longs); f < −threshold
 *   -> long (collect from the shorts); otherwise hold.
 * - Short: closed once f < threshold / 2: the carry has faded to under half the
 *   entry bar, or turned and shorts now pay. Held otherwise.
 * - Long: the mirror, closed once f > −threshold / 2.
 * The half-threshold gap keeps a rate hovering at the threshold from opening
 * and closing every hour. Entries are planned from the asset's latest price
 * (candles), since funding carries none.
 */
import type { StrategyParams } from "@/lib/domain/graph/trading-prompt";
import { close, entry, finite, hold, NO_INPUTS, noData, pickStream, streamProblem } from "./common";
import type { StrategyDecision, StrategyInput } from "./types";

export type FundingCarryParams = StrategyParams<"funding-carry">;

const HOURS_PER_YEAR = 24 * 365;

/** 0.00012 -> "+0.0120%/h (≈ +105.1% a year)" */
const fmtRate = (f: number) => `${f >= 0 ? "+" : "−"}${Math.abs(f * 100).toFixed(4)}%/h (≈ ${f >= 0 ? "+" : "−"}${Math.abs(f * HOURS_PER_YEAR * 100).toFixed(1)}% a year)`;
const fmtBand = (t: number) => `${(t * 100).toFixed(4)}%/h`;

export function decideFundingCarry(input: StrategyInput<FundingCarryParams>): StrategyDecision {
  const { asset, position } = input;
  const { threshold } = input.params;
  const stream = pickStream(input.streams, "funding");
  const problem = streamProblem(stream, "funding", asset);
  if (problem !== null || !stream) return noData(asset, problem ?? "no funding");
  const latest = stream.points.findLast((p) => finite(p.funding));
  const base = { stream: stream.blockId, threshold, points: stream.points.length };
  if (!latest || !finite(latest.funding)) return noData(asset, "the funding stream has no rate yet", base);
  const f = latest.funding;
  // without words (StrategyInput.explain false) the same decision, its reasoning empty and no inputs
  const say = input.explain !== false;
  // base's keys written out, not spread: see SPREAD_NOTE in common.ts
  const inputs = say ? { stream: base.stream, threshold: base.threshold, points: base.points, funding: f, fundingTime: finite(latest.time) ? latest.time : null, price: input.lastPrice, position: position?.side ?? null } : NO_INPUTS;
  const rate = say ? `Hourly funding is ${fmtRate(f)}` : "";
  const strength = Math.min(0.9, 0.55 + 0.1 * (Math.abs(f) / threshold - 1));

  if (position?.side === "short") {
    return f < threshold / 2
      ? close(asset, say ? `${rate}, under half the ${fmtBand(threshold)} entry threshold: the short no longer earns its carry, closing it.` : "", inputs, 0.7)
      : hold(asset, say ? `${rate}: longs still pay the short, holding it.` : "", inputs, 0.6);
  }
  if (position?.side === "long") {
    return f > -threshold / 2
      ? close(asset, say ? `${rate}, above minus half the ${fmtBand(threshold)} entry threshold: the long no longer earns its carry, closing it.` : "", inputs, 0.7)
      : hold(asset, say ? `${rate}: shorts still pay the long, holding it.` : "", inputs, 0.6);
  }
  if (Math.abs(f) <= threshold) return hold(asset, say ? `${rate}, inside the ±${fmtBand(threshold)} band: no carry worth the risk.` : "", inputs);
  const price = input.lastPrice;
  if (price === null || !(price > 0)) return noData(asset, "there is no price to plan the entry from", inputs);
  const side = f > 0 ? "short" : "long";
  return entry(
    {
      asset,
      side,
      price,
      risk: input.risk,
      why: say ? `${rate}, beyond the ${fmtBand(threshold)} threshold: ${side === "short" ? "longs pay shorts" : "shorts pay longs"}, so collecting it ${side}` : "",
      confidence: strength,
      invalidation: `funding ${side === "short" ? "falls below" : "rises above"} ${side === "short" ? "" : "−"}${fmtBand(threshold / 2)}`,
      explain: say,
    },
    inputs,
  );
}
