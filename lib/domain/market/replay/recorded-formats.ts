/**
 * Recognizing JSON recorded from the real APIs and turning it into the product's
 * records, so a recording can be replayed through the same ingestion path as live
 * data. Pure: the caller reads the file and supplies what the format lacks (a
 * time for allMids, the token id for prices-history).
 *
 * Recognized: Hyperliquid candleSnapshot, fundingHistory, l2Book and allMids
 * responses, and Polymarket CLOB prices-history. Only 1-minute candles are
 * accepted: the product stores minutes and derives coarser bars from them.
 */
import type { Candle, FundingRate, MidPrice, OrderBook, PredictionPricePoint } from "../types";
import { FieldReader, describe, isObject, pushTo, type JsonObject } from "./recorded-fields";
import { parseBook, parseCandles } from "./recorded-hyperliquid";

export { RecordedFormatError } from "./recorded-fields";

export type RecordedFormat = "candleSnapshot" | "fundingHistory" | "l2Book" | "allMids" | "prices-history";

export type RecordedBatch =
  | { kind: "candles"; symbol: string; interval: "1m"; candles: Candle[] }
  | { kind: "funding"; symbol: string; rates: FundingRate[] }
  | { kind: "book"; symbol: string; book: OrderBook }
  | { kind: "mids"; time: number; mids: MidPrice[] }
  | { kind: "prediction-prices"; tokenId: string; points: PredictionPricePoint[] };

export interface RecordedOptions {
  /** the time of an allMids snapshot, which the response itself does not carry */
  timeMs?: number;
  /** the outcome token a prices-history response was fetched for */
  tokenId?: string;
}

/** Which API response the JSON looks like, from its shape; null when none fits. */
export function detectRecordedFormat(json: unknown): RecordedFormat | null {
  if (Array.isArray(json)) {
    const first: unknown = json[0];
    if (!isObject(first)) return null;
    if ("fundingRate" in first && "coin" in first) return "fundingHistory";
    if ("t" in first && "o" in first && "i" in first) return "candleSnapshot";
    return null;
  }
  if (!isObject(json)) return null;
  if (Array.isArray(json.history)) return "prices-history";
  if ("levels" in json && "coin" in json) return "l2Book";
  const values = Object.values(json);
  return values.length > 0 && values.every((v) => typeof v === "string") ? "allMids" : null;
}

/**
 * Parses a recorded response into batches, one per coin for files that mix coins.
 * An empty array yields no batches: an empty response is a valid recording of nothing.
 */
export function parseRecorded(source: string, json: unknown, options: RecordedOptions = {}): RecordedBatch[] {
  const r = new FieldReader(source);
  if (Array.isArray(json) && json.length === 0) return [];
  const format = detectRecordedFormat(json);
  switch (format) {
    case "candleSnapshot":
      return parseCandles(r, json as unknown[]);
    case "fundingHistory":
      return parseFunding(r, json as unknown[]);
    case "l2Book":
      return [parseBook(r, json as JsonObject)];
    case "allMids":
      return [parseMids(r, json as JsonObject, options.timeMs)];
    case "prices-history":
      return [parsePriceHistory(r, json as JsonObject, options.tokenId)];
    case null:
      return r.fail("", `not a recognized recording (candleSnapshot, fundingHistory, l2Book, allMids, prices-history): ${shapeOf(json)}`);
  }
}

function parseFunding(r: FieldReader, rows: unknown[]): RecordedBatch[] {
  const bySymbol = new Map<string, FundingRate[]>();
  rows.forEach((row, i) => {
    const o = r.object(row, `[${i}]`);
    const symbol = r.text(o.coin, `[${i}].coin`);
    const rate = { symbol, time: r.integer(o.time, `[${i}].time`), rate: r.decimal(o.fundingRate, `[${i}].fundingRate`), premium: r.decimal(o.premium, `[${i}].premium`) };
    pushTo(bySymbol, symbol, rate);
  });
  return [...bySymbol].map(([symbol, rates]) => ({ kind: "funding", symbol, rates: rates.sort((a, b) => a.time - b.time) }));
}

function parseMids(r: FieldReader, o: JsonObject, timeMs: number | undefined): RecordedBatch {
  if (timeMs === undefined) return r.fail("", "an allMids snapshot carries no time: pass the time it was taken (timeMs)");
  const time = r.integer(timeMs, "timeMs");
  const mids = Object.entries(o).map(([symbol, v]) => ({ symbol, time, price: r.positive(v, symbol) }));
  return { kind: "mids", time, mids };
}

function parsePriceHistory(r: FieldReader, o: JsonObject, tokenId: string | undefined): RecordedBatch {
  if (!tokenId) return r.fail("", "a prices-history response does not name its token: pass the token id it was fetched for (tokenId)");
  const points = r.array(o.history, "history").map((row, i) => {
    const p = r.object(row, `history[${i}]`);
    // the CLOB answers in unix seconds
    const time = r.integer(p.t, `history[${i}].t`) * 1000;
    const price = r.decimal(p.p, `history[${i}].p`);
    if (price < 0 || price > 1) r.fail(`history[${i}].p`, `a probability must be within [0, 1], got ${describe(p.p)}`);
    return { tokenId, time, price };
  });
  return { kind: "prediction-prices", tokenId, points: points.sort((a, b) => a.time - b.time) };
}

function shapeOf(json: unknown): string {
  if (Array.isArray(json)) return `an array of ${isObject(json[0]) ? `objects with keys ${Object.keys(json[0]).slice(0, 8).join(",")}` : describe(json[0])}`;
  if (isObject(json)) return `an object with keys ${Object.keys(json).slice(0, 8).join(",") || "(none)"}`;
  return describe(json);
}
