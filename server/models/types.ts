/**
 * The one interface every model provider implements (anthropic, rules, scripted):
 * the decision pipeline hands it the assembled prompt and gets back the raw action
 * it proposed, or a reason it proposed none. Providers never throw for a bad or
 * missing answer: that is a recorded outcome, not an exception.
 */
import type { ContextPacket } from "@/lib/domain/decisions/context-packet";
import type { TradingPromptBlock } from "@/lib/domain/graph/schema";

export interface DecisionRequest {
  /** the clone's model id (anthropic) or strategy id (rules) */
  model: string;
  temperature: number;
  /**
   * The stable prefix (instructions, rules, the clone's own prompt): identical from
   * one decision to the next, so the anthropic provider caches it.
   */
  system: string;
  /** this decision's context packet, rendered for the model */
  context: string;
  /** what the tool may name as asset */
  assets: string[];
  /** the asset this decision is for (one decision per clone, asset and time slot) */
  asset: string;
  /** the structured packet the context text was rendered from (rules read it directly) */
  packet: ContextPacket;
  /** the clone's Trading Prompt Block: strategy, parameters, risk and allowed actions */
  tradingPrompt: TradingPromptBlock;
  /** the asset's open position, if any, as the pipeline sees it at T */
  position: { side: "long" | "short"; sizeBase: number; entryPrice: number } | null;
  /** abort after this long (the pipeline's budget) */
  timeoutMs: number;
}

export interface ModelUsage {
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
}

export type ModelOutcome =
  | {
      ok: true;
      /** the tool input exactly as the model sent it: parsed and gated later, never trusted */
      rawAction: unknown;
      rawResponse: unknown;
      usage: ModelUsage | null;
      costMicroUsd: number;
      latencyMs: number;
      attempts: number;
    }
  | {
      ok: false;
      /** a sentence for the decision history: why there is no action */
      reason: string;
      kind: "no_api_key" | "refused" | "no_tool_call" | "http_error" | "timeout" | "malformed_response" | "unavailable";
      rawResponse: unknown;
      usage: ModelUsage | null;
      costMicroUsd: number;
      latencyMs: number;
      attempts: number;
    };

export interface ModelProvider {
  readonly name: "anthropic" | "rules" | "scripted";
  decide(request: DecisionRequest): Promise<ModelOutcome>;
}
