/**
 * How one Messages API answer, or one failure, becomes a ModelOutcome. Nothing
 * here throws: a body of any shape, or an error of any kind, ends as an outcome
 * with a reason a person can read in the decision history.
 *
 * Validation stops at "this is the submit_action tool call": its input is handed
 * on exactly as sent, because parseAction and the safety gates are the one place
 * that judges an action (wrong types, absurd sizes, unknown assets).
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "@anthropic-ai/sdk";
import { capText } from "@/lib/domain/actions/action-text";
import { costOf, type PricingTable } from "./pricing";
import type { ModelOutcome, ModelUsage } from "./types";

export const SUBMIT_ACTION_TOOL = "submit_action";

type Failure = Extract<ModelOutcome, { ok: false }>;
type Kind = Failure["kind"];

export interface CallFacts {
  model: string;
  maxTokens: number;
  timeoutMs: number;
  budgetMs: number;
  pricing: PricingTable;
  latencyMs: number;
  /** HTTP requests actually sent, retries included */
  attempts: number;
  /** status and retry-after of the last HTTP response, if any came back */
  lastStatus: number | null;
  lastRetryAfter: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
// Model and API text is shown in the decision history: sanitised and bounded.
const quote = (text: string) => JSON.stringify(capText(text, 300).text);
const tries = (n: number) => `${n} attempt${n === 1 ? "" : "s"}`;

function count(v: unknown): number | null {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? v : null;
}

export function readUsage(raw: unknown): ModelUsage | null {
  if (!isRecord(raw)) return null;
  const inputTokens = count(raw.input_tokens);
  const outputTokens = count(raw.output_tokens);
  if (inputTokens === null || outputTokens === null) return null;
  return {
    inputTokens,
    outputTokens,
    // null on the wire means "no caching happened", not "unknown"
    cacheCreationInputTokens: count(raw.cache_creation_input_tokens) ?? 0,
    cacheReadInputTokens: count(raw.cache_read_input_tokens) ?? 0,
  };
}

export function outcomeFromMessage(raw: unknown, facts: CallFacts): ModelOutcome {
  const { latencyMs, attempts } = facts;
  if (!isRecord(raw) || !Array.isArray(raw.content)) {
    const got = raw === undefined || raw === "" ? "an empty body" : typeof raw === "string" ? `text ${quote(raw)}` : "JSON that is not a Message";
    return fail("malformed_response", `The Anthropic API answered 200 with ${got}`, raw ?? null, null, 0, facts);
  }
  const usage = readUsage(raw.usage);
  const cost = usage ? costOf(facts.model, usage, facts.pricing).microUsd : 0;
  const blocks = raw.content.filter(isRecord);
  const stop = typeof raw.stop_reason === "string" ? raw.stop_reason : "unknown";
  const failWith = (kind: Kind, reason: string) => fail(kind, reason, raw, usage, cost, facts);

  if (stop === "refusal") {
    const details = isRecord(raw.stop_details) ? raw.stop_details : {};
    const category = typeof details.category === "string" ? ` (category ${details.category})` : "";
    const why = typeof details.explanation === "string" ? `: ${quote(details.explanation)}` : "";
    return failWith("refused", `The model refused to decide${category}${why}`);
  }
  if (stop === "max_tokens") {
    return failWith("malformed_response", `The answer was cut off at max_tokens (${facts.maxTokens}) before the action was complete`);
  }
  if (stop === "model_context_window_exceeded") {
    return failWith("malformed_response", "The prompt filled the model's context window before the action was complete");
  }
  const call = blocks.find((b) => b.type === "tool_use" && b.name === SUBMIT_ACTION_TOOL);
  if (call) return { ok: true, rawAction: call.input, rawResponse: raw, usage, costMicroUsd: cost, latencyMs, attempts };

  const otherTool = blocks.find((b) => b.type === "tool_use");
  if (otherTool) return failWith("no_tool_call", `The model called ${quote(String(otherTool.name))} instead of ${SUBMIT_ACTION_TOOL}`);
  const text = blocks
    .filter((b) => b.type === "text" && typeof b.text === "string")
    .map((b) => b.text as string)
    .join("\n")
    .trim();
  return failWith(
    "no_tool_call",
    text ? `The model answered in text instead of calling ${SUBMIT_ACTION_TOOL}: ${quote(text)}` : `The model did not call ${SUBMIT_ACTION_TOOL} (stop_reason ${quote(stop)})`,
  );
}

function fail(kind: Kind, reason: string, rawResponse: unknown, usage: ModelUsage | null, costMicroUsd: number, facts: CallFacts): Failure {
  return { ok: false, kind, reason, rawResponse, usage, costMicroUsd, latencyMs: facts.latencyMs, attempts: facts.attempts };
}

function rateLimited(facts: CallFacts, detail: string): string {
  return `Anthropic rate limited this request (429) after ${tries(facts.attempts)}${detail}`;
}

export function outcomeFromError(err: unknown, facts: CallFacts): Failure {
  const failWith = (kind: Kind, reason: string, raw: unknown = null) => fail(kind, reason, raw, null, 0, facts);

  // Our own deadline: the API may ask us (retry-after) to wait past the decision's budget.
  if (err instanceof APIUserAbortError) {
    const after = facts.lastRetryAfter;
    const wait = !after ? "" : /^\d+(\.\d+)?$/.test(after) ? ` and asked to wait ${after} s more` : ` and asked to wait until ${quote(after)}`;
    if (facts.lastStatus === 429) return failWith("unavailable", rateLimited(facts, `${wait}, past this decision's budget of ${facts.budgetMs} ms`));
    if (facts.lastStatus === 529 || facts.lastStatus === 503) {
      return failWith("unavailable", `Anthropic is overloaded (${facts.lastStatus})${wait}, past this decision's budget of ${facts.budgetMs} ms`);
    }
    return failWith("timeout", `No answer within this decision's budget of ${facts.budgetMs} ms (${tries(facts.attempts)})`);
  }
  if (err instanceof APIConnectionTimeoutError) {
    return failWith("timeout", `No answer from the Anthropic API within ${facts.timeoutMs} ms (${tries(facts.attempts)})`);
  }
  if (err instanceof APIConnectionError) {
    const cause = err.cause instanceof Error ? err.cause.message : err.message;
    return failWith("unavailable", `Could not reach the Anthropic API after ${tries(facts.attempts)}: ${quote(cause)}`);
  }
  if (err instanceof APIError && typeof err.status === "number") {
    const { status } = err;
    const raw = { status, body: err.error ?? null, requestId: err.requestID ?? null };
    const type = err.type ? ` ${err.type}` : "";
    const message = `: ${quote(err.apiMessage ?? err.message)}`;
    if (status === 429) return failWith("unavailable", rateLimited(facts, message), raw);
    // 503 means what 529 means: nothing wrong with the request, come back later.
    if (status === 529 || status === 503) {
      return failWith("unavailable", `Anthropic is overloaded (${status}${type}) after ${tries(facts.attempts)}${message}`, raw);
    }
    const after = status >= 500 ? ` after ${tries(facts.attempts)}` : "";
    return failWith("http_error", `The Anthropic API answered HTTP ${status}${type}${after}${message}`, raw);
  }
  // A 200 whose body claims JSON but is not: the SDK's JSON.parse throws.
  if (err instanceof SyntaxError) return failWith("malformed_response", `The Anthropic API answered 200 with a body that is not JSON: ${quote(err.message)}`);
  const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return failWith("unavailable", `The Anthropic call failed unexpectedly: ${quote(what)}`);
}
