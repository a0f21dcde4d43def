/** Price tables and a candle builder shared by the indicator tests (not used by the product). */
import type { Candle } from "@/lib/domain/market/types";

export const HOUR_MS = 3_600_000;
/** 2024-01-01T00:00:00Z */
export const T0 = Date.UTC(2024, 0, 1);

export interface Bar {
  close: number;
  high?: number;
  low?: number;
  volume?: number;
}

/** Bars → candles one `barMs` apart from `start`; high/low default to the close. */
export function candlesOf(bars: readonly Bar[], barMs = HOUR_MS, start = T0): Candle[] {
  return bars.map((b, i) => {
    const openTime = start + i * barMs;
    return {
      openTime,
      closeTime: openTime + barMs - 1,
      open: b.close,
      high: b.high ?? b.close,
      low: b.low ?? b.close,
      close: b.close,
      volume: b.volume ?? 1,
      trades: 1,
    };
  });
}

export const closesOf = (candles: readonly Candle[]) => candles.map((c) => c.close);

/** 33 closes of the kind RSI tutorials use (StockCharts' example series). */
export const TUTORIAL_CLOSES = [
  44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.1, 45.42, 45.84, 46.08, 45.89, 46.03, 45.61, 46.28, 46.28, 46.0, 46.03,
  46.41, 46.22, 45.64, 46.21, 46.25, 45.71, 46.45, 45.78, 45.35, 44.03, 44.18, 44.22, 44.57, 43.42, 42.66, 43.13,
];

/** 60 closes: an uptrend with a swing and some noise, rounded to cents. */
export const WAVE_CLOSES = Array.from({ length: 60 }, (_, i) =>
  Math.round((100 + 8 * Math.sin(i / 4) + 0.3 * i + (((i * 7) % 5) - 2) * 0.6) * 100) / 100,
);

/** [high, low, close] rows with gaps both ways, so every branch of the true range is taken. */
export const HLC_ROWS: readonly (readonly [number, number, number])[] = [
  [10.5, 9.5, 10.0],
  [11.0, 10.2, 10.8],
  [10.6, 9.9, 10.1],
  [10.4, 10.0, 10.3],
  [9.8, 9.2, 9.5],
  [10.9, 10.3, 10.7],
  [11.2, 10.6, 11.0],
  [11.5, 11.1, 11.4],
  [11.3, 10.5, 10.6],
  [10.8, 10.2, 10.7],
  [12.0, 11.2, 11.9],
  [11.8, 11.0, 11.1],
  [11.4, 10.7, 11.3],
  [11.6, 11.1, 11.2],
  [10.9, 10.1, 10.4],
  [10.6, 9.8, 10.5],
  [11.0, 10.4, 10.9],
  [11.7, 10.9, 11.6],
];

export const hlcCandles = () => candlesOf(HLC_ROWS.map(([high, low, close]) => ({ high, low, close })));

/** A deterministic positive random walk (mulberry32), for property tests. */
export function randomWalk(count: number, seed = 42, start = 100, barMs = HOUR_MS): Candle[] {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let price = start;
  const bars: Bar[] = [];
  for (let i = 0; i < count; i++) {
    price *= Math.exp((rand() - 0.5) * 0.02);
    const spread = price * rand() * 0.01;
    bars.push({ close: price, high: price + spread, low: price - spread * rand(), volume: rand() < 0.1 ? 0 : rand() * 50 });
  }
  return candlesOf(bars, barMs);
}
