import { describe, expect, it } from "vitest";
import type { CloneGraph } from "./schema";
import type { TemplateId } from "./templates";
import { addStream, assetOf, cloneOf, draft, promptOf, streamOf } from "./test-fixtures";
import { assertValidGraph, formatGraphErrors, GraphValidationError, validateGraph, type GraphError } from "./validate";

interface Case {
  name: string;
  template?: TemplateId;
  edit: (g: CloneGraph) => void;
  expected: Omit<GraphError, "path">;
  /** the expected error is the only one */
  only?: boolean;
}

const P = { blockId: "prompt-1", blockType: "trading-prompt" } as const;
const S = { blockId: "candles-1", blockType: "data-stream" } as const;
const A = { blockId: "asset-1", blockType: "asset" } as const;
const C = { blockId: "clone-1", blockType: "trading-clone" } as const;
const G = { blockId: null, blockType: null } as const;

const blockLevel: Case[] = [
  { name: "leverage above 50", edit: (g) => { promptOf(g).risk.maxLeverage = 80; }, expected: { ...P, field: "risk.maxLeverage", message: "Max leverage must be at most 50" }, only: true },
  { name: "fractional leverage", edit: (g) => { promptOf(g).risk.maxLeverage = 2.5; }, expected: { ...P, field: "risk.maxLeverage", message: "Max leverage must be a whole number" }, only: true },
  { name: "position size 0%", edit: (g) => { promptOf(g).risk.maxPositionPct = 0; }, expected: { ...P, field: "risk.maxPositionPct", message: "Max position size must be at least 1%" }, only: true },
  { name: "daily loss over 50%", edit: (g) => { promptOf(g).risk.maxDailyLossPct = 60; }, expected: { ...P, field: "risk.maxDailyLossPct", message: "Max daily loss must be at most 50%" }, only: true },
  { name: "stop beyond liquidation", edit: (g) => { Object.assign(promptOf(g).risk, { maxLeverage: 5, stopLossPct: 25 }); }, expected: { ...P, field: "risk.stopLossPct", message: "Stop-loss of 25% is beyond liquidation at 5x leverage (a 20% move wipes out the margin)" }, only: true },
  { name: "misspelt risk field", edit: (g) => { Object.assign(promptOf(g).risk, { maxLeverge: 3 }); }, expected: { ...P, field: "risk.maxLeverge", message: "Unknown field 'maxLeverge'" }, only: true },
  { name: "missing cadence", edit: (g) => { delete (promptOf(g) as { cadence?: unknown }).cadence; }, expected: { ...P, field: "cadence", message: "Cadence is required" }, only: true },
  { name: "unknown cadence", edit: (g) => { promptOf(g).cadence = "2m" as never; }, expected: { ...P, field: "cadence", message: "Cadence must be one of 1m, 5m, 15m, 1h, 4h" }, only: true },
  { name: "actions without hold", edit: (g) => { promptOf(g).allowedActions = ["open_long", "close"]; }, expected: { ...P, field: "allowedActions", message: "Allowed actions must include hold: a clone must always be able to do nothing" }, only: true },
  { name: "no actions", edit: (g) => { promptOf(g).allowedActions = []; }, expected: { ...P, field: "allowedActions", message: "Allowed actions needs at least one entry" } },
  { name: "blank prompt", edit: (g) => { promptOf(g).prompt = "   "; }, expected: { ...P, field: "prompt", message: "Prompt cannot be empty" }, only: true },
  { name: "prompt too long", edit: (g) => { promptOf(g).prompt = "x".repeat(8001); }, expected: { ...P, field: "prompt", message: "Prompt must be at most 8000 characters" }, only: true },
  { name: "unknown strategy", edit: (g) => { promptOf(g).strategy = "trend" as never; }, expected: { ...P, field: "strategy", message: "Strategy must be one of momentum, mean-reversion, volume-spike, funding-carry, discretionary (got 'trend')" }, only: true },
  { name: "fast EMA not faster", edit: (g) => { promptOf(g).params = { fastEma: 50, slowEma: 48 }; }, expected: { ...P, field: "params.fastEma", message: "Fast EMA period (50) must be shorter than the slow EMA period (48)" }, only: true },
  { name: "params of another strategy", edit: (g) => { promptOf(g).params = { period: 20, entryZ: 2, exitZ: 0.5 } as never; }, expected: { ...P, field: "params.fastEma", message: "Fast EMA period is required" } },
  { name: "exit z above entry z", template: "mean-reversion", edit: (g) => { promptOf(g).params = { period: 20, entryZ: 2, exitZ: 2.5 }; }, expected: { ...P, field: "params.exitZ", message: "Exit z-score (2.5) must be below the entry z-score (2), or positions close as they open" }, only: true },
  { name: "funding threshold of 5%", template: "funding-carry", edit: (g) => { promptOf(g).params = { threshold: 0.05 }; }, expected: { ...P, field: "params.threshold", message: "Funding threshold must be at most 0.01" }, only: true },
  { name: "lookback shorter than retrieval depth", edit: (g) => { streamOf(g).lookback = { amount: 2, unit: "hours" }; }, expected: { ...S, field: "lookback", message: "Lookback of 2 hours covers 24 bars of 5m, but retrieval depth asks for 96; make it at least 8 hours" } },
  { name: "lookback shorter than an indicator", edit: (g) => { Object.assign(streamOf(g), { lookback: { amount: 150, unit: "minutes" }, retrievalDepth: 30, indicators: [{ kind: "ema", period: 12 }, { kind: "macd", fast: 12, slow: 26, signal: 9 }] }); promptOf(g).params = { fastEma: 10, slowEma: 20 }; }, expected: { ...S, field: "lookback", message: "Lookback of 2 hours 30 minutes covers 30 bars of 5m, but MACD 12/26/9 needs 34; make it at least 2 hours 50 minutes" }, only: true },
  { name: "lookback over 30 days", edit: (g) => { streamOf(g).lookback = { amount: 31, unit: "days" }; }, expected: { ...S, field: "lookback", message: "Lookback must be at most 30 days (it is 31 days)" }, only: true },
  { name: "zero lookback", edit: (g) => { streamOf(g).lookback.amount = 0; }, expected: { ...S, field: "lookback.amount", message: "Lookback amount must be at least 1" }, only: true },
  { name: "retrieval depth over 1000", edit: (g) => { streamOf(g).retrievalDepth = 1001; }, expected: { ...S, field: "retrievalDepth", message: "Retrieval depth must be at most 1000" }, only: true },
  { name: "dataset the source lacks", edit: (g) => { Object.assign(streamOf(g), { source: "polymarket", market: "will-btc-close-above-100k" }); }, expected: { ...S, field: "dataset", message: "Polymarket offers prediction-market, book, not candles" }, only: true },
  { name: "datapoint of another dataset", edit: (g) => { streamOf(g).datapoints.push("funding"); }, expected: { ...S, field: "datapoints.5", message: "'funding' is not a datapoint of candles; choose from open, high, low, close, volume, trades" }, only: true },
  { name: "datapoint twice", edit: (g) => { streamOf(g).datapoints.push("close"); }, expected: { ...S, field: "datapoints.5", message: "'close' is listed twice" }, only: true },
  { name: "unknown granularity", edit: (g) => { streamOf(g).granularity = "2m" as never; }, expected: { ...S, field: "granularity", message: "Granularity must be one of 1m, 5m, 15m, 1h, 4h, 1d" }, only: true },
  { name: "funding finer than hourly", template: "funding-carry", edit: (g) => { Object.assign(streamOf(g, "funding-1"), { granularity: "5m" }); }, expected: { blockId: "funding-1", blockType: "data-stream", field: "granularity", message: "funding is recorded every 1h; granularity must be 1h or coarser" }, only: true },
  { name: "indicators on funding", template: "funding-carry", edit: (g) => { streamOf(g, "funding-1").indicators = [{ kind: "rsi", period: 14 }]; }, expected: { blockId: "funding-1", blockType: "data-stream", field: "indicators", message: "Indicators are computed from candles; a funding stream cannot have any" }, only: true },
  { name: "MACD fast not faster", edit: (g) => { streamOf(g).indicators.push({ kind: "macd", fast: 26, slow: 26, signal: 9 }); }, expected: { ...S, field: "indicators.4.fast", message: "MACD fast period (26) must be shorter than the slow period (26)" }, only: true },
  { name: "Bollinger of 10 deviations", edit: (g) => { streamOf(g).indicators.push({ kind: "bollinger", period: 20, stdDev: 10 }); }, expected: { ...S, field: "indicators.4.stdDev", message: "Bollinger standard deviations must be at most 4" }, only: true },
  { name: "unknown indicator", edit: (g) => { streamOf(g).indicators.push({ kind: "ichimoku" } as never); }, expected: { ...S, field: "indicators.4.kind", message: "Indicator must be one of ema, sma, rsi, atr, bollinger, macd, vwap, realized-vol (got 'ichimoku')" }, only: true },
  { name: "indicator twice", edit: (g) => { streamOf(g).indicators.push({ kind: "ema", period: 12 }); }, expected: { ...S, field: "indicators.4", message: "EMA 12 is listed twice" }, only: true },
  { name: "market on a Hyperliquid stream", edit: (g) => { streamOf(g).market = "some-market"; }, expected: { ...S, field: "market", message: "Market applies only to Polymarket streams, not Hyperliquid" }, only: true },
  { name: "lowercase Hyperliquid symbol", edit: (g) => { assetOf(g).symbol = "btc"; }, expected: { ...A, field: "symbol", message: "'btc' is not a Hyperliquid symbol; use the coin's ticker in capitals, like BTC or kPEPE" }, only: true },
  { name: "unknown venue", edit: (g) => { assetOf(g).venue = "BINANCE" as never; }, expected: { ...A, field: "venue", message: "Venue must be one of HYPERLIQUID, POLYMARKET" }, only: true },
  { name: "one-letter name", edit: (g) => { cloneOf(g).name = "  A "; }, expected: { ...C, field: "name", message: "Name must be at least 2 characters" }, only: true },
  { name: "name over 40", edit: (g) => { cloneOf(g).name = "N".repeat(41); }, expected: { ...C, field: "name", message: "Name must be at most 40 characters" }, only: true },
  { name: "bidi override in a name", edit: (g) => { cloneOf(g).name = "Evil\u202Eclone"; }, expected: { ...C, field: "name", message: "Control characters are not allowed" }, only: true },
  { name: "avatar not an emoji", edit: (g) => { cloneOf(g).avatar = "hello"; }, expected: { ...C, field: "avatar", message: "Avatar must be one emoji or one of bull, bear, robot, rocket, owl, shark, fox, wolf, whale, octopus, falcon, tiger" }, only: true },
  { name: "temperature above 1", edit: (g) => { cloneOf(g).temperature = 1.5; }, expected: { ...C, field: "temperature", message: "Temperature must be at most 1" }, only: true },
  { name: "anthropic without a model", template: "llm-discretionary", edit: (g) => { delete cloneOf(g).model; }, expected: { ...C, field: "model", message: "The anthropic provider needs a model, like claude-sonnet-4-6" }, only: true },
  { name: "unknown block type", edit: (g) => { (g.blocks[1] as { type: string }).type = "widget"; }, expected: { blockId: "asset-1", blockType: null, field: "type", message: "Block type must be one of data-stream, asset, trading-prompt, trading-clone (got 'widget')" } },
];

