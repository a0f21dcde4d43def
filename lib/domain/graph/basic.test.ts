import { describe, expect, it } from "vitest";
import { applyBasicSettings, basicSettings, BASIC_SLIDERS, inferTemplateId, withBasicSettings, type BasicSettings } from "./basic";
import { assetsOf, tradingClone, tradingPrompt } from "./queries";
import type { CloneGraph } from "./schema";
import { TEMPLATE_IDS, templateGraph } from "./templates";
import { addStream, cloneOf, draft, streamOf } from "./test-fixtures";
import { GraphValidationError, validateGraph } from "./validate";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe("basicSettings", () => {
  it("reads the template, symbol, sliders and cadence from the graph", () => {
    expect(basicSettings(templateGraph("momentum"))).toEqual({
      templateId: "momentum",
      symbol: "BTC",
      riskLevel: { positionPct: 20, leverage: 3, stopLossPct: 2, takeProfitPct: 4 },
      cadence: "5m",
    });
    expect(basicSettings(templateGraph("funding-carry")).riskLevel).toEqual({ positionPct: 25, leverage: 2, stopLossPct: 4 });
  });

  it.each(TEMPLATE_IDS)("round-trips %s: applying what it reads changes nothing", (id) => {
    const g = deepFreeze(templateGraph(id));
    expect(inferTemplateId(g)).toBe(id);
    expect(applyBasicSettings(g, basicSettings(g))).toEqual(g);
  });

  it("has no template for a discretionary prompt on the scripted provider", () => {
    const g = draft("llm-discretionary");
    cloneOf(g).provider = "scripted";
    expect(basicSettings(g).templateId).toBeUndefined();
  });
});

describe("applyBasicSettings", () => {
  const settings: BasicSettings = {
    templateId: "momentum",
    symbol: "SOL",
    riskLevel: { positionPct: 35, leverage: 5, takeProfitPct: 6 },
    cadence: "15m",
  };

  it("writes the sliders into the same graph without touching the input", () => {
    const g = deepFreeze(templateGraph("momentum"));
    const before = JSON.stringify(g);
    const next = applyBasicSettings(g, settings);
    expect(JSON.stringify(g)).toBe(before);
    expect(basicSettings(next)).toEqual(settings);
    expect(tradingPrompt(next).risk).toEqual({ maxPositionPct: 35, maxLeverage: 5, takeProfitPct: 6, maxDailyLossPct: 4 });
    expect("stopLossPct" in tradingPrompt(next).risk).toBe(false);
    expect(next.edges).toEqual(g.edges);
    expect(next.layout).toEqual(g.layout);
    expect(validateGraph(JSON.parse(JSON.stringify(next)))).toEqual({ ok: true, graph: next });
  });

  it("switches template but keeps the clone's public identity and the mode", () => {
    const g = draft("momentum");
    Object.assign(cloneOf(g), { name: "Trend Surfer", tagline: "Waves only", avatar: "🏄" });
    g.mode = "custom";
    const next = applyBasicSettings(deepFreeze(g), { ...settings, templateId: "llm-discretionary" });
    expect(inferTemplateId(next)).toBe("llm-discretionary");
    expect(tradingClone(next)).toMatchObject({ name: "Trend Surfer", tagline: "Waves only", avatar: "🏄", provider: "anthropic" });
    expect(next.mode).toBe("custom");
    expect(assetsOf(next)[0]?.symbol).toBe("SOL");
    expect(basicSettings(next)).toEqual({ ...settings, templateId: "llm-discretionary" });
  });

  it("moves a stream pinned to the old symbol along with the asset", () => {
    const g = draft("momentum");
    streamOf(g).symbol = "BTC";
    addStream(g, { ...streamOf(g), id: "eth-context", symbol: "ETH", indicators: [] });
    const next = applyBasicSettings(g, { ...basicSettings(g), symbol: "SOL" });
    expect(next.blocks.filter((b) => b.type === "data-stream").map((b) => b.type === "data-stream" && b.symbol)).toEqual(["ETH", "SOL"]);
  });

  it.each<[string, Partial<BasicSettings>, string]>([
    ["leverage past the schema", { riskLevel: { positionPct: 10, leverage: 60 } }, "trading-prompt block 'prompt-1', risk.maxLeverage: Max leverage must be at most 50"],
    ["a stop beyond liquidation", { riskLevel: { positionPct: 10, leverage: 5, stopLossPct: 30 } }, "trading-prompt block 'prompt-1', risk.stopLossPct: Stop-loss of 30% is beyond liquidation at 5x leverage (a 20% move wipes out the margin)"],
    ["a lowercase symbol", { symbol: "eth" }, "asset block 'asset-1', symbol: 'eth' is not a Hyperliquid symbol; use the coin's ticker in capitals, like BTC or kPEPE"],
    ["an unknown cadence", { cadence: "2h" as never }, "trading-prompt block 'prompt-1', cadence: Cadence must be one of 1m, 5m, 15m, 1h, 4h"],
  ])("refuses %s with the block and field", (_name, change, message) => {
    const g: CloneGraph = templateGraph("momentum");
    expect(() => applyBasicSettings(g, { ...basicSettings(g), ...change })).toThrow(GraphValidationError);
    expect(() => applyBasicSettings(g, { ...basicSettings(g), ...change })).toThrow(message);
  });

  it("accepts every corner of the slider ranges", () => {
    const g = templateGraph("volume-spike");
    const { positionPct, leverage, stopLossPct, takeProfitPct } = BASIC_SLIDERS;
    const corners = (r: { min: number; max: number }) => [r.min, r.max];
    for (const p of corners(positionPct)) for (const l of corners(leverage)) for (const sl of corners(stopLossPct)) for (const tp of corners(takeProfitPct)) {
      const riskLevel = { positionPct: p, leverage: l, stopLossPct: sl, takeProfitPct: tp };
      expect(basicSettings(applyBasicSettings(g, { ...basicSettings(g), riskLevel })).riskLevel).toEqual(riskLevel);
    }
    expect(leverage.max).toBe(5);
  });
});

describe("withBasicSettings", () => {
  it("writes what applyBasicSettings would refuse into the draft, so the Studio can show the error beside the slider", () => {
    const g = deepFreeze(templateGraph("momentum"));
    const next = withBasicSettings(g, { ...basicSettings(g), symbol: "eth" });
    expect(assetsOf(next)[0]?.symbol).toBe("eth");
    const v = validateGraph(next);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors).toEqual([expect.objectContaining({ blockId: "asset-1", field: "symbol" })]);
  });

  it("still refuses a template switch the template itself cannot build", () => {
    const g = templateGraph("momentum");
    expect(() => withBasicSettings(g, { ...basicSettings(g), templateId: "mean-reversion", symbol: "eth" })).toThrow(GraphValidationError);
  });
});
