/**
 * A decision run as the history shows it: the stored columns plus what the parsed
 * action says (the action, its size and leverage, the model's reasoning). The
 * reasoning is the model's text and stays text: nothing renders it as markup.
 */
import type { Action } from "@/lib/domain/actions/action";

export interface DecisionSummaryRow {
  id: string;
  accountId: string;
  mode: string;
  asset: string;
  decisionTimeMs: number;
  status: string;
  reason: string | null;
  parsedAction: string | null;
  provider: string;
  model: string;
  cloneVersion: number;
  latencyMs: number;
  inputTokens: number;
  outputTokens: number;
  costMicroUsd: number;
}

function parseAction(text: string | null): Partial<Action> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Partial<Action>) : null;
  } catch {
    return null;
  }
}

export function toDecisionRow({ parsedAction, ...r }: DecisionSummaryRow) {
  const action = parseAction(parsedAction);
  return {
    ...r,
    action: typeof action?.action === "string" ? action.action : null,
    sizePct: typeof action?.sizePct === "number" ? action.sizePct : null,
    leverage: typeof action?.leverage === "number" ? action.leverage : null,
    confidence: typeof action?.confidence === "number" ? action.confidence : null,
    stopLoss: typeof action?.stopLoss === "number" ? action.stopLoss : null,
    takeProfit: typeof action?.takeProfit === "number" ? action.takeProfit : null,
    reasoning: typeof action?.reasoning === "string" ? action.reasoning : null,
  };
}

export type DecisionRow = ReturnType<typeof toDecisionRow>;
