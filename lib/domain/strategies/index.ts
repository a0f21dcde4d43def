/**
 * The rules strategies behind one call: the rules provider (and anything else
 * that wants a template's deterministic decision) dispatches here.
 *
 * A signal for an action the clone does not allow becomes a hold that says so:
 * a long-only clone should record "short signal, not allowed", not a gate
 * rejection on every down-trend decision.
 */
import type { StrategyParams } from "@/lib/domain/graph/trading-prompt";
import type { Strategy, StreamDataset } from "@/lib/domain/graph/vocabulary";
import { hold, NO_INPUTS, withInputs } from "./common";
import { decideFundingCarry } from "./funding-carry";
import { decideMeanReversion } from "./mean-reversion";
import { decideMomentum } from "./momentum";
import type { StrategyDecision, StrategyInput } from "./types";
import { decideVolumeSpike } from "./volume-spike";

export type * from "./types";
export { DEFAULT_LEVERAGE, pickStream } from "./common";
export { decideFundingCarry } from "./funding-carry";
export { decideMeanReversion } from "./mean-reversion";
export { decideMomentum, MOMENTUM_DEAD_BAND } from "./momentum";
export { decideVolumeSpike } from "./volume-spike";

export const DISCRETIONARY_REASON = "discretionary needs the anthropic provider";

/** The dataset each strategy computes from (the graph validates the same choice). */
export const STRATEGY_DATASET: Readonly<Record<Strategy, StreamDataset | null>> = {
  momentum: "candles",
  "mean-reversion": "candles",
  "volume-spike": "candles",
  "funding-carry": "funding",
  discretionary: null,
};

function dispatch<S extends Strategy>(strategy: S, input: StrategyInput<StrategyParams<S>>): StrategyDecision {
  // The casts only restate what S already says: TypeScript does not narrow a
  // generic parameter through a switch on a value of that type.
  switch (strategy) {
    case "momentum":
      return decideMomentum(input as StrategyInput<StrategyParams<"momentum">>);
    case "mean-reversion":
      return decideMeanReversion(input as StrategyInput<StrategyParams<"mean-reversion">>);
    case "volume-spike":
      return decideVolumeSpike(input as StrategyInput<StrategyParams<"volume-spike">>);
    case "funding-carry":
      return decideFundingCarry(input as StrategyInput<StrategyParams<"funding-carry">>);
    default:
      return hold(input.asset, `Holding: ${DISCRETIONARY_REASON}.`, { strategy, problem: DISCRETIONARY_REASON }, 0);
  }
}

export function decideByStrategy<S extends Strategy>(strategy: S, input: StrategyInput<StrategyParams<S>>): StrategyDecision {
  const decision = dispatch(strategy, input);
  const allowed = input.allowedActions;
  const kind = decision.action.action;
  if (kind === "hold" || allowed === undefined || allowed.includes(kind)) return decision;
  if (input.explain === false) return hold(input.asset, "", NO_INPUTS, 0.5);
  const reason = `${kind} is not among this clone's allowed actions (${allowed.join(", ")})`;
  return hold(
    input.asset,
    `Holding: the ${strategy} rule says ${kind}, but ${reason}. The signal: ${decision.action.reasoning}`,
    withInputs(decision.inputs, { blockedAction: kind }),
    0.5,
  );
}
