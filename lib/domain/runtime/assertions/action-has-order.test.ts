import { describe, expect, it } from "vitest";
import { checkActionHasOrder, type DecisionRunRow, type RunOrderRow } from "./action-has-order";

const T = Date.UTC(2026, 6, 1, 12);
const run = (over: Partial<DecisionRunRow> = {}): DecisionRunRow => ({ id: "run1", status: "ACTION", reason: null, asset: "BTC", decisionTimeMs: T, ...over });
const order = (over: Partial<RunOrderRow> = {}): RunOrderRow => ({ id: "ord1", decisionRunId: "run1", status: "FILLED", ...over });

describe("checkActionHasOrder", () => {
  it.each<[string, DecisionRunRow[], RunOrderRow[], DecisionRunRow[], string]>([
    ["an ACTION with its filled order", [run()], [order()], [], ""],
    ["a rejection with a reason and no order", [run({ status: "REJECTED", reason: "Safety gate leverage: too high" })], [], [], ""],
    ["an execution refusal with its refused order", [run({ status: "REJECTED", reason: "Execution refused: rounds to zero" })], [order({ status: "REJECTED" })], [], ""],
    ["a hold and a no-trade without orders", [run({ status: "HOLD" }), run({ id: "run2", status: "NO_TRADE", reason: "stale" })], [], [], ""],
    ["an exit order no decision placed", [], [order({ decisionRunId: null })], [], ""],
    ["an ACTION without an order", [run()], [], [], "decision run run1 (ACTION, BTC at 2026-07-01T12:00:00Z) has no order"],
    ["an ACTION whose only order was refused", [run()], [order({ status: "REJECTED" })], [], "decision run run1 (ACTION, BTC at 2026-07-01T12:00:00Z) has no filled order (order ord1 is REJECTED)"],
    ["a rejection without a reason", [run({ status: "REJECTED", reason: "  " })], [], [], "decision run run1 (REJECTED, BTC at 2026-07-01T12:00:00Z) has no recorded reason"],
    ["a rejection that filled", [run({ status: "REJECTED", reason: "x" })], [order()], [], "decision run run1 (REJECTED, BTC at 2026-07-01T12:00:00Z) has a FILLED order ord1"],
    ["a hold that ordered (seen from the new order)", [], [order()], [run({ status: "HOLD" })], "decision run run1 (HOLD, BTC at 2026-07-01T12:00:00Z) has order ord1, but only an action orders"],
    ["an order naming a run that does not exist", [], [order({ decisionRunId: "ghost" })], [], "order ord1 names decision run ghost, which does not exist"],
    ["an unknown status", [run({ status: "MAYBE" })], [], [], "decision run run1 (MAYBE, BTC at 2026-07-01T12:00:00Z) has an unknown status"],
  ])("%s", (_name, runs, orders, referencedRuns, message) => {
    const result = checkActionHasOrder({ runs, orders, referencedRuns });
    expect(result.ok).toBe(message === "");
    expect(result.message).toBe(message);
  });

  it("counts further problems and keeps the records", () => {
    const result = checkActionHasOrder({ runs: [run(), run({ id: "run2" }), run({ id: "run3" })], orders: [] });
    expect(result.message).toMatch(/^decision run run1 .* has no order \(and 2 more\)$/);
    expect(result.details).toMatchObject({ checked: 3, problemCount: 3 });
    expect(result.details.problems[1]!.record).toMatchObject({ runId: "run2", status: "ACTION", asset: "BTC" });
  });
});
