/**
 * The scripted model provider, for tests: it answers each decision with the
 * next entry of a script instead of asking a model. An entry is either a raw
 * action (returned as the model's answer, so malformed and hostile actions go
 * through the same parsing and gates as a real model's) or a whole
 * ModelOutcome (to play a timeout, a refusal, a missing key...).
 *
 * - A list is played in order, one entry per decision; past its end every
 *   decision is an "unavailable" outcome. An `undefined` inside the list is a
 *   raw answer like any other (an empty answer), not the end.
 * - A function gets the request and the 0-based call index; returning
 *   undefined ends the script, and a throw becomes an "unavailable" outcome:
 *   like every provider, this one never throws.
 */
import type { DecisionRequest, ModelOutcome, ModelProvider } from "./types";

export type Script = readonly unknown[] | ((request: DecisionRequest, index: number) => unknown);

export const SCRIPT_EXHAUSTED_REASON = "the script has no more actions";

export interface ScriptedProvider extends ModelProvider {
  /** every request received, in order, for assertions */
  readonly requests: readonly DecisionRequest[];
}

const OUTCOME_KINDS = new Set(["no_api_key", "refused", "no_tool_call", "http_error", "timeout", "malformed_response", "unavailable"]);

/** A whole outcome has the bookkeeping fields no action carries. */
export function isModelOutcome(value: unknown): value is ModelOutcome {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  const bookkeeping = typeof v.latencyMs === "number" && typeof v.attempts === "number" && typeof v.costMicroUsd === "number" && "usage" in v && "rawResponse" in v;
  if (!bookkeeping) return false;
  if (v.ok === true) return "rawAction" in v;
  return v.ok === false && typeof v.reason === "string" && typeof v.kind === "string" && OUTCOME_KINDS.has(v.kind);
}

const unavailable = (reason: string, rawResponse: unknown = null): ModelOutcome => ({
  ok: false,
  kind: "unavailable",
  reason,
  rawResponse,
  usage: null,
  costMicroUsd: 0,
  latencyMs: 0,
  attempts: 0,
});

const END = Symbol("end of script");

export function createScriptedProvider(script: Script): ScriptedProvider {
  const requests: DecisionRequest[] = [];

  async function next(request: DecisionRequest, index: number): Promise<unknown> {
    if (typeof script === "function") {
      const entry: unknown = await script(request, index);
      return entry === undefined ? END : entry;
    }
    return index < script.length ? script[index] : END;
  }

  async function decide(request: DecisionRequest): Promise<ModelOutcome> {
    const index = requests.length;
    requests.push(request);
    let entry: unknown;
    try {
      entry = await next(request, index);
    } catch (err) {
      return unavailable(`the script failed at decision ${index + 1}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (entry === END) return unavailable(SCRIPT_EXHAUSTED_REASON);
    if (isModelOutcome(entry)) return entry;
    return { ok: true, rawAction: entry, rawResponse: entry, usage: null, costMicroUsd: 0, latencyMs: 0, attempts: 1 };
  }

  return { name: "scripted", decide, requests };
}
