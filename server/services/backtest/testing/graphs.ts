/**
 * Graphs for the backtest tests: a "wide" one whose packet exercises every stream
 * kind the builder knows (candles at several steps with every indicator, funding,
 * open interest, the book, a perp read through another symbol, a Polymarket market
 * and a DefiLlama series), and rules templates made to trade often over a few hours.
 */
import type { DataStreamBlock } from "@/lib/domain/graph/data-stream";
import type { CloneGraph } from "@/lib/domain/graph/schema";
import { addStream, draft, promptOf, streamOf } from "@/lib/domain/graph/test-fixtures";
import { templateGraph, type TemplateId } from "@/lib/domain/graph/templates";
import { assertValidGraph } from "@/lib/domain/graph/validate";

const stream = (s: Partial<DataStreamBlock> & Pick<DataStreamBlock, "id" | "dataset" | "granularity" | "datapoints">): DataStreamBlock => ({
  type: "data-stream", source: "hyperliquid", include: true, lookback: { amount: 1, unit: "days" }, retrievalDepth: 30, indicators: [], ...s,
});

export function wideGraph(market: string): CloneGraph {
  const g = draft("llm-discretionary");
  addStream(g, stream({ id: "one-minute", dataset: "candles", granularity: "1m", lookback: { amount: 4, unit: "hours" }, retrievalDepth: 120, datapoints: ["close", "volume", "trades"], indicators: [{ kind: "vwap" }, { kind: "ema", period: 20 }, { kind: "atr", period: 14 }] }));
  addStream(g, stream({ id: "quarter", dataset: "candles", granularity: "15m", retrievalDepth: 40, datapoints: ["open", "high", "low", "close"], indicators: [{ kind: "sma", period: 20 }, { kind: "bollinger", period: 20, stdDev: 2 }, { kind: "rsi", period: 14 }, { kind: "macd", fast: 12, slow: 26, signal: 9 }] }));
  addStream(g, stream({ id: "eth-5m", dataset: "candles", granularity: "5m", symbol: "ETH", retrievalDepth: 24, datapoints: ["close"], indicators: [{ kind: "ema", period: 12 }] }));
  addStream(g, stream({ id: "book-1", dataset: "book", granularity: "1m", lookback: { amount: 1, unit: "hours" }, retrievalDepth: 1, datapoints: ["bestBid", "bestAsk", "spread", "bidDepth", "askDepth"] }));
  addStream(g, stream({ id: "updown", source: "polymarket", market, dataset: "prediction-market", granularity: "1m", lookback: { amount: 6, unit: "hours" }, retrievalDepth: 20, datapoints: ["price", "volume", "liquidity"] }));
  addStream(g, stream({ id: "tvl", source: "defillama", series: "tvl", dataset: "macro", granularity: "1d", lookback: { amount: 30, unit: "days" }, retrievalDepth: 10, datapoints: ["value", "change"] }));
  return assertValidGraph(g);
}

/** A rules template with its risk and cadence tuned to trade within a few hours of replay data. */
export function busyGraph(id: Exclude<TemplateId, "llm-discretionary">): CloneGraph {
  const g = structuredClone(templateGraph(id));
  const prompt = promptOf(g);
  if (prompt.strategy === "momentum") {
    Object.assign(prompt, { cadence: "1m", params: { fastEma: 3, slowEma: 8 } });
    Object.assign(streamOf(g), { granularity: "1m", lookback: { amount: 3, unit: "hours" }, retrievalDepth: 60, indicators: [{ kind: "ema", period: 3 }, { kind: "ema", period: 8 }, { kind: "rsi", period: 14 }] });
    prompt.risk = { ...prompt.risk, stopLossPct: 0.15, takeProfitPct: 0.2, maxDailyLossPct: 50 };
  } else if (prompt.strategy === "mean-reversion") {
    Object.assign(prompt, { cadence: "1m", params: { period: 20, entryZ: 1.2, exitZ: 0.3 } });
    Object.assign(streamOf(g), { granularity: "1m", lookback: { amount: 3, unit: "hours" }, retrievalDepth: 60 });
    // a tight daily loss limit: once reached, entries are rejected by the gate (the parity test compares those too)
    prompt.risk = { ...prompt.risk, stopLossPct: 0.3, takeProfitPct: 0.3, maxDailyLossPct: 1 };
  } else if (prompt.strategy === "volume-spike") {
    Object.assign(prompt, { params: { lookback: 30, multiple: 1.6 } });
    prompt.risk = { ...prompt.risk, trailingStopPct: 0.2, maxDailyLossPct: 50 };
  } else if (prompt.strategy === "funding-carry") {
    Object.assign(prompt, { cadence: "15m", params: { threshold: 0.000001 } });
  }
  return assertValidGraph(g);
}
