/**
 * A season's audition limits checked against a graph before the fee is taken,
 * so a creator learns which field to change instead of watching every trade be
 * rejected. The limits come from the season (admins change them); the defaults
 * are PRODUCT.md §6.
 */
import { tradingPrompt } from "./queries";
import type { CloneGraph } from "./schema";
import type { GraphError } from "./validate";

export interface AuditionGraphLimits {
  maxLeverage: number;
  /** the audition fails at once past this daily loss, % of the day's starting equity */
  maxDailyLossPct: number;
}

export const DEFAULT_AUDITION_GRAPH_LIMITS: AuditionGraphLimits = { maxLeverage: 5, maxDailyLossPct: 5 };

export function auditionLimitErrors(graph: CloneGraph, limits: AuditionGraphLimits = DEFAULT_AUDITION_GRAPH_LIMITS): GraphError[] {
  const prompt = tradingPrompt(graph);
  const index = graph.blocks.indexOf(prompt);
  const at = (field: string, message: string): GraphError => ({
    blockId: prompt.id,
    blockType: prompt.type,
    field,
    path: `blocks.${index}.${field}`,
    message,
  });
  const errors: GraphError[] = [];
  if (prompt.risk.maxLeverage > limits.maxLeverage) {
    errors.push(at("risk.maxLeverage", `Max leverage must be at most ${limits.maxLeverage} for the audition`));
  }
  if (prompt.risk.maxDailyLossPct > limits.maxDailyLossPct) {
    errors.push(at("risk.maxDailyLossPct", `Max daily loss must be at most ${limits.maxDailyLossPct}% for the audition, which fails past that`));
  }
  return errors;
}
