/**
 * Polymarket's wire formats (Gamma markets and events, CLOB book, price and price
 * history) turned into the product's records. A payload that does not match
 * throws an Error whose message starts with the offending field's path, which
 * HttpJsonClient wraps into MalformedResponseError.
 */
import { z } from "zod";
import type { BookLevel, OrderBook, PredictionMarketInfo, PredictionPricePoint } from "@/lib/domain/market/types";
import { decimal, optionalDecimal } from "../wire-decimal";

export interface PredictionEvent {
  id: string;
  slug: string;
  title: string;
  markets: PredictionMarketInfo[];
}

export type BookSide = "BUY" | "SELL";


/**
 * Gamma ships outcomes, outcomePrices and clobTokenIds as JSON-encoded strings;
 * an already-decoded array is accepted too in case the API ever stops encoding.
 */
const encodedArray = <T extends z.ZodType>(item: T) =>
  z.preprocess((value, ctx) => {
    if (typeof value !== "string") return value;
    try {
      return JSON.parse(value);
    } catch {
      ctx.addIssue({ code: "custom", message: `expected a JSON-encoded array, got ${JSON.stringify(value.slice(0, 40))}` });
      return value;
    }
  }, z.array(item));

/** Gamma ids are numeric strings; a plain number is taken too. */
const idString = z.union([z.string().min(1), z.number().int()]).transform(String);
/** Token ids are ~77-digit integers: only a string keeps them exact. */
const tokenIdString = z.string().regex(/^\d+$/, "expected a decimal token id string");

const isoTime = z
  .string()
  .nullish()
  .transform((value, ctx) => {
    if (value === null || value === undefined || value === "") return null;
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: "custom", message: `expected an ISO date, got ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return ms;
  });

const gammaMarketSchema = z
  .object({
    id: idString,
    question: z.string(),
    conditionId: z.string(),
    slug: z.string(),
    outcomes: encodedArray(z.string()),
    outcomePrices: encodedArray(decimal),
    clobTokenIds: encodedArray(tokenIdString),
    endDate: isoTime,
    active: z.boolean(),
    closed: z.boolean(),
    volume: optionalDecimal,
    volumeNum: optionalDecimal,
    liquidity: optionalDecimal,
    liquidityNum: optionalDecimal,
    bestBid: optionalDecimal,
    bestAsk: optionalDecimal,
  })
  .superRefine((m, ctx) => {
    for (const field of ["outcomePrices", "clobTokenIds"] as const) {
      if (m[field].length !== m.outcomes.length) {
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: `has ${m[field].length} entries but outcomes has ${m.outcomes.length}; they must be index-aligned`,
        });
      }
    }
  })
  .transform(
    (m): PredictionMarketInfo => ({
      id: m.id,
      conditionId: m.conditionId,
      slug: m.slug,
      question: m.question,
      outcomes: m.outcomes,
      outcomePrices: m.outcomePrices,
      tokenIds: m.clobTokenIds,
      endDate: m.endDate,
      active: m.active,
      closed: m.closed,
      // the *Num twins are Gamma's own parsed figures; the strings are the fallback
      volume: m.volumeNum ?? m.volume,
      liquidity: m.liquidityNum ?? m.liquidity,
      bestBid: m.bestBid,
      bestAsk: m.bestAsk,
    }),
  );

const gammaEventSchema = z.object({
  id: idString,
  slug: z.string(),
  title: z.string(),
  markets: z.array(gammaMarketSchema),
});

const levelSchema = z.object({ price: decimal, size: decimal }).transform((l): BookLevel => ({ px: l.price, sz: l.size, n: null }));

const msString = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const n = typeof value === "number" ? value : /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) {
    ctx.addIssue({ code: "custom", message: `expected integer epoch milliseconds, got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return n;
});

const bookSchema = z.object({
  asset_id: z.string().optional(),
  timestamp: msString,
  bids: z.array(levelSchema),
  asks: z.array(levelSchema),
});

const priceSchema = z.object({ price: decimal });

const historySchema = z.object({
  history: z.array(z.object({ t: z.number().int().nonnegative(), p: decimal })),
});

/** Runs a schema and reports the first problem as "path: message". */
function parseWith<T>(schema: z.ZodType<T>, json: unknown): T {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new Error("payload: invalid");
  throw new Error(`${formatPath(issue.path) || "payload"}: ${issue.message}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}

export const parseGammaMarket = (json: unknown): PredictionMarketInfo => parseWith(gammaMarketSchema, json);

export const parseGammaMarkets = (json: unknown): PredictionMarketInfo[] => parseWith(z.array(gammaMarketSchema), json);

export const parseGammaEvents = (json: unknown): PredictionEvent[] => parseWith(z.array(gammaEventSchema), json);

/** Best first whatever the wire order: the CLOB has been seen sending bids ascending and asks descending. */
export function parseBook(json: unknown, tokenId: string): OrderBook {
  const book = parseWith(bookSchema, json);
  if (book.asset_id !== undefined && book.asset_id !== tokenId) {
    throw new Error(`asset_id: expected ${tokenId}, got ${book.asset_id}`);
  }
  return {
    symbol: tokenId,
    time: book.timestamp,
    bids: [...book.bids].sort((a, b) => b.px - a.px),
    asks: [...book.asks].sort((a, b) => a.px - b.px),
  };
}

export const parsePrice = (json: unknown): number => parseWith(priceSchema, json).price;

/** Seconds to ms, time-ordered, one point per timestamp (the last one the wire sent wins). */
export function parsePricesHistory(json: unknown, tokenId: string): PredictionPricePoint[] {
  const byTime = new Map<number, number>();
  for (const { t, p } of parseWith(historySchema, json).history) byTime.set(t * 1000, p);
  return [...byTime.entries()].sort(([a], [b]) => a - b).map(([time, price]) => ({ tokenId, time, price }));
}
