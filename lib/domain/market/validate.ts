/** What a stored record must satisfy, whichever source it came from. */
import type { Candle } from "./types";

export function checkCandle(c: Candle, where: string): void {
  const bad = (why: string) => {
    throw new Error(`${where}: candle at ${new Date(c.openTime).toISOString()} ${why}`);
  };
  if (!Number.isInteger(c.openTime) || c.openTime % 60_000 !== 0) bad("does not open on a minute boundary");
  for (const [k, v] of Object.entries({ open: c.open, high: c.high, low: c.low, close: c.close })) {
    if (!Number.isFinite(v) || v <= 0) bad(`has a non-positive ${k} (${v})`);
  }
  if (c.low > Math.min(c.open, c.close) || c.high < Math.max(c.open, c.close) || c.low > c.high) {
    bad(`has inconsistent OHLC (o ${c.open} h ${c.high} l ${c.low} c ${c.close})`);
  }
  if (!Number.isFinite(c.volume) || c.volume < 0) bad(`has a negative volume (${c.volume})`);
  if (!Number.isInteger(c.trades) || c.trades < 0) bad(`has a bad trade count (${c.trades})`);
}

export function checkFinite(value: number | null, where: string): void {
  if (value !== null && !Number.isFinite(value)) throw new Error(`${where}: not a finite number (${value})`);
}
