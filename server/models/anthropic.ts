/**
 * The anthropic model provider: one Messages API call per decision, the action
 * forced through the strict `submit_action` tool, the stable prefix cached.
 *
 * Decisions worth knowing:
 * - No `temperature` is sent. The SDK (1.x) speaks API version 2026-10-21, which
 *   removed temperature/top_p/top_k (a 400 even at 1.0) and dropped them from the
 *   SDK's types; DecisionRequest.temperature is ignored here.
 * - Without an API key nothing is sent: the outcome is an explained no-trade.
 * - Retries are the SDK's (408, 409, 429, 5xx, connection errors; honouring
 *   retry-after / retry-after-ms). A per-request middleware counts the HTTP
 *   attempts, so one client serves concurrent decisions. `request.timeoutMs`
 *   bounds each attempt; a deadline over the whole call bounds the retries and
 *   their waits, because the SDK would otherwise honour any retry-after the
 *   server sends (an hour, if asked).
 * - Each answer becomes an outcome in ./anthropic-outcome.ts; nothing throws.
 */
import Anthropic, { type Middleware } from "@anthropic-ai/sdk";
import type { MessageCreateParamsNonStreaming, Tool, ToolChoice } from "@anthropic-ai/sdk/resources/messages";
import { actionToolInputSchema } from "@/lib/domain/actions/action-schema";
import { outcomeFromError, outcomeFromMessage, SUBMIT_ACTION_TOOL, type CallFacts } from "./anthropic-outcome";
import { ANTHROPIC_LIST_PRICES, type PricingTable } from "./pricing";
import type { DecisionRequest, ModelOutcome, ModelProvider } from "./types";

export { SUBMIT_ACTION_TOOL } from "./anthropic-outcome";

export const NO_API_KEY_REASON = "No ANTHROPIC_API_KEY is configured: this clone records an explained no-trade";

export interface AnthropicProviderOptions {
  /** undefined or empty: every decision is a no_api_key outcome and no request is made */
  apiKey?: string;
  /** default: ANTHROPIC_BASE_URL (read by the SDK), else https://api.anthropic.com */
  baseURL?: string;
  /** retries after the first attempt; default 2 */
  maxRetries?: number;
  fetch?: typeof globalThis.fetch;
  pricing?: PricingTable;
  /** milliseconds; default Date.now */
  now?: () => number;
  /** default 4096: the reasoning field alone may take ~1,000 tokens, and thinking models count thinking too */
  maxTokens?: number;
  /** the longest wait between attempts the deadline allows for; default 60,000 ms */
  maxRetryWaitMs?: number;
}

const DEFAULTS = { maxRetries: 2, maxTokens: 4096, maxRetryWaitMs: 60_000 } as const;
// Lets the per-attempt timeout fire, and report itself, before the overall deadline.
const DEADLINE_GRACE_MS = 1_000;

export const submitActionTool: Tool = {
  name: SUBMIT_ACTION_TOOL,
  description:
    "Submit the one action for this decision: open_long, open_short, close or hold on one asset, with size, leverage, " +
    "an optional exit plan, your confidence and your reasoning. Call it exactly once; hold when unsure.",
  input_schema: actionToolInputSchema,
  strict: true,
};

// These models reject a forced tool_choice (400); they are asked with "auto" and
// an answer without the tool call is then the usual no_tool_call outcome.
const NO_FORCED_TOOL_USE = /^claude-(opus-5-5|fable-5-1)(-\d{8})?$/;

export function toolChoiceFor(model: string): ToolChoice {
  return NO_FORCED_TOOL_USE.test(model)
    ? { type: "auto", disable_parallel_tool_use: true }
    : { type: "tool", name: SUBMIT_ACTION_TOOL, disable_parallel_tool_use: true };
}

export function buildMessageParams(request: DecisionRequest, maxTokens: number): MessageCreateParamsNonStreaming {
  const assets = request.assets.length > 0 ? `\n\nAllowed assets for this decision: ${request.assets.join(", ")}.` : "";
  return {
    model: request.model,
    max_tokens: maxTokens,
    // The breakpoint on the last system block caches tools + system: the prefix
    // that is identical from one decision to the next. Anything that varies per
    // decision (the context, the asset list) stays after it, in the user turn.
    ...(request.system.trim()
      ? { system: [{ type: "text" as const, text: request.system, cache_control: { type: "ephemeral" as const } }] }
      : {}),
    messages: [{ role: "user", content: `${request.context}${assets}` }],
    tools: [submitActionTool],
    tool_choice: toolChoiceFor(request.model),
  };
}

export function createAnthropicProvider(options: AnthropicProviderOptions = {}): ModelProvider {
  const maxRetries = options.maxRetries ?? DEFAULTS.maxRetries;
  const maxTokens = options.maxTokens ?? DEFAULTS.maxTokens;
  const maxRetryWaitMs = options.maxRetryWaitMs ?? DEFAULTS.maxRetryWaitMs;
  const pricing = options.pricing ?? ANTHROPIC_LIST_PRICES;
  const now = options.now ?? Date.now;
  const apiKey = options.apiKey?.trim() ?? "";
  // Passing the key explicitly also keeps the SDK from looking for other
  // credentials (environment, profiles on disk).
  const client = apiKey
    ? new Anthropic({ apiKey, baseURL: options.baseURL, maxRetries, fetch: options.fetch })
    : null;

  async function decide(request: DecisionRequest): Promise<ModelOutcome> {
    const started = now();
    const elapsed = () => Math.max(0, Math.round(now() - started));
    if (!client) {
      return { ok: false, kind: "no_api_key", reason: NO_API_KEY_REASON, rawResponse: null, usage: null, costMicroUsd: 0, latencyMs: elapsed(), attempts: 0 };
    }
    const wire = { attempts: 0, lastStatus: null as number | null, lastRetryAfter: null as string | null };
    const countAttempts: Middleware = async (req, next) => {
      wire.attempts += 1;
      const res = await next(req);
      wire.lastStatus = res.status;
      wire.lastRetryAfter = res.headers.get("retry-after");
      return res;
    };
    const budgetMs = request.timeoutMs * (maxRetries + 1) + maxRetryWaitMs * maxRetries + DEADLINE_GRACE_MS;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), budgetMs);
    const facts = (): CallFacts => ({
      model: request.model,
      maxTokens,
      timeoutMs: request.timeoutMs,
      budgetMs,
      pricing,
      latencyMs: elapsed(),
      ...wire,
    });
    try {
      const message: unknown = await client.messages.create(buildMessageParams(request, maxTokens), {
        timeout: request.timeoutMs,
        signal: deadline.signal,
        middleware: [countAttempts],
      });
      return outcomeFromMessage(message, facts());
    } catch (err) {
      return outcomeFromError(err, facts());
    } finally {
      clearTimeout(timer);
    }
  }

  return { name: "anthropic", decide };
}
