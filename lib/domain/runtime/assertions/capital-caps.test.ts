import { describe, expect, it } from "vitest";
import { checkCapitalCaps, type CappedPositionRow, type CapsInForce } from "./capital-caps";

const T = Date.UTC(2026, 6, 1, 12);
const pos = (over: Partial<CappedPositionRow> = {}): CappedPositionRow => ({
  id: "p1", accountId: "acc", asset: "BTC", side: "long", leverage: 2, entryNotionalMicro: 2_000_000_000, openedAtMs: T, openingSizePct: 10, ...over,
});
const caps = (over: Partial<CapsInForce> = {}): CapsInForce => ({
  maxLeverage: { value: 20, sinceMs: null }, maxPositionPct: { value: 100, sinceMs: null }, maxNotionalUsd: { value: 250_000, sinceMs: null }, ...over,
});
const where = "open position p1 (BTC long on account acc, opened 2026-07-01T12:00:00Z)";

describe("checkCapitalCaps", () => {
  it.each<[string, CappedPositionRow, CapsInForce, string]>([
    ["within every default cap", pos(), caps(), ""],
    ["exactly at the caps", pos({ leverage: 20, entryNotionalMicro: 250_000_000_000, openingSizePct: 100 }), caps(), ""],
    ["leverage above the cap", pos({ leverage: 25 }), caps(), `${where} has leverage 25x, above the global cap of 20x (limits.maxLeverage)`],
    ["notional above the cap", pos({ entryNotionalMicro: 300_000_500_000 }), caps(), `${where} has an entry notional of 300,000.5 USD, above the global cap of 250,000 USD (limits.maxNotionalUsd)`],
    ["opened with more of equity than the cap", pos({ openingSizePct: 30 }), caps({ maxPositionPct: { value: 25, sinceMs: T - 1 } }), `${where} was opened with 30% of equity, above the global cap of 25% of equity (limits.maxPositionPct)`],
    ["a cap lowered after the position opened", pos({ leverage: 10 }), caps({ maxLeverage: { value: 5, sinceMs: T + 1 } }), ""],
    ["a cap lowered at the very time it opened", pos({ leverage: 10 }), caps({ maxLeverage: { value: 5, sinceMs: T } }), `${where} has leverage 10x, above the global cap of 5x (limits.maxLeverage)`],
    ["no opening decision: size is not judged", pos({ openingSizePct: null }), caps({ maxPositionPct: { value: 1, sinceMs: null } }), ""],
    ["a NaN leverage fails closed", pos({ leverage: Number.NaN }), caps(), `${where} has leverage NaNx, above the global cap of 20x (limits.maxLeverage)`],
  ])("%s", (_name, p, c, message) => {
    const result = checkCapitalCaps({ positions: [p], caps: c });
    expect(result.ok).toBe(message === "");
    expect(result.message).toBe(message);
  });
});
