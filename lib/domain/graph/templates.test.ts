import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/domain/errors";
import { auditionLimitErrors } from "./limits";
import { assetsOf, tradingClone, tradingPrompt } from "./queries";
import { exchangeUrl, type CloneGraph } from "./schema";
import { isTemplateId, TEMPLATE_IDS, TEMPLATE_SUMMARIES, templateGraph, type TemplateId } from "./templates";
import { promptOf } from "./test-fixtures";
import { GraphValidationError, validateGraph } from "./validate";

const roundTrip = (g: CloneGraph) => validateGraph(JSON.parse(JSON.stringify(g)));

describe.each(TEMPLATE_IDS)("template %s", (id) => {
  const graph = templateGraph(id);

  it("is a valid graph that survives JSON unchanged", () => {
    expect(validateGraph(graph)).toEqual({ ok: true, graph });
    const again = roundTrip(graph);
    expect(again).toEqual({ ok: true, graph });
    expect(again.ok && JSON.stringify(again.graph)).toBe(JSON.stringify(graph));
  });

  it("trades Hyperliquid BTC within the audition's default limits", () => {
    const [asset] = assetsOf(graph);
    expect(asset).toMatchObject({ venue: "HYPERLIQUID", symbol: "BTC", enabled: true });
    expect(exchangeUrl(asset!)).toBe("https://app.hyperliquid.xyz/trade/BTC");
    const { risk } = tradingPrompt(graph);
    expect(risk.maxLeverage).toBeLessThanOrEqual(5);
    expect(risk.maxDailyLossPct).toBeLessThanOrEqual(5);
    expect(auditionLimitErrors(graph)).toEqual([]);
  });

  it("reads 1m or 5m candles", () => {
    const candles = graph.blocks.filter((b) => b.type === "data-stream" && b.dataset === "candles");
    expect(candles.length).toBeGreaterThan(0);
    for (const c of candles) expect(["1m", "5m"]).toContain(c.type === "data-stream" && c.granularity);
  });

  it("lays the chain out left to right with every block placed", () => {
    const x = (type: string) => graph.blocks.filter((b) => b.type === type).map((b) => graph.layout[b.id]?.x);
    expect(Object.keys(graph.layout).sort()).toEqual(graph.blocks.map((b) => b.id).sort());
    const columns = ["data-stream", "asset", "trading-prompt", "trading-clone"].map((t) => new Set(x(t)));
    columns.forEach((col) => expect(col.size).toBe(1));
    const xs = columns.map((col) => [...col][0] as number);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);
  });

  it("has a summary a person can read", () => {
    const summary = TEMPLATE_SUMMARIES.find((s) => s.id === id);
    expect(summary?.title.length).toBeGreaterThan(3);
    expect(summary?.description).toMatch(/^[A-Z].{20,140}\.$/);
  });

  it("takes a name and a symbol", () => {
    const custom = templateGraph(id, { name: "  Night Owl ", symbol: "ETH" });
    expect(tradingClone(custom).name).toBe("Night Owl");
    expect(assetsOf(custom)[0]?.symbol).toBe("ETH");
    expect(roundTrip(custom)).toEqual({ ok: true, graph: custom });
  });
});

describe("templates", () => {
  it.each<[TemplateId, string, string | undefined]>([
    ["momentum", "rules", undefined],
    ["mean-reversion", "rules", undefined],
    ["volume-spike", "rules", undefined],
    ["funding-carry", "rules", undefined],
    ["llm-discretionary", "anthropic", "claude-sonnet-4-6"],
  ])("%s uses the %s provider", (id, provider, model) => {
    const clone = tradingClone(templateGraph(id));
    expect(clone.provider).toBe(provider);
    expect(clone.model).toBe(model);
    expect(tradingPrompt(templateGraph(id)).strategy).toBe(id === "llm-discretionary" ? "discretionary" : id);
  });

  it("lists the five templates in order", () => {
    expect(TEMPLATE_SUMMARIES.map((s) => s.id)).toEqual(["momentum", "mean-reversion", "volume-spike", "funding-carry", "llm-discretionary"]);
    expect(isTemplateId("momentum")).toBe(true);
    expect(isTemplateId("martingale")).toBe(false);
  });

  it("returns a fresh graph each time", () => {
    const a = templateGraph("momentum");
    promptOf(a).risk.maxLeverage = 4;
    expect(tradingPrompt(templateGraph("momentum")).risk.maxLeverage).toBe(3);
  });

  it("refuses an invalid symbol with the asset block's error", () => {
    expect(() => templateGraph("momentum", { symbol: "bitcoin" })).toThrow(GraphValidationError);
    expect(() => templateGraph("momentum", { symbol: "bitcoin" })).toThrow(
      "asset block 'asset-1', symbol: 'bitcoin' is not a Hyperliquid symbol; use the coin's ticker in capitals, like BTC or kPEPE",
    );
  });

  it("refuses an unknown template id", () => {
    expect(() => templateGraph("martingale" as TemplateId)).toThrow(DomainError);
  });
});

describe("audition limits", () => {
  it("names the prompt's fields a season's limits refuse", () => {
    const g = templateGraph("momentum");
    Object.assign(promptOf(g).risk, { maxLeverage: 10, maxDailyLossPct: 8 });
    expect(auditionLimitErrors(g)).toEqual([
      { blockId: "prompt-1", blockType: "trading-prompt", field: "risk.maxLeverage", path: "blocks.2.risk.maxLeverage", message: "Max leverage must be at most 5 for the audition" },
      { blockId: "prompt-1", blockType: "trading-prompt", field: "risk.maxDailyLossPct", path: "blocks.2.risk.maxDailyLossPct", message: "Max daily loss must be at most 5% for the audition, which fails past that" },
    ]);
    expect(auditionLimitErrors(g, { maxLeverage: 10, maxDailyLossPct: 10 })).toEqual([]);
  });
});

describe("multi-asset templates", () => {
  it("builds one Asset Block with its own streams per symbol, all feeding the one prompt", () => {
    const graph = templateGraph("momentum", { symbols: ["BTC", "ETH", "SOL", "DOGE"] });
    const assets = graph.blocks.filter((b) => b.type === "asset");
    expect(assets.map((a) => (a as { symbol: string }).symbol)).toEqual(["BTC", "ETH", "SOL", "DOGE"]);
    expect(new Set(graph.blocks.map((b) => b.id)).size).toBe(graph.blocks.length);
    const prompt = graph.blocks.find((b) => b.type === "trading-prompt") as { assets: string[] };
    expect(prompt.assets).toEqual(assets.map((a) => a.id));
    expect(templateGraph("momentum", { symbols: ["BTC"] })).toEqual(templateGraph("momentum", { symbol: "BTC" }));
  });
});
