/**
 * DefiLlama's wire formats turned into MacroPoint series (ms times, USD values,
 * time-ordered, one point per time). A payload that does not match throws an
 * Error whose message starts with the offending field's path, which
 * HttpJsonClient wraps into MalformedResponseError.
 */
import { z } from "zod";
import type { MacroPoint } from "@/lib/domain/market/types";
import { decimal, optionalDecimal } from "../wire-decimal";

/** The headline figures of an /overview/{dexs,fees} answer; DefiLlama sends null where it has no figure. */
export interface OverviewSummary {
  total24h: number | null;
  total48hto24h: number | null;
  total7d: number | null;
  total30d: number | null;
  total1y: number | null;
  totalAllTime: number | null;
  /** percent */
  change_1d: number | null;
  change_7d: number | null;
  change_1m: number | null;
}

export interface Overview {
  points: MacroPoint[];
  summary: OverviewSummary;
}


/** Unix seconds: a number on api.llama.fi, a numeric string on stablecoins.llama.fi. */
const unixSeconds = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const n = typeof value === "number" ? value : /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) {
    ctx.addIssue({ code: "custom", message: `expected unix seconds, got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return n;
});

const chainTvlSchema = z.array(z.object({ date: unixSeconds, tvl: decimal }));

const stablecoinChartSchema = z.array(
  z.object({
    date: unixSeconds,
    totalCirculatingUSD: z.record(z.string(), decimal).refine((pegs) => Object.keys(pegs).length > 0, "expected at least one peg"),
  }),
);

const overviewSchema = z.object({
  totalDataChart: z.array(z.tuple([unixSeconds, decimal])),
  total24h: optionalDecimal,
  total48hto24h: optionalDecimal,
  total7d: optionalDecimal,
  total30d: optionalDecimal,
  total1y: optionalDecimal,
  totalAllTime: optionalDecimal,
  change_1d: optionalDecimal,
  change_7d: optionalDecimal,
  change_1m: optionalDecimal,
});

/** Runs a schema and reports the first problem as "path: message". */
function parseWith<T>(schema: z.ZodType<T>, json: unknown): T {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []).map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
  throw new Error(`${path || "payload"}: ${issue?.message ?? "invalid"}`);
}

/** Seconds to ms, sorted; a repeated day keeps the value sent last. */
function toSeries(points: Iterable<readonly [number, number]>): MacroPoint[] {
  const byTime = new Map<number, number>();
  for (const [seconds, value] of points) byTime.set(seconds * 1000, value);
  return [...byTime.entries()].sort(([a], [b]) => a - b).map(([time, value]) => ({ time, value }));
}

export function parseChainTvl(json: unknown): MacroPoint[] {
  return toSeries(parseWith(chainTvlSchema, json).map((p) => [p.date, p.tvl] as const));
}

/**
 * Total stablecoin supply in USD: the sum of every peg in totalCirculatingUSD
 * (peggedUSD, peggedEUR, …, each already converted to USD), which is the
 * headline market cap DefiLlama shows, not the USD-pegged share alone.
 */
export function parseStablecoinSupply(json: unknown): MacroPoint[] {
  return toSeries(
    parseWith(stablecoinChartSchema, json).map((row) => [row.date, Object.values(row.totalCirculatingUSD).reduce((sum, v) => sum + v, 0)] as const),
  );
}

export function parseOverview(json: unknown): Overview {
  const { totalDataChart, ...summary } = parseWith(overviewSchema, json);
  return { points: toSeries(totalDataChart), summary };
}
