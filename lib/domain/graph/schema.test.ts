import { describe, expect, it } from "vitest";
import { formatDuration } from "./common";
import { deriveEdges, enabledAssets, primaryStream, streamsOf, streamSymbol, tradingPrompt } from "./queries";
import {
  exchangeUrl,
  indicatorLabel,
  indicatorWarmupBars,
  isAvatar,
  lookbackMs,
  strategyWarmupBars,
  type CloneGraph,
  type DataStreamBlock,
  type Indicator,
} from "./schema";
import { addStream, assetOf, cloneOf, draft, promptOf, streamOf } from "./test-fixtures";
import { validateGraph } from "./validate";

const errorsOf = (g: CloneGraph) => {
  const r = validateGraph(g);
  return r.ok ? [] : r.errors;
};

const polymarketStream: DataStreamBlock = {
  id: "pm-1",
  type: "data-stream",
  source: "polymarket",
  dataset: "prediction-market",
  include: true,
  lookback: { amount: 6, unit: "hours" },
  granularity: "15m",
  datapoints: ["price", "volume", "liquidity"],
  retrievalDepth: 24,
  indicators: [],
  market: "btc-updown-15m-1767225600",
};

const macroStream: DataStreamBlock = {
  id: "tvl-1",
  type: "data-stream",
  source: "defillama",
  dataset: "macro",
  include: true,
  lookback: { amount: 30, unit: "days" },
  granularity: "1d",
  datapoints: ["value", "change"],
  retrievalDepth: 30,
  indicators: [],
  series: "stablecoins",
};

describe("cross-field rules accept what they should", () => {
  it.each<[string, (g: CloneGraph) => void]>([
    ["a Polymarket context stream on a perp", (g) => addStream(g, polymarketStream)],
    ["a DefiLlama macro stream", (g) => addStream(g, macroStream)],
    ["an order-book stream", (g) => addStream(g, { ...macroStream, id: "book-1", source: "hyperliquid", dataset: "book", series: undefined, granularity: "1m", lookback: { amount: 30, unit: "minutes" }, retrievalDepth: 30, datapoints: ["bestBid", "bestAsk", "spread"] })],
    ["lookback exactly retrieval depth x granularity", (g) => { Object.assign(streamOf(g), { lookback: { amount: 8, unit: "hours" }, retrievalDepth: 96 }); }],
    ["a paused second asset without streams of its own", (g) => {
      g.blocks.push({ ...assetOf(g), id: "asset-2", symbol: "ETH", enabled: false, streams: [] });
      promptOf(g).assets.push("asset-2");
      g.edges.push({ from: "asset-2", to: "prompt-1" });
    }],
    ["a Polymarket asset read through a pinned perp stream", (g) => {
      Object.assign(assetOf(g), { venue: "POLYMARKET", symbol: "btc-updown-15m-1767225600" });
      streamOf(g).symbol = "BTC";
    }],
    ["the scripted provider on a discretionary prompt", (g) => {
      cloneOf(g).provider = "scripted";
      Object.assign(promptOf(g), { strategy: "discretionary", params: {} });
    }],
    ["the anthropic provider on a rule strategy", (g) => { Object.assign(cloneOf(g), { provider: "anthropic", model: "claude-sonnet-4-6" }); }],
    ["an emoji avatar with a skin tone", (g) => { cloneOf(g).avatar = "🏄🏽"; }],
    ["a flag avatar", (g) => { cloneOf(g).avatar = "🇯🇵"; }],
    ["a thousand-unit coin", (g) => { assetOf(g).symbol = "kPEPE"; }],
    ["a builder-deployed perp", (g) => { assetOf(g).symbol = "xyz:TSLA"; }],
    ["stop just inside liquidation", (g) => { Object.assign(promptOf(g).risk, { maxLeverage: 5, stopLossPct: 19.9 }); }],
    ["an empty tagline", (g) => { cloneOf(g).tagline = ""; }],
  ])("%s", (_name, edit) => {
    const g = draft();
    edit(g);
    expect(errorsOf(g)).toEqual([]);
  });

  it.each<[string, Partial<DataStreamBlock>, string, string]>([
    ["Polymarket without a market", { ...polymarketStream, market: undefined }, "market", "A Polymarket stream needs a market slug, like will-btc-close-above-100k"],
    ["DefiLlama without a series", { ...macroStream, series: undefined }, "series", "A DefiLlama stream needs a series: tvl, stablecoins, dex-volume, fees"],
    ["a series on Polymarket", { ...polymarketStream, series: "tvl" }, "series", "Series applies only to DefiLlama streams, not Polymarket"],
    ["a symbol on DefiLlama", { ...macroStream, symbol: "BTC" }, "symbol", "Symbol applies only to Hyperliquid streams, not DefiLlama"],
    ["macro finer than daily", { ...macroStream, granularity: "1h", retrievalDepth: 24 }, "granularity", "macro is recorded every 1d; granularity must be 1d or coarser"],
    ["a bad Polymarket slug", { ...polymarketStream, market: "Will BTC?" }, "market", "A Polymarket slug is lowercase words joined by '-', like will-btc-close-above-100k"],
  ])("refuses %s", (_name, stream, field, message) => {
    const g = draft();
    addStream(g, stream as DataStreamBlock);
    expect(errorsOf(g)).toEqual([{ blockId: stream.id, blockType: "data-stream", field, path: `blocks.0.${field}`, message }]);
  });
});

