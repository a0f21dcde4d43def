/**
 * Hyperliquid `/info` bodies (and WebSocket payloads) -> the product's market
 * records. Validation is by hand rather than by schema so every refusal names
 * the exact path of the bad field ("candleSnapshot[3].h"), which is what an
 * operator needs when the venue changes a format under us.
 */
import type { AssetContext, BookLevel, Candle, FundingRate, MidPrice, OrderBook } from "@/lib/domain/market/types";
import { parseDecimal, parseOptionalDecimal } from "@/lib/domain/market/decimal";

export class MalformedFieldError extends Error {
  constructor(
    public readonly field: string,
    expected: string,
    value: unknown,
  ) {
    super(`${field}: expected ${expected}, got ${JSON.stringify(value)?.slice(0, 60) ?? String(value)}`);
    this.name = "MalformedFieldError";
  }
}

type Obj = Record<string, unknown>;

export function record(v: unknown, field: string): Obj {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new MalformedFieldError(field, "an object", v);
  return v as Obj;
}

export function list(v: unknown, field: string): unknown[] {
  if (!Array.isArray(v)) throw new MalformedFieldError(field, "an array", v);
  return v;
}

/** Times and counts: the venue sends JSON integers, never strings. */
export function int(v: unknown, field: string): number {
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) throw new MalformedFieldError(field, "a non-negative integer", v);
  return v;
}

export function text(v: unknown, field: string): string {
  if (typeof v !== "string" || v === "") throw new MalformedFieldError(field, "a non-empty string", v);
  return v;
}

function optionalNumber(v: unknown, field: string): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== "number" || !Number.isFinite(v)) throw new MalformedFieldError(field, "a number", v);
  return v;
}

/** `{coin: midStr}` -> mids stamped with `time`, since the venue sends none. */
export function parseAllMids(json: unknown, time: number, field = "allMids"): MidPrice[] {
  const mids = record(json, field);
  return Object.keys(mids)
    .sort()
    .map((symbol) => ({ symbol, time, price: parseDecimal(mids[symbol], `${field}.${symbol}`) }));
}

export interface ParsedWireCandle {
  coin: string;
  interval: string;
  candle: Candle;
}

export function parseWireCandle(row: unknown, field: string): ParsedWireCandle {
  const r = record(row, field);
  const openTime = int(r.t, `${field}.t`);
  const closeTime = int(r.T, `${field}.T`);
  if (closeTime < openTime) throw new MalformedFieldError(`${field}.T`, `a close time >= t (${openTime})`, r.T);
  return {
    coin: text(r.s, `${field}.s`),
    interval: text(r.i, `${field}.i`),
    candle: {
      openTime,
      closeTime,
      open: parseDecimal(r.o, `${field}.o`),
      high: parseDecimal(r.h, `${field}.h`),
      low: parseDecimal(r.l, `${field}.l`),
      close: parseDecimal(r.c, `${field}.c`),
      volume: parseDecimal(r.v, `${field}.v`),
      trades: int(r.n, `${field}.n`),
    },
  };
}

/** Sorted by open time; a repeated open time keeps the last row (the freshest). */
export function parseCandleSnapshot(json: unknown): Candle[] {
  const byOpen = new Map<number, Candle>();
  list(json, "candleSnapshot").forEach((row, i) => {
    const { candle } = parseWireCandle(row, `candleSnapshot[${i}]`);
    byOpen.set(candle.openTime, candle);
  });
  return [...byOpen.values()].sort((a, b) => a.openTime - b.openTime);
}

export function parseMetaAndAssetCtxs(json: unknown, time: number): AssetContext[] {
  const pair = list(json, "metaAndAssetCtxs");
  const universe = list(record(pair[0], "metaAndAssetCtxs[0]").universe, "metaAndAssetCtxs[0].universe");
  const ctxs = list(pair[1], "metaAndAssetCtxs[1]");
  // ctx i belongs to universe entry i: a length mismatch means we cannot pair them safely
  if (ctxs.length !== universe.length) {
    throw new MalformedFieldError("metaAndAssetCtxs[1]", `${universe.length} contexts (one per universe entry)`, `${ctxs.length} contexts`);
  }
  return universe.map((entry, i) => {
    const u = record(entry, `metaAndAssetCtxs[0].universe[${i}]`);
    const f = `metaAndAssetCtxs[1][${i}]`;
    const c = record(ctxs[i], f);
    const impact = c.impactPxs === null || c.impactPxs === undefined ? null : list(c.impactPxs, `${f}.impactPxs`);
    return {
      symbol: text(u.name, `metaAndAssetCtxs[0].universe[${i}].name`),
      time,
      funding: parseDecimal(c.funding, `${f}.funding`),
      openInterest: parseDecimal(c.openInterest, `${f}.openInterest`),
      markPx: parseDecimal(c.markPx, `${f}.markPx`),
      oraclePx: parseDecimal(c.oraclePx, `${f}.oraclePx`),
      midPx: parseOptionalDecimal(c.midPx, `${f}.midPx`),
      premium: parseOptionalDecimal(c.premium, `${f}.premium`),
      prevDayPx: parseDecimal(c.prevDayPx, `${f}.prevDayPx`),
      dayNtlVlm: parseDecimal(c.dayNtlVlm, `${f}.dayNtlVlm`),
      dayBaseVlm: parseOptionalDecimal(c.dayBaseVlm, `${f}.dayBaseVlm`),
      impactBidPx: impact ? parseDecimal(impact[0], `${f}.impactPxs[0]`) : null,
      impactAskPx: impact ? parseDecimal(impact[1], `${f}.impactPxs[1]`) : null,
      maxLeverage: optionalNumber(u.maxLeverage, `metaAndAssetCtxs[0].universe[${i}].maxLeverage`),
      szDecimals: optionalNumber(u.szDecimals, `metaAndAssetCtxs[0].universe[${i}].szDecimals`),
    };
  });
}

/** Sorted by time, one rate per time. */
export function parseFundingHistory(json: unknown): FundingRate[] {
  const byTime = new Map<number, FundingRate>();
  list(json, "fundingHistory").forEach((row, i) => {
    const f = `fundingHistory[${i}]`;
    const r = record(row, f);
    const rate: FundingRate = {
      symbol: text(r.coin, `${f}.coin`),
      time: int(r.time, `${f}.time`),
      rate: parseDecimal(r.fundingRate, `${f}.fundingRate`),
      premium: parseDecimal(r.premium, `${f}.premium`),
    };
    byTime.set(rate.time, rate);
  });
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

function parseLevels(v: unknown, field: string): BookLevel[] {
  return list(v, field).map((level, i) => {
    const l = record(level, `${field}[${i}]`);
    return {
      px: parseDecimal(l.px, `${field}[${i}].px`),
      sz: parseDecimal(l.sz, `${field}[${i}].sz`),
      n: l.n === undefined || l.n === null ? null : int(l.n, `${field}[${i}].n`),
    };
  });
}

/** Best first on both sides, whatever order the venue used. */
export function parseL2Book(json: unknown): OrderBook {
  const b = record(json, "l2Book");
  const levels = list(b.levels, "l2Book.levels");
  if (levels.length !== 2) throw new MalformedFieldError("l2Book.levels", "[bids, asks]", `${levels.length} sides`);
  return {
    symbol: text(b.coin, "l2Book.coin"),
    time: int(b.time, "l2Book.time"),
    bids: parseLevels(levels[0], "l2Book.levels[0]").sort((x, y) => y.px - x.px),
    asks: parseLevels(levels[1], "l2Book.levels[1]").sort((x, y) => x.px - y.px),
  };
}
