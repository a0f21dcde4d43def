import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/domain/errors";
import { DEFAULT_EXECUTION_CONFIG, executionConfig } from "./config";
import { priceFill, quoteSlippage, sideDepthUsd } from "./fill";

// Defaults: taker fee 4.5 bps, base slippage 1 bp, impact 50 bps × notional ÷ depth, cap 100 bps.

describe("golden: a long BTC entry with fee and slippage", () => {
  it("buys 0.1 BTC at the next open 95,000 against 950,000 USD of asks", () => {
    const fill = priceFill({ side: "buy", sizeBase: 0.1, referencePrice: 95_000, depthUsd: 950_000, time: 1 });
    // notional at the reference = 0.1 × 95,000 = 9,500 USD
    // impact   = 50 bps × 9,500 / 950,000 = 50 × 0.01 = 0.5 bps
    // slippage = 1 + 0.5 = 1.5 bps
    // price    = 95,000 × (10,000 + 1.5) / 10,000 = 95,000 × 1.00015 = 95,014.25 (above the reference)
    // notional = 95,014.25 × 0.1 = 9,501.425 USD = 9,501,425,000 µ$
    // fee      = 9,501,425,000 × 4.5 / 10,000 = 4,275,641.25 -> 4,275,641 µ$
    expect(fill).toEqual({
      side: "buy",
      sizeBase: 0.1,
      price: 95_014.25,
      referencePrice: 95_000,
      touchPrice: 95_000,
      slippageBps: 1.5,
      impactBps: 0.5,
      depthSource: "book",
      notionalMicro: 9_501_425_000,
      feeMicro: 4_275_641,
      time: 1,
    });
  });
});

describe("priceFill", () => {
  it("a sell fills below the reference, starting from the best bid when it is lower", () => {
    const fill = priceFill({
      side: "sell", sizeBase: 2, referencePrice: 3_400, bestBid: 3_399.5, bestAsk: 3_400.5, depthUsd: 680_000, time: 1,
    });
    // touch    = min(3,400, bid 3,399.5) = 3,399.5
    // impact   = 50 × (2 × 3,400) / 680,000 = 50 × 0.01 = 0.5 bps -> slippage 1.5 bps
    // price    = 3,399.5 × 9,998.5 / 10,000 = 33,989,900.75 / 10,000 = 3,398.990075
    // notional = 3,398.990075 × 2 = 6,797.98015 USD = 6,797,980,150 µ$
    // fee      = 6,797,980,150 × 0.00045 = 3,059,091.0675 -> 3,059,091
    expect(fill.touchPrice).toBe(3_399.5);
    expect(fill.price).toBe(3_398.990075);
    expect(fill.notionalMicro).toBe(6_797_980_150);
    expect(fill.feeMicro).toBe(3_059_091);
  });

  it("a buy never fills below the best ask", () => {
    // reference 100 (a mid), ask 100.05: touch 100.05; no depth -> fallback 100,000 USD
    // impact = 50 × (10 × 100) / 100,000 = 0.5 bps -> 1.5 bps; price = 100.05 × 1.00015 = 100.0650075
    const fill = priceFill({ side: "buy", sizeBase: 10, referencePrice: 100, bestAsk: 100.05, time: 1 });
    expect(fill.price).toBe(100.0650075);
    expect(fill.depthSource).toBe("fallback");
  });

  it("falls back to a thin 100,000 USD book when depth is unknown", () => {
    // 2 × 3,500 = 7,000 USD; impact = 50 × 7,000 / 100,000 = 3.5 bps; total 4.5 bps
    // price = 3,500 × 10,004.5 / 10,000 = 3,501.575; notional = 7,003.15 USD
    // fee = 7,003,150,000 × 0.00045 = 3,151,417.5 -> 3,151,418 (half away from zero)
    const fill = priceFill({ side: "buy", sizeBase: 2, referencePrice: 3_500, time: 1 });
    expect([fill.slippageBps, fill.price, fill.notionalMicro, fill.feeMicro]).toEqual([4.5, 3_501.575, 7_003_150_000, 3_151_418]);
  });

  it.each([
    // notional USD   depth USD       slippage bps   why
    [10_000, 1_000_000, 1.5, "1 + 50 × 0.01"],
    [10_000, undefined, 6, "fallback: 1 + 50 × 0.1"],
    [500_000, 100_000, 100, "1 + 250 capped at 100"],
    [10_000, 0, 100, "an empty side is known illiquidity: the cap"],
    [10_000, Number.NaN, 6, "a NaN depth is unknown, not zero: fallback"],
    [0.01, 1_000_000, 1, "tiny order: base slippage only (impact 5e-7 rounds away)"],
  ])("quoteSlippage(%d, %s) = %d bps (%s)", (notional, depth, bps, _why) => {
    expect(quoteSlippage(notional, depth, DEFAULT_EXECUTION_CONFIG).slippageBps).toBe(bps);
  });

  it("uses the configured fee", () => {
    // 2.5 bps of 9,500,000,000 µ$ (0.1 @ 95,000, no slippage) = 2,375,000
    const config = executionConfig({ takerFeeBps: 2.5, baseSlippageBps: 0, impactBpsAtFullDepth: 0 });
    const fill = priceFill({ side: "sell", sizeBase: 0.1, referencePrice: 95_000, config, time: 1 });
    expect([fill.price, fill.feeMicro]).toEqual([95_000, 2_375_000]);
  });

  it("picks the side of the book the order takes", () => {
    const book = { bidDepthUsd: 1, askDepthUsd: 2 };
    expect([sideDepthUsd("buy", book), sideDepthUsd("sell", book), sideDepthUsd("buy", {})]).toEqual([2, 1, undefined]);
  });

  it("refuses impossible inputs and configs", () => {
    expect(() => priceFill({ side: "buy", sizeBase: 0, referencePrice: 1, time: 1 })).toThrow(DomainError);
    expect(() => priceFill({ side: "buy", sizeBase: 1, referencePrice: Number.NaN, time: 1 })).toThrow(DomainError);
    expect(() => priceFill({ side: "buy", sizeBase: 1, referencePrice: 1, time: Number.NaN })).toThrow(DomainError);
    expect(() => executionConfig({ takerFeeBps: -1 })).toThrow(DomainError);
    expect(() => executionConfig({ fallbackDepthUsd: 0 })).toThrow(DomainError);
  });
});
