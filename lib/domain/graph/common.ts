/** Small pieces every block schema shares. */
import { z } from "zod";
import { BLOCK_ID_PATTERN, DAY_MS, HOUR_MS, MINUTE_MS } from "./vocabulary";

export const blockIdSchema = z
  .string()
  .regex(BLOCK_ID_PATTERN, { error: "A block id is 1-64 letters, digits, '-' or '_', starting with a letter or digit" });

/** A Polymarket slug as it appears in market and event URLs. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "A Polymarket slug is lowercase words joined by '-', like will-btc-close-above-100k" })
  .max(200);

/**
 * A Hyperliquid perp name: the coin's ticker ("BTC"), Hyperliquid's thousand-unit
 * coins ("kPEPE"), or a builder-deployed perp with its dex prefix ("xyz:TSLA").
 */
export const HYPERLIQUID_SYMBOL_PATTERN = /^(?:[a-z0-9]{1,12}:)?k?[A-Z0-9]{1,20}$/;

export const hyperliquidSymbolSchema = z
  .string()
  .regex(HYPERLIQUID_SYMBOL_PATTERN, { error: "A Hyperliquid symbol is the coin's ticker in capitals, like BTC or kPEPE" });

/** "3 hours 20 minutes", for messages that compare durations. */
export function formatDuration(ms: number): string {
  const parts: string[] = [];
  let rest = Math.ceil(ms / MINUTE_MS) * MINUTE_MS;
  for (const [unit, size] of [["day", DAY_MS], ["hour", HOUR_MS], ["minute", MINUTE_MS]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n} ${unit}${n === 1 ? "" : "s"}`);
    rest -= n * size;
  }
  return parts.length > 0 ? parts.join(" ") : "0 minutes";
}

/** Every position after the first occurrence of a value, so duplicates can be reported where they sit. */
export function duplicateIndexes<T>(values: readonly T[]): number[] {
  const seen = new Set<T>();
  const dups: number[] = [];
  values.forEach((v, i) => {
    if (seen.has(v)) dups.push(i);
    seen.add(v);
  });
  return dups;
}