const graphLevel: Case[] = [
  { name: "rules provider on a discretionary prompt", template: "llm-discretionary", edit: (g) => { cloneOf(g).provider = "rules"; }, expected: { ...C, field: "provider", message: "The rules provider trades momentum, mean-reversion, volume-spike or funding-carry; a discretionary prompt needs the anthropic provider" }, only: true },
  { name: "rules with too few bars", edit: (g) => { streamOf(g).retrievalDepth = 30; }, expected: { ...S, field: "retrievalDepth", message: "The momentum rules need at least 48 bars to decide; retrieval depth is 30" }, only: true },
  { name: "funding carry without funding", template: "funding-carry", edit: (g) => { streamOf(g, "funding-1").include = false; }, expected: { ...A, field: "streams", message: "The funding-carry rules need an included funding stream on this asset" }, only: true },
  { name: "enabled asset with no included stream", template: "llm-discretionary", edit: (g) => { for (const b of g.blocks) if (b.type === "data-stream") b.include = false; }, expected: { ...A, field: "streams", message: "An enabled asset needs at least one included data stream" }, only: true },
  { name: "every asset paused", edit: (g) => { assetOf(g).enabled = false; }, expected: { ...P, field: "assets", message: "At least one asset must be enabled" }, only: true },
  { name: "duplicate block id", edit: (g) => { addStream(g, { ...streamOf(g), include: false }); }, expected: { ...S, field: "id", message: "Block id 'candles-1' is already used by another block" } },
  { name: "no trading clone", edit: (g) => { g.blocks = g.blocks.filter((b) => b.type !== "trading-clone"); g.edges.pop(); delete g.layout["clone-1"]; }, expected: { ...G, field: "blocks", message: "The graph needs a trading-clone block" } },
  { name: "two trading clones", edit: (g) => { g.blocks.push({ ...cloneOf(g), id: "clone-2" }); g.edges.push({ from: "prompt-1", to: "clone-2" }); }, expected: { blockId: "clone-2", blockType: "trading-clone", field: "", message: "Only one trading-clone block is allowed; remove this one" }, only: true },
  { name: "clone follows a missing prompt", edit: (g) => { cloneOf(g).prompt = "prompt-9"; }, expected: { ...C, field: "prompt", message: "No block has id 'prompt-9'" } },
  { name: "clone follows an asset", edit: (g) => { cloneOf(g).prompt = "asset-1"; }, expected: { ...C, field: "prompt", message: "'asset-1' is an asset block, not a trading-prompt block" } },
  { name: "asset lists a missing stream", edit: (g) => { assetOf(g).streams.push("ghost"); }, expected: { ...A, field: "streams.1", message: "No block has id 'ghost'" }, only: true },
  { name: "reference without an edge", edit: (g) => { g.edges = g.edges.filter((e) => e.from !== "candles-1"); }, expected: { ...A, field: "streams.0", message: "'candles-1' is listed, but no edge connects it to 'asset-1'" }, only: true },
  { name: "edge against the chain", edit: (g) => { g.edges.push({ from: "candles-1", to: "prompt-1" }); }, expected: { ...G, field: "edges.3", message: "An edge from a data-stream block must go to an asset block, not to a trading-prompt block ('prompt-1')" }, only: true },
  { name: "edge out of the clone", edit: (g) => { g.edges.push({ from: "clone-1", to: "asset-1" }); }, expected: { ...G, field: "edges.3", message: "Nothing follows a trading-clone block; remove the edge to 'asset-1'" }, only: true },
  { name: "edge from nowhere", edit: (g) => { g.edges.push({ from: "ghost", to: "asset-1" }); }, expected: { ...G, field: "edges.3.from", message: "Edge starts at 'ghost', which is not a block" }, only: true },
  { name: "edge without a reference", edit: (g) => { addStream(g, { ...streamOf(g), id: "candles-2" }); assetOf(g).streams.pop(); }, expected: { ...G, field: "edges.3", message: "The edge from 'candles-2' to 'asset-1' has no reference: an asset block 'asset-1' does not name 'candles-2' in streams" } },
  { name: "duplicate edge", edit: (g) => { g.edges.push({ from: "asset-1", to: "prompt-1" }); }, expected: { ...G, field: "edges.3", message: "The edge from 'asset-1' to 'prompt-1' is listed twice" }, only: true },
  { name: "orphan data stream", edit: (g) => { g.blocks.push({ ...streamOf(g), id: "candles-2" }); }, expected: { blockId: "candles-2", blockType: "data-stream", field: "", message: "This data stream feeds no asset; connect it or remove it" }, only: true },
  { name: "orphan asset", edit: (g) => { g.blocks.push({ ...assetOf(g), id: "asset-2", streams: [] }); }, expected: { blockId: "asset-2", blockType: "asset", field: "", message: "This asset is not connected to the trading prompt; to stop trading it, pause it (enabled: false) instead" }, only: true },
  { name: "layout of a missing block", edit: (g) => { g.layout.ghost = { x: 1, y: 2 }; }, expected: { ...G, field: "layout.ghost", message: "Layout has a position for 'ghost', which is not a block" }, only: true },
  { name: "hyperliquid stream on a polymarket asset without symbol", edit: (g) => { Object.assign(assetOf(g), { venue: "POLYMARKET", symbol: "btc-updown-15m-1767225600" }); }, expected: { ...S, field: "symbol", message: "This stream feeds Polymarket asset 'asset-1'; name the Hyperliquid perp to read, like BTC" }, only: true },
  { name: "unknown graph version", edit: (g) => { (g as { version: number }).version = 2; }, expected: { ...G, field: "version", message: "Version must be 1" }, only: true },
  { name: "unknown top-level field", edit: (g) => { Object.assign(g, { owner: "me" }); }, expected: { ...G, field: "owner", message: "Unknown field 'owner'" }, only: true },
];

