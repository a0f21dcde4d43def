/**
 * What an Anthropic answer cost, in integer micro-dollars (1 USD = 1,000,000).
 *
 * Prices are kept in micro-dollars per million tokens, so a component's cost in
 * micro-dollars is tokens × price / 1,000,000: the four products are summed
 * exactly (bigint) and divided once, rounding half up. Rounding each component
 * on its own would lose up to 2 µUSD per decision, which adds up over a season
 * of decisions at cache-read prices below 1 µUSD per token.
 */
import type { ModelUsage } from "./types";

export interface ModelPrice {
  inputMicroUsdPerMTok: number;
  outputMicroUsdPerMTok: number;
  /** 5-minute cache write: the provider only ever asks for the default 5-minute TTL */
  cacheWriteMicroUsdPerMTok: number;
  cacheReadMicroUsdPerMTok: number;
}

export type PricingTable = Readonly<Record<string, ModelPrice>>;

function price(input: number, output: number, cacheWrite: number, cacheRead: number): ModelPrice {
  return {
    inputMicroUsdPerMTok: input,
    outputMicroUsdPerMTok: output,
    cacheWriteMicroUsdPerMTok: cacheWrite,
    cacheReadMicroUsdPerMTok: cacheRead,
  };
}

/**
 * List prices in micro-USD per million tokens, keyed by model alias (a dated id
 * such as claude-haiku-4-5-20251001 prices as its alias). LIST PRICES TO VERIFY
 * against https://platform.claude.com/docs/en/about-claude/pricing before
 * relying on them for money: they change, and several newer models (5.5, Fable,
 * Haiku 5.5's prompt-length bands) are left out on purpose rather than guessed.
 * Cache write is 1.25× input and cache read 0.1× input for every model listed.
 *
 *                                  input      output     cache write  cache read
 */
export const ANTHROPIC_LIST_PRICES: PricingTable = {
  "claude-haiku-4-5": price(1_000_000, 5_000_000, 1_250_000, 100_000),
  "claude-sonnet-4-5": price(3_000_000, 15_000_000, 3_750_000, 300_000),
  "claude-sonnet-4-6": price(3_000_000, 15_000_000, 3_750_000, 300_000),
  "claude-sonnet-5": price(2_000_000, 10_000_000, 2_500_000, 200_000),
  "claude-opus-4-5": price(5_000_000, 25_000_000, 6_250_000, 500_000),
  "claude-opus-4-6": price(5_000_000, 25_000_000, 6_250_000, 500_000),
  "claude-opus-4-7": price(5_000_000, 25_000_000, 6_250_000, 500_000),
  "claude-opus-4-8": price(5_000_000, 25_000_000, 6_250_000, 500_000),
  "claude-opus-5": price(5_000_000, 25_000_000, 6_250_000, 500_000),
};

const DATED_SUFFIX = /-\d{8}$/;

/** Exact alias match only: "claude-sonnet-5" must never price "claude-sonnet-5-5". */
export function priceFor(model: string, table: PricingTable = ANTHROPIC_LIST_PRICES): ModelPrice | null {
  const alias = model.replace(DATED_SUFFIX, "");
  return Object.hasOwn(table, model) ? table[model]! : Object.hasOwn(table, alias) ? table[alias]! : null;
}

export interface Cost {
  microUsd: number;
  /** set when the cost could not be priced and was recorded as 0 */
  note: string | null;
}

function tokens(n: number): bigint {
  // Usage comes from the wire; anything but a non-negative integer counts as none.
  return Number.isSafeInteger(n) && n > 0 ? BigInt(n) : 0n;
}

export function costOf(model: string, usage: ModelUsage, table: PricingTable = ANTHROPIC_LIST_PRICES): Cost {
  const p = priceFor(model, table);
  if (!p) return { microUsd: 0, note: `no list price for model "${model}": cost recorded as 0` };
  const sum =
    tokens(usage.inputTokens) * BigInt(p.inputMicroUsdPerMTok) +
    tokens(usage.outputTokens) * BigInt(p.outputMicroUsdPerMTok) +
    tokens(usage.cacheCreationInputTokens) * BigInt(p.cacheWriteMicroUsdPerMTok) +
    tokens(usage.cacheReadInputTokens) * BigInt(p.cacheReadMicroUsdPerMTok);
  return { microUsd: Number((sum + 500_000n) / 1_000_000n), note: null };
}
