import { describe, expect, it } from "vitest";
import { errorsFromFieldErrors, fieldMessages, graphLevelErrors, mergeErrors, unplacedBlockErrors } from "./error-lookup";
import { draft, promptOf, streamOf } from "./test-fixtures";
import { validateGraph, type GraphError } from "./validate";

const broken = () => {
  const g = draft();
  promptOf(g).risk.maxLeverage = 80;
  streamOf(g).lookback = { amount: 2, unit: "hours" };
  streamOf(g).indicators = [{ kind: "ema", period: 1 }];
  g.edges.push({ from: "ghost", to: "asset-1" });
  return g;
};

function errorsOf(g: unknown): GraphError[] {
  const v = validateGraph(g);
  if (v.ok) throw new Error("expected errors");
  return v.errors;
}

describe("errorsFromFieldErrors", () => {
  it("reads the server's graph.<path> keys back into the same errors validateGraph gives", () => {
    const g = broken();
    const local = errorsOf(g);
    const fieldErrors: Record<string, string[]> = {};
    for (const e of local) (fieldErrors[`graph.${e.path}`] ??= []).push(e.message);
    fieldErrors.expectedVersion = ["not a graph error"];
    expect(errorsFromFieldErrors(fieldErrors, g)).toEqual(expect.arrayContaining(local));
    expect(errorsFromFieldErrors(fieldErrors, g)).toHaveLength(local.length);
  });
});

describe("where errors show", () => {
  const errors = errorsOf(broken());

  it.each([
    ["prompt-1", "risk.maxLeverage", false, ["Max leverage must be at most 50"]],
    ["prompt-1", "risk", false, ["Max leverage must be at most 50"]],
    ["prompt-1", "risk", true, []],
    ["candles-1", "indicators.0", false, ["Indicator period must be at least 2"]],
    ["candles-1", "indicators", true, []],
    ["asset-1", "symbol", false, []],
  ] as const)("%s %s (exact: %s)", (blockId, field, exact, expected) => {
    expect(fieldMessages(errors, blockId, field, exact)).toEqual(expected);
  });

  it("a block's errors no shown field takes stay at the top of the block", () => {
    expect(unplacedBlockErrors(errors, "candles-1", ["indicators"]).map((e) => e.field)).toEqual(["lookback"]);
    expect(unplacedBlockErrors(errors, "candles-1", ["indicators", "lookback"])).toEqual([]);
  });

  it("errors outside any block are the graph's", () => {
    expect(graphLevelErrors(errors).map((e) => e.path)).toEqual(["edges.3.from"]);
  });

  it("merging drops repeats", () => {
    expect(mergeErrors(errors, errors)).toEqual(errors);
  });
});
