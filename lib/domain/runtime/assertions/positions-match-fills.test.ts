import { describe, expect, it } from "vitest";
import { checkPositionsMatchFills, type FillTotalRow, type OpenPositionSizeRow } from "./positions-match-fills";

const fills = (asset: string, buy: number, sell: number, accountId = "acc"): FillTotalRow[] => [
  { accountId, asset, side: "buy", sizeBase: buy },
  { accountId, asset, side: "sell", sizeBase: sell },
];
const pos = (over: Partial<OpenPositionSizeRow> = {}): OpenPositionSizeRow => ({ id: "p1", accountId: "acc", asset: "BTC", side: "long", sizeBase: 0.021, ...over });

describe("checkPositionsMatchFills", () => {
  it.each<[string, FillTotalRow[], OpenPositionSizeRow[], string]>([
    ["an open long bought once", fills("BTC", 0.021, 0), [pos()], ""],
    ["an open short sold once", fills("BTC", 0, 0.021), [pos({ side: "short" })], ""],
    ["closed round trips net to zero (float sums)", fills("BTC", 0.1 + 0.2, 0.3), [], ""],
    ["a closed trip and a new long", fills("ETH", 1.5 + 0.25, 1.5), [pos({ asset: "ETH", sizeBase: 0.25 })], ""],
    ["no fills, no positions", [], [], ""],
    ["a fill edited smaller", fills("BTC", 0.02, 0), [pos()], "account acc BTC: fills net +0.02 but the open position p1 holds +0.021"],
    ["a position with no fills", [], [pos({ asset: "SOL", sizeBase: 3 })], "account acc SOL: fills net 0 but the open position p1 holds +3"],
    ["fills with no position left", fills("BTC", 0.021, 0), [], "account acc BTC: fills net +0.021 but there is no open position"],
    ["a long where the fills sold", fills("BTC", 0, 0.021), [pos()], "account acc BTC: fills net -0.021 but the open position p1 holds +0.021"],
    ["a double exit", fills("BTC", 0.021, 0.042), [], "account acc BTC: fills net -0.021 but there is no open position"],
    ["an unknown fill side", [{ accountId: "acc", asset: "BTC", side: "short", sizeBase: 1 }], [], 'account acc BTC: unknown fill side "short"'],
  ])("%s", (_name, fillTotals, openPositions, message) => {
    const result = checkPositionsMatchFills({ accountIds: ["acc"], fillTotals, openPositions });
    expect(result.ok).toBe(message === "");
    expect(result.message).toBe(message);
  });

  it("checks accounts apart", () => {
    const result = checkPositionsMatchFills({ accountIds: ["a", "b"], fillTotals: [...fills("BTC", 1, 0, "a"), ...fills("BTC", 0, 0, "b")], openPositions: [pos({ accountId: "b", sizeBase: 1 })] });
    expect(result.details).toMatchObject({ checked: 2, problemCount: 2 });
  });
});
