/** What a stored record must satisfy, whichever source it came from. */
import type { Candle } from "./types";

/** Why a candle cannot be stored, or null when it is fine. Allocation-free: it runs on every ingested row. */
export function candleProblem(c: Candle): string | null {
  if (!Number.isInteger(c.openTime) || c.openTime % 60_000 !== 0) return "does not open on a minute boundary";
  if (!(c.open > 0 && c.high > 0 && c.low > 0 && c.close > 0) || !Number.isFinite(c.high)) {
    return `has a non-positive or non-finite price (o ${c.open} h ${c.high} l ${c.low} c ${c.close})`;
  }
  if (c.low > c.open || c.low > c.close || c.high < c.open || c.high < c.close || c.low > c.high) {
    return `has inconsistent OHLC (o ${c.open} h ${c.high} l ${c.low} c ${c.close})`;
  }
  if (!(c.volume >= 0) || !Number.isFinite(c.volume)) return `has a negative or non-finite volume (${c.volume})`;
  if (!Number.isInteger(c.trades) || c.trades < 0) return `has a bad trade count (${c.trades})`;
  return null;
}

export function checkCandles(candles: readonly Candle[], where: string): void {
  for (const c of candles) {
    const problem = candleProblem(c);
    if (problem) throw new Error(`${where}: candle at ${new Date(c.openTime).toISOString()} ${problem}`);
  }
}

export function checkFinite(value: number | null, where: string): void {
  if (value !== null && !Number.isFinite(value)) throw new Error(`${where}: not a finite number (${value})`);
}
