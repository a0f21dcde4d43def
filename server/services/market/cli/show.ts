/**
 * `market show`: stored 1-minute candles of an asset, resampled to the interval
 * asked for. With --json stdout carries the JSON array and nothing else, so the
 * output can be piped into jq or a notebook.
 */
import { resample } from "@/lib/domain/market/resample";
import type { Candle } from "@/lib/domain/market/types";
import { findAsset } from "@/server/repositories/market/assets";
import { candlesInRange } from "@/server/repositories/market/series";
import { EXIT, iso, type CliDeps } from "./context";
import type { ShowArgs } from "./schemas";

export interface CandleJson {
  openTime: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  trades: number;
}

export const candleJson = (c: Candle): CandleJson => ({
  openTime: iso(c.openTime),
  open: c.open,
  high: c.high,
  low: c.low,
  close: c.close,
  volume: c.volume,
  trades: c.trades,
});

export async function show(args: ShowArgs, deps: Pick<CliDeps, "db" | "stdout" | "stderr">): Promise<number> {
  const { db, stdout, stderr } = deps;
  const asset = await findAsset(db, args.venue, args.asset);
  if (!asset) {
    stderr.write(`market show: --asset ${args.asset}: no such asset on ${args.venue} in market memory\n`);
    return EXIT.failed;
  }
  const candles = resample(await candlesInRange(db, asset.id, args.from, args.to), args.interval).map(candleJson);
  if (args.json) {
    stdout.write(`${JSON.stringify(candles)}\n`);
    return EXIT.ok;
  }
  stdout.write(table(candles));
  stdout.write(`${candles.length} ${args.interval} candle(s) of ${args.venue}:${args.asset} in [${iso(args.from)}, ${iso(args.to)})\n`);
  return EXIT.ok;
}

const COLUMNS = ["openTime", "open", "high", "low", "close", "volume", "trades"] as const;

function table(candles: CandleJson[]): string {
  if (candles.length === 0) return "";
  const rows = [["open time (UTC)", ...COLUMNS.slice(1)], ...candles.map((c) => COLUMNS.map((k) => String(c[k])))];
  const widths = COLUMNS.map((_k, i) => Math.max(...rows.map((r) => r[i]!.length)));
  // the time left-aligned, numbers right-aligned so their digits line up
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ")).join("\n") + "\n";
}
