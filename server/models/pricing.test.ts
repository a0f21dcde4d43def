import { describe, expect, it } from "vitest";
import { ANTHROPIC_LIST_PRICES, costOf, priceFor } from "./pricing";
import type { ModelUsage } from "./types";

const usage = (inputTokens: number, outputTokens: number, cacheCreationInputTokens = 0, cacheReadInputTokens = 0): ModelUsage => ({
  inputTokens,
  outputTokens,
  cacheCreationInputTokens,
  cacheReadInputTokens,
});

describe("costOf", () => {
  // Expected micro-dollars worked out by hand: tokens × USD per MTok = µUSD.
  it.each([
    // 628×3 + 56×15 = 1,884 + 840
    ["sonnet 4.6, no cache", "claude-sonnet-4-6", usage(628, 56), 2_724],
    // 628×3 + 56×15 + 1,200×3.75 + 3,000×0.30 = 1,884 + 840 + 4,500 + 900
    ["sonnet 4.6 with cache write and read", "claude-sonnet-4-6", usage(628, 56, 1_200, 3_000), 8_124],
    // dated id prices as its alias: 1,000×1 + 500×5 = 1,000 + 2,500
    ["haiku 4.5 by dated id", "claude-haiku-4-5-20251001", usage(1_000, 500), 3_500],
    // 10,000×5 + 2,000×25 + 4,000×6.25 + 100,000×0.50 = 50,000 + 50,000 + 25,000 + 50,000
    ["opus 4.5, every component", "claude-opus-4-5", usage(10_000, 2_000, 4_000, 100_000), 175_000],
    // 1,000×2 + 1,000×10 + 1,000×2.50 + 1,000×0.20 = 2,000 + 10,000 + 2,500 + 200
    ["sonnet 5", "claude-sonnet-5", usage(1_000, 1_000, 1_000, 1_000), 14_700],
    // a billion input tokens at $5: 5,000,000,000 µUSD ($5,000) exactly
    ["large counts stay exact", "claude-opus-5", usage(1_000_000_000, 0), 5_000_000_000],
    ["nothing used", "claude-haiku-4-5", usage(0, 0), 0],
  ])("%s", (_name, model, u, expected) => {
    expect(costOf(model, u)).toEqual({ microUsd: expected, note: null });
  });

  // Haiku 4.5 cache read is 0.1 µUSD per token, cache write 1.25: sub-micro-dollar sums.
  it.each([
    ["4 cache reads = 0.4 µUSD rounds down", usage(0, 0, 0, 4), 0],
    ["5 cache reads = 0.5 µUSD rounds half up", usage(0, 0, 0, 5), 1],
    ["7 cache reads = 0.7 µUSD rounds up", usage(0, 0, 0, 7), 1],
    // 1.25 + 0.3 = 1.55 -> 2; rounding each part first would give 1 + 0 = 1
    ["rounded once, after the sum", usage(0, 0, 1, 3), 2],
    // 3 + 1.25×3 + 0.1×9 = 3 + 3.75 + 0.9 = 7.65 -> 8
    ["mixed", usage(3, 0, 3, 9), 8],
  ])("%s", (_name, u, expected) => {
    expect(costOf("claude-haiku-4-5", u).microUsd).toBe(expected);
  });

  it.each(["claude-opus-5-5", "claude-sonnet-5-5", "gpt-4o", ""])("an unpriced model %j costs 0 and is named", (model) => {
    expect(costOf(model, usage(1_000, 1_000))).toEqual({ microUsd: 0, note: `no list price for model "${model}": cost recorded as 0` });
  });

  it("counts garbage token counts as none rather than throwing", () => {
    expect(costOf("claude-sonnet-4-6", usage(-5, 1.5, Number.NaN, 10))).toEqual({ microUsd: 3, note: null });
  });

  it("uses a table given in place of the list prices", () => {
    const table = { "my-model": { inputMicroUsdPerMTok: 7, outputMicroUsdPerMTok: 0, cacheWriteMicroUsdPerMTok: 0, cacheReadMicroUsdPerMTok: 0 } };
    // 1,000,000 tokens × 7 µUSD per MTok = 7 µUSD
    expect(costOf("my-model", usage(1_000_000, 0), table).microUsd).toBe(7);
    expect(costOf("claude-sonnet-4-6", usage(1, 0), table).microUsd).toBe(0);
  });
});

describe("priceFor", () => {
  it("never lets an alias price a longer model id", () => {
    expect(priceFor("claude-sonnet-5")).toBe(ANTHROPIC_LIST_PRICES["claude-sonnet-5"]);
    expect(priceFor("claude-sonnet-5-5")).toBeNull();
    expect(priceFor("claude-sonnet-5-20260101")).toBe(ANTHROPIC_LIST_PRICES["claude-sonnet-5"]);
    expect(priceFor("toString")).toBeNull();
  });

  it("lists cache write at 1.25× and cache read at 0.1× input for every model, in whole micro-dollars", () => {
    for (const p of Object.values(ANTHROPIC_LIST_PRICES)) {
      expect(p.cacheWriteMicroUsdPerMTok * 4).toBe(p.inputMicroUsdPerMTok * 5);
      expect(p.cacheReadMicroUsdPerMTok * 10).toBe(p.inputMicroUsdPerMTok);
      for (const v of Object.values(p)) expect(Number.isSafeInteger(v)).toBe(true);
    }
  });
});
