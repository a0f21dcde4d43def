/**
 * The arguments of each command, validated after node:util's parseArgs has
 * split them. Every issue is attached to the option it concerns, so the one-line
 * error can name the option (see args.ts).
 */
import fs from "node:fs";
import { z } from "zod";
import type { Dataset } from "@/lib/domain/market/datasets";
import { INTERVALS, type Interval } from "@/lib/domain/market/resample";
import { REPLAY_ANCHOR, REPLAY_HORIZON_DAYS, REPLAY_SYMBOLS } from "@/lib/domain/market/replay/generator";
import { MACRO_SERIES, MARKET_SOURCES, VENUES, type MarketSource } from "@/lib/domain/market/types";
import { parseIsoTime } from "@/lib/iso-time";

const DAY = 86_400_000;

const missing = (iss: { input: unknown }) => (iss.input === undefined ? "is required" : undefined);
const text = () => z.string({ error: missing }).trim().min(1, { error: "must not be empty" });
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (iss) => missing(iss) ?? `"${String(iss.input)}" is not one of ${values.join(", ")}` });

/** An ISO date or date-time; without an offset it is read as UTC, never as the machine's local time. */
const isoTime = () =>
  z.string({ error: missing }).transform((value, ctx) => {
    const ms = parseIsoTime(value);
    if (ms === null) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not an ISO date (e.g. 2026-03-01 or 2026-03-01T12:00:00Z)` });
      return z.NEVER;
    }
    return ms;
  });


/** What each backfill source can fetch, by interval: the dataset it fills. */
export const BACKFILL_DATASETS: Record<MarketSource, Partial<Record<string, Dataset>>> = {
  replay: { "1m": "candles", "1h": "funding" },
  hyperliquid: { "1m": "candles", "1h": "funding" },
  polymarket: { "1m": "prediction-prices" },
  defillama: { "1d": "macro" },
};

function checkWindow(a: { from: number; to: number }, ctx: z.RefinementCtx) {
  if (a.from >= a.to) ctx.addIssue({ code: "custom", path: ["from"], message: `${iso(a.from)} is not before --to ${iso(a.to)}` });
}
const iso = (ms: number) => new Date(ms).toISOString();

function checkAsset(source: MarketSource, asset: string): string | null {
  switch (source) {
    case "replay":
      return REPLAY_SYMBOLS.includes(asset) ? null : `"${asset}" is not in the replay universe (${REPLAY_SYMBOLS.join(", ")})`;
    case "hyperliquid":
      return /^[A-Za-z0-9@]{1,20}$/.test(asset) ? null : `"${asset}" is not a Hyperliquid coin name (e.g. BTC, kPEPE)`;
    case "polymarket":
      return /^[a-z0-9-]+$/.test(asset) ? null : `"${asset}" is not a Polymarket market slug (lowercase words joined by -)`;
    case "defillama":
      return (MACRO_SERIES as readonly string[]).includes(asset) ? null : `"${asset}" is not one of ${MACRO_SERIES.join(", ")}`;
  }
}

export const backfillSchema = z
  .object({ source: oneOf(MARKET_SOURCES), asset: text(), interval: text(), from: isoTime(), to: isoTime() })
  .strict()
  .superRefine((a, ctx) => {
    const assetProblem = checkAsset(a.source, a.asset);
    if (assetProblem) ctx.addIssue({ code: "custom", path: ["asset"], message: assetProblem });
    const allowed = BACKFILL_DATASETS[a.source];
    if (!allowed[a.interval]) {
      const choices = Object.entries(allowed).map(([i, d]) => `${i} = ${d}`).join(", ");
      ctx.addIssue({ code: "custom", path: ["interval"], message: `${a.interval} is not available from ${a.source} (${choices})` });
    }
    checkWindow(a, ctx);
    if (a.source === "replay" && a.from < REPLAY_ANCHOR) {
      ctx.addIssue({ code: "custom", path: ["from"], message: `${iso(a.from)} is before the replay's first day ${iso(REPLAY_ANCHOR)}` });
    }
    const horizon = REPLAY_ANCHOR + REPLAY_HORIZON_DAYS * DAY;
    if (a.source === "replay" && a.to > horizon) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `${iso(a.to)} is after the replay's last day ${iso(horizon)}` });
    }
  })
  .transform((a) => ({ ...a, dataset: BACKFILL_DATASETS[a.source][a.interval] as Dataset }));
export type BackfillArgs = z.output<typeof backfillSchema>;

export const retrySchema = z.object({ channel: text() }).strict();
export type RetryArgs = z.output<typeof retrySchema>;

const INTERVAL_NAMES = Object.keys(INTERVALS) as [Interval, ...Interval[]];

export const showSchema = z
  .object({
    asset: text(),
    interval: oneOf(INTERVAL_NAMES),
    from: isoTime(),
    to: isoTime(),
    json: z.boolean().default(false),
    venue: oneOf(VENUES).default("HYPERLIQUID"),
  })
  .strict()
  .superRefine(checkWindow);
export type ShowArgs = z.output<typeof showSchema>;

export const importSchema = z
  .object({
    file: text().refine((f) => fs.statSync(f, { throwIfNoEntry: false })?.isFile() === true, {
      error: (iss) => `${String(iss.input)} does not exist or is not a file`,
    }),
    time: isoTime().optional(),
    tokenId: text().optional(),
    source: oneOf(MARKET_SOURCES).default("replay"),
  })
  .strict();
export type ImportArgs = z.output<typeof importSchema>;
