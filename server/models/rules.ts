/**
 * The rules model provider: the template strategies (lib/domain/strategies)
 * computed from the context packet, with no model and no key. Deterministic:
 * the same request always yields the same action and the same recorded inputs.
 *
 * The answer is recorded like a model's: rawAction is the strategy's action
 * (still parsed and gated downstream), rawResponse the strategy and the numbers
 * it used. A packet without the asset, or a discretionary prompt, is a hold
 * that says why; a strategy that throws (a bug, not a market condition) is an
 * "unavailable" outcome, because providers never throw.
 */
import { rulesDecision } from "@/lib/domain/strategies/from-packet";
import type { DecisionRequest, ModelOutcome, ModelProvider } from "./types";

export interface RulesProviderOptions {
  /** milliseconds, for the latency; default performance.now */
  now?: () => number;
}

export function createRulesProvider(options: RulesProviderOptions = {}): ModelProvider {
  const now = options.now ?? (() => performance.now());

  async function decide(request: DecisionRequest): Promise<ModelOutcome> {
    const started = now();
    const latencyMs = () => Math.max(0, Math.round(now() - started));
    const strategy = request.tradingPrompt.strategy;
    try {
      const { action, inputs } = rulesDecision(request);
      return { ok: true, rawAction: action, rawResponse: { strategy, inputs }, usage: null, costMicroUsd: 0, latencyMs: latencyMs(), attempts: 1 };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return {
        ok: false,
        kind: "unavailable",
        reason: `the ${strategy} rule failed: ${message}`,
        rawResponse: { strategy, error: message },
        usage: null,
        costMicroUsd: 0,
        latencyMs: latencyMs(),
        attempts: 1,
      };
    }
  }

  return { name: "rules", decide };
}