describe("indicators", () => {
  it.each<[Indicator, number, string]>([
    [{ kind: "ema", period: 12 }, 12, "EMA 12"],
    [{ kind: "sma", period: 20 }, 20, "SMA 20"],
    [{ kind: "rsi", period: 14 }, 15, "RSI 14"],
    [{ kind: "atr", period: 14 }, 14, "ATR 14"],
    [{ kind: "bollinger", period: 20, stdDev: 2 }, 20, "Bollinger 20/2"],
    [{ kind: "macd", fast: 12, slow: 26, signal: 9 }, 34, "MACD 12/26/9"],
    [{ kind: "vwap" }, 1, "VWAP"],
    [{ kind: "realized-vol", period: 30 }, 31, "Realized vol 30"],
  ])("%j needs %i bars and reads as %s", (indicator, bars, label) => {
    expect(indicatorWarmupBars(indicator)).toBe(bars);
    expect(indicatorLabel(indicator)).toBe(label);
  });
});

describe("small helpers", () => {
  it.each([
    [{ venue: "HYPERLIQUID", symbol: "BTC" }, "https://app.hyperliquid.xyz/trade/BTC"],
    [{ venue: "POLYMARKET", symbol: "will-btc-close-above-100k" }, "https://polymarket.com/event/will-btc-close-above-100k"],
  ] as const)("exchangeUrl(%j) = %s", (asset, url) => {
    expect(exchangeUrl(asset)).toBe(url);
  });

  it.each([
    [{ amount: 90, unit: "minutes" }, 5_400_000, "1 hour 30 minutes"],
    [{ amount: 2, unit: "days" }, 172_800_000, "2 days"],
    [{ amount: 25, unit: "hours" }, 90_000_000, "1 day 1 hour"],
  ] as const)("lookback %j is %i ms (%s)", (lookback, ms, text) => {
    expect(lookbackMs(lookback)).toBe(ms);
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([["bull", true], ["🐂", true], ["👩‍🚀", true], ["bulls", false], ["🐂🐻", false], ["a", false], ["", false]])(
    "isAvatar(%j) is %s",
    (value, ok) => {
      expect(isAvatar(value)).toBe(ok);
    },
  );

  it.each([
    ["momentum", 48],
    ["mean-reversion", 20],
    ["volume-spike", 61],
    ["funding-carry", 1],
    ["llm-discretionary", 0],
  ] as const)("the %s template needs %i bars", (id, bars) => {
    expect(strategyWarmupBars(tradingPrompt(draft(id)))).toBe(bars);
  });
});

describe("queries", () => {
  it("derives the edges a graph's references imply", () => {
    expect(deriveEdges(draft("funding-carry").blocks)).toEqual([
      { from: "funding-1", to: "asset-1" },
      { from: "candles-1", to: "asset-1" },
      { from: "asset-1", to: "prompt-1" },
      { from: "prompt-1", to: "clone-1" },
    ]);
  });

  it("picks the finest included stream of a dataset as the primary one", () => {
    const g = draft();
    addStream(g, { ...streamOf(g), id: "candles-1m", granularity: "1m", lookback: { amount: 2, unit: "hours" }, retrievalDepth: 100, indicators: [] });
    addStream(g, { ...streamOf(g), id: "candles-off", granularity: "1m", include: false, indicators: [] });
    const asset = assetOf(g);
    expect(primaryStream(g, asset, "candles")?.id).toBe("candles-1m");
    expect(primaryStream(g, asset, "funding")).toBeUndefined();
    expect(streamsOf(g, asset).map((s) => s.id)).toEqual(["candles-1", "candles-1m", "candles-off"]);
    expect(streamSymbol(streamOf(g), asset)).toBe("BTC");
    expect(streamSymbol({ ...streamOf(g), symbol: "ETH" }, asset)).toBe("ETH");
    expect(enabledAssets(g).map((a) => a.id)).toEqual(["asset-1"]);
  });
});
