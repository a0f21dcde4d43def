/** Hand-built packet streams for the strategy tests: only the fields a strategy reads matter. */
import type { Freshness, StreamPacket } from "@/lib/domain/decisions/context-packet";
import type { Risk } from "@/lib/domain/graph/trading-prompt";
import type { StreamDataset } from "@/lib/domain/graph/vocabulary";

const T0 = Date.UTC(2026, 5, 10, 12);
const FIVE_MINUTES = 5 * 60_000;

export const FRESH: Freshness = { status: "ok", asOf: T0 };
export const STALE: Freshness = { status: "stale", asOf: T0, reason: "candles data is 600 s old (limit 180 s)" };

type Row = Record<string, number | string | null>;

export function stream(dataset: StreamDataset, points: Row[], extra: Partial<StreamPacket> = {}): StreamPacket {
  return {
    blockId: `${dataset}-1`,
    source: "hyperliquid",
    dataset,
    granularity: dataset === "funding" ? "1h" : "5m",
    include: true,
    freshness: FRESH,
    points,
    indicators: {},
    ...extra,
  };
}

/** Candles whose close is each value given, opening at the previous close. */
export function closesStream(closes: readonly number[], extra: Partial<StreamPacket> = {}): StreamPacket {
  const rows = closes.map((close, i) => {
    const open = i === 0 ? close : (closes[i - 1] as number);
    return { time: T0 + i * FIVE_MINUTES, open, high: Math.max(open, close), low: Math.min(open, close), close, volume: 10 };
  });
  return stream("candles", rows, extra);
}

/** `count` quiet bars at 100 with volume 10, then one bar as given. */
export function spikeStream(count: number, last: { open: number; close: number; volume: number }): StreamPacket {
  const quiet = Array.from({ length: count }, (_, i) => ({ time: T0 + i * 60_000, open: 100, high: 100, low: 100, close: 100, volume: 10 }));
  const bar = { time: T0 + count * 60_000, high: Math.max(last.open, last.close), low: Math.min(last.open, last.close), ...last };
  return stream("candles", [...quiet, bar], { granularity: "1m" });
}

export function fundingStream(rates: readonly number[], extra: Partial<StreamPacket> = {}): StreamPacket {
  return stream("funding", rates.map((funding, i) => ({ time: T0 + i * 3_600_000, funding, premium: 0 })), extra);
}

export const range = (from: number, step: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i * step);

export const risk = (over: Partial<Risk> = {}): Risk => ({ maxPositionPct: 20, maxLeverage: 3, stopLossPct: 2, takeProfitPct: 4, maxDailyLossPct: 4, ...over });
