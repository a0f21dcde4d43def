import { describe, expect, it } from "vitest";
import { defaultBlock, defaultIndicator, DEFAULT_PARAMS, withDataset, withSource, withStrategy } from "./defaults";
import { dataStreamBlockSchema } from "./data-stream";
import { indicatorSchema, INDICATOR_KINDS } from "./indicators";
import { draft, promptOf, streamOf } from "./test-fixtures";
import { tradingPromptBlockSchema } from "./trading-prompt";
import { STRATEGIES } from "./vocabulary";
import { blockSchema } from "./blocks";

describe("defaults", () => {
  it.each(INDICATOR_KINDS)("the default %s indicator is valid", (kind) => {
    expect(indicatorSchema.safeParse(defaultIndicator(kind)).success).toBe(true);
  });

  it.each(STRATEGIES)("switching to %s gives that strategy's default params, everything else kept", (strategy) => {
    const before = promptOf(draft());
    const after = withStrategy(before, strategy);
    expect(after.params).toEqual(DEFAULT_PARAMS[strategy]);
    expect(after.risk).toEqual(before.risk);
    expect(tradingPromptBlockSchema.safeParse(after).success).toBe(true);
  });

  it.each([
    ["data-stream", true],
    ["asset", true],
    // a fresh prompt names no asset yet: connecting one is the next edit
    ["trading-prompt", false],
    ["trading-clone", true],
  ] as const)("a default %s block is valid on its own: %s", (type, valid) => {
    expect(blockSchema.safeParse(defaultBlock(type, "x-1")).success).toBe(valid);
  });
});

describe("withSource and withDataset", () => {
  it.each([
    ["hyperliquid funding", "hyperliquid", "funding", { dataset: "funding", granularity: "1h", datapoints: ["funding", "premium"], retrievalDepth: 96, lookback: { amount: 4, unit: "days" } }],
    ["hyperliquid book", "hyperliquid", "book", { dataset: "book", granularity: "5m", retrievalDepth: 96 }],
    ["defillama", "defillama", undefined, { dataset: "macro", series: "tvl", granularity: "1d", retrievalDepth: 30, lookback: { amount: 30, unit: "days" }, indicators: [] }],
    ["polymarket", "polymarket", undefined, { dataset: "prediction-market", datapoints: ["price", "volume", "liquidity"], indicators: [] }],
  ] as const)("a candle stream switched to %s", (_name, source, dataset, expected) => {
    const bySource = withSource(streamOf(draft()), source);
    const stream = dataset === undefined ? bySource : withDataset(bySource, dataset);
    expect(stream).toMatchObject(expected);
    const issues = dataStreamBlockSchema.safeParse(stream).error?.issues.map((i) => i.path.join(".")) ?? [];
    // polymarket still needs the market slug, which only the creator can give
    expect(issues).toEqual(source === "polymarket" ? ["market"] : []);
  });

  it("drops fields of the old source", () => {
    const s = { ...streamOf(draft()), symbol: "ETH" };
    expect(withSource(s, "defillama")).not.toHaveProperty("symbol");
    expect(withSource(withSource(s, "defillama"), "hyperliquid")).not.toHaveProperty("series");
  });

  it("returns the same stream when nothing changes", () => {
    const s = streamOf(draft());
    expect(withSource(s, "hyperliquid")).toBe(s);
    expect(withDataset(s, "candles")).toBe(s);
  });
});
