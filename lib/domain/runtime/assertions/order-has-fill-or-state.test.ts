import { describe, expect, it } from "vitest";
import { checkOrderHasFillOrState, type OrderFillRow, type OrderRow } from "./order-has-fill-or-state";

const fill = (over: Partial<OrderFillRow> = {}): OrderFillRow => ({ id: "f1", accountId: "acc", asset: "BTC", side: "buy", sizeBase: 0.021, ...over });
const order = (over: Partial<OrderRow> = {}): OrderRow => ({ id: "o1", accountId: "acc", asset: "BTC", side: "buy", sizeBase: 0.021, status: "FILLED", reason: null, fills: [fill()], ...over });

describe("checkOrderHasFillOrState", () => {
  it.each<[string, OrderRow, string]>([
    ["a filled order with its fill", order(), ""],
    ["a filled order in two fills (float sum)", order({ sizeBase: 0.3, fills: [fill({ sizeBase: 0.1 }), fill({ id: "f2", sizeBase: 0.2 })] }), ""],
    ["a rejected order with a reason", order({ status: "REJECTED", reason: "rounds to zero", fills: [] }), ""],
    ["no id", order({ id: "" }), "order (no id) (BTC buy 0.021 on account acc) has no id"],
    ["no explicit state", order({ status: "PENDING" }), 'order o1 (BTC buy 0.021 on account acc) has status "PENDING", neither FILLED nor REJECTED'],
    ["filled without a fill", order({ fills: [] }), "order o1 (BTC buy 0.021 on account acc) is FILLED but has no fill"],
    ["filled for more than its fills", order({ fills: [fill({ sizeBase: 0.02 })] }), "order o1 (BTC buy 0.021 on account acc) is FILLED for 0.021 but its fills total 0.02"],
    ["a fill of another asset", order({ fills: [fill({ asset: "ETH" })] }), "order o1 (BTC buy 0.021 on account acc) has fill f1, a buy of ETH on account acc"],
    ["a fill on the other side", order({ fills: [fill({ side: "sell" })] }), "order o1 (BTC buy 0.021 on account acc) has fill f1, a sell of BTC on account acc"],
    ["rejected without a reason", order({ status: "REJECTED", reason: null, fills: [] }), "order o1 (BTC buy 0.021 on account acc) is REJECTED without a reason"],
    ["rejected but filled", order({ status: "REJECTED", reason: "no" }), "order o1 (BTC buy 0.021 on account acc) is REJECTED but has fill f1"],
  ])("%s", (_name, o, message) => {
    const result = checkOrderHasFillOrState({ orders: [o] });
    expect(result.ok).toBe(message === "");
    expect(result.message).toBe(message);
    expect(result.details.checked).toBe(1);
  });
});