describe("validateGraph names the block and field", () => {
  it.each([...blockLevel, ...graphLevel])("$name", ({ template, edit, expected, only }) => {
    const g = draft(template);
    edit(g);
    const result = validateGraph(JSON.parse(JSON.stringify(g)));
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toContainEqual(expect.objectContaining(expected));
    if (only) expect(errors).toHaveLength(1);
  });

  it("maps blocks.N paths to the block at index N and keeps the full path", () => {
    const g = draft();
    promptOf(g).risk.maxLeverage = 80;
    const result = validateGraph(g);
    expect(result).toEqual({
      ok: false,
      errors: [{ ...P, field: "risk.maxLeverage", path: "blocks.2.risk.maxLeverage", message: "Max leverage must be at most 50" }],
    });
  });

  it.each([
    ["a string", "graph", "The graph must be an object"],
    ["null", null, "The graph must be an object"],
  ])("refuses %s as a whole", (_label, input, message) => {
    expect(validateGraph(input)).toEqual({ ok: false, errors: [{ ...G, field: "", path: "", message }] });
  });

  it("reports every missing top-level field", () => {
    const result = validateGraph({});
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      "Version is required",
      "Mode is required",
      "Blocks is required",
      "Edges is required",
      "Layout is required",
    ]);
  });

  it("names a block without an id by its type and position", () => {
    const g = draft();
    delete (g.blocks[1] as { id?: string }).id;
    const result = validateGraph(g);
    const errors = result.ok ? [] : result.errors;
    expect(errors[0]).toEqual({ blockId: null, blockType: "asset", field: "id", path: "blocks.1.id", message: "Block id is required" });
    expect(formatGraphErrors(errors.slice(0, 1))).toBe("asset block #1, id: Block id is required");
  });
});

describe("formatGraphErrors and assertValidGraph", () => {
  it("prints one readable line per error", () => {
    const g = draft();
    promptOf(g).risk.maxLeverage = 80;
    g.edges.push({ from: "ghost", to: "asset-1" });
    cloneOf(g).name = "A";
    const result = validateGraph(g);
    expect(result.ok ? "" : formatGraphErrors(result.errors)).toBe(
      [
        "trading-prompt block 'prompt-1', risk.maxLeverage: Max leverage must be at most 50",
        "trading-clone block 'clone-1', name: Name must be at least 2 characters",
        "graph, edges.3.from: Edge starts at 'ghost', which is not a block",
      ].join("\n"),
    );
  });

  it("throws a VALIDATION_FAILED DomainError carrying every error", () => {
    const g = draft();
    cloneOf(g).temperature = -1;
    try {
      assertValidGraph(g);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GraphValidationError);
      const err = e as GraphValidationError;
      expect(err.code).toBe("VALIDATION_FAILED");
      expect(err.field).toBe("blocks.3.temperature");
      expect(err.message).toBe("trading-clone block 'clone-1', temperature: Temperature must be at least 0");
      expect(err.errors).toHaveLength(1);
    }
  });
});
