import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/domain/errors";
import { DEFAULT_EXECUTION_CONFIG } from "./config";
import { DRY_RUN_SIGNATURE, hyperliquidOrderPayload, marketableLimitPrice } from "./dry-run";
import { allowedPriceDecimals, formatPerpPrice, formatSize } from "./hyperliquid-format";

// Perp price: ≤ 5 significant figures and ≤ (6 − szDecimals) decimals; integers always valid.
// allowed decimals = max(0, min(4 − magnitude, 6 − szDecimals)), magnitude = exponent of the leading digit.
// Buys round up, sells round down (toward marketable); trailing zeros are dropped.
describe("golden: Hyperliquid perp price strings", () => {
  it.each([
    // price        szDec  buy         sell        worked out
    [95_012.5, 5, "95013", "95012"], //         mag 4 -> min(0, 1) = 0 decimals: 6 sig figs is one too many
    [95_000, 5, "95000", "95000"], //           already valid
    [123_456.7, 5, "123457", "123456"], //      mag 5 -> 0 decimals; the integer keeps 6 sig figs (integers always valid)
    [3_401.234, 4, "3401.3", "3401.2"], //      mag 3 -> min(1, 2) = 1 decimal
    [3_401.2, 4, "3401.2", "3401.2"], //        already valid
    [1_234.56, 0, "1234.6", "1234.5"], //       docs: 1234.5 valid, 1234.56 not (too many sig figs)
    [190.123, 2, "190.13", "190.12"], //        mag 2 -> min(2, 4) = 2 decimals
    [0.3212345, 0, "0.32124", "0.32123"], //    mag −1 -> min(5, 6) = 5 decimals
    [0.00123456, 0, "0.001235", "0.001234"], // mag −3 -> min(7, 6) = 6 decimals (docs: 0.0012345 is invalid)
    [0.01234567, 1, "0.01235", "0.01234"], //   mag −2 -> min(6, 5) = 5 decimals (docs: szDec 1 allows 0.01234)
    [9_999.95, 4, "10000", "9999.9"], //        mag 3 -> 1 decimal; rounding up carries to 10000.0 -> "10000"
    [0.0000004, 0, "0.000001", null], //        6 decimals; a sell would round to 0 and is refused
  ])("%d with szDecimals %i -> buy %s / sell %s", (price, szDecimals, buy, sell) => {
    expect(formatPerpPrice(price, szDecimals, "up")).toBe(buy);
    if (sell === null) expect(() => formatPerpPrice(price, szDecimals, "down")).toThrow(DomainError);
    else expect(formatPerpPrice(price, szDecimals, "down")).toBe(sell);
  });

  it("allowed decimals never go negative, even when szDecimals exceeds 6", () => {
    expect([allowedPriceDecimals(95_012.5, 5), allowedPriceDecimals(1.5, 8), allowedPriceDecimals(3.14159, 0)]).toEqual([0, 0, 4]);
  });
});

describe("golden: Hyperliquid size strings (toward zero, szDecimals, no trailing zeros)", () => {
  it.each([
    [0.0105263, 5, "0.01052"],
    [0.1, 5, "0.1"],
    [2, 4, "2"],
    [312.9, 0, "312"],
    [1.5, 2, "1.5"],
  ])("%d with szDecimals %i -> %s", (size, szDecimals, text) => {
    expect(formatSize(size, szDecimals)).toBe(text);
  });

  it("refuses a size that rounds to zero", () => {
    expect(() => formatSize(0.000009, 5)).toThrow(DomainError);
    expect(() => formatSize(-1, 2)).toThrow(DomainError);
  });
});

describe("golden: the DRY_RUN exchange payload", () => {
  it("is the exact JSON a live IOC order would send, unsigned", () => {
    const payload = hyperliquidOrderPayload(
      { side: "buy", sizeBase: 0.1, limitPrice: 95_012.5 },
      { assetIndex: 0, szDecimals: 5, nonce: 1_767_225_600_000 },
    );
    expect(JSON.stringify(payload)).toBe(
      '{"action":{"type":"order","orders":[{"a":0,"b":true,"p":"95013","s":"0.1","r":false,"t":{"limit":{"tif":"Ioc"}}}],' +
        '"grouping":"na"},"nonce":1767225600000,"signature":"<not signed: DRY_RUN>"}',
    );
  });

  it("an exit is a reduce-only sell with its price rounded down", () => {
    // limit = 3,400 × (10,000 − 100) / 10,000 = 3,366; ETH szDecimals 4 -> up to 2 decimals
    const limitPrice = marketableLimitPrice("sell", 3_400, DEFAULT_EXECUTION_CONFIG.maxSlippageBps);
    expect(limitPrice).toBe(3_366);
    const payload = hyperliquidOrderPayload(
      { side: "sell", sizeBase: 2.00009, limitPrice: 3_366.789, reduceOnly: true },
      { assetIndex: 1, szDecimals: 4, nonce: 1_767_225_600_001 },
    );
    // price: mag 3 -> 1 decimal -> 3366.7 (down); size: 4 decimals toward zero -> 2
    expect(payload.action.orders).toEqual([{ a: 1, b: false, p: "3366.7", s: "2", r: true, t: { limit: { tif: "Ioc" } } }]);
    expect(payload.signature).toBe(DRY_RUN_SIGNATURE);
  });

  it("a buy's marketable limit sits above the reference", () => {
    // 95,000 × 10,100 / 10,000 = 95,950
    expect(marketableLimitPrice("buy", 95_000, 100)).toBe(95_950);
  });

  it("refuses a bad asset index or nonce", () => {
    const order = { side: "buy" as const, sizeBase: 1, limitPrice: 10 };
    expect(() => hyperliquidOrderPayload(order, { assetIndex: -1, szDecimals: 0, nonce: 1 })).toThrow(DomainError);
    expect(() => hyperliquidOrderPayload(order, { assetIndex: 0, szDecimals: 0, nonce: 1.5 })).toThrow(DomainError);
  });
});
