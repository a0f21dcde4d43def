/**
 * Hyperliquid candleSnapshot and l2Book recordings. Candles are checked as a
 * stored minute must be (1-minute interval, open time on the minute, OHLC
 * consistent) because a wrong bar would silently mislead every strategy reading it.
 */
import type { BookLevel, Candle } from "../types";
import { FieldReader, pushTo, type JsonObject } from "./recorded-fields";
import type { RecordedBatch } from "./recorded-formats";

const MINUTE_MS = 60_000;

export function parseCandles(r: FieldReader, rows: unknown[]): RecordedBatch[] {
  const bySymbol = new Map<string, Candle[]>();
  rows.forEach((row, i) => {
    const o = r.object(row, `[${i}]`);
    const interval = r.text(o.i, `[${i}].i`);
    if (interval !== "1m") {
      r.fail(`[${i}].i`, `interval "${interval}": only 1m candles are stored (coarser bars are derived from them); record with interval "1m"`);
    }
    const symbol = r.text(o.s, `[${i}].s`);
    pushTo(bySymbol, symbol, candle(r, o, `[${i}]`));
  });
  return [...bySymbol].map(([symbol, candles]) => ({ kind: "candles", symbol, interval: "1m", candles: dedupe(r, symbol, candles) }));
}

function candle(r: FieldReader, o: JsonObject, at: string): Candle {
  const openTime = r.integer(o.t, `${at}.t`);
  if (openTime % MINUTE_MS !== 0) r.fail(`${at}.t`, `a 1m candle opens on the minute, got ${openTime}`);
  const closeTime = r.integer(o.T, `${at}.T`);
  // Hyperliquid stamps t + 59 999; accept t + 60 000 too and store the product's convention
  if (closeTime <= openTime || closeTime > openTime + MINUTE_MS) r.fail(`${at}.T`, `close time ${closeTime} is not within the minute opening at ${openTime}`);
  const c: Candle = {
    openTime,
    closeTime: openTime + MINUTE_MS - 1,
    open: r.positive(o.o, `${at}.o`),
    high: r.positive(o.h, `${at}.h`),
    low: r.positive(o.l, `${at}.l`),
    close: r.positive(o.c, `${at}.c`),
    volume: r.nonNegative(o.v, `${at}.v`),
    trades: r.integer(o.n, `${at}.n`),
  };
  if (c.low > Math.min(c.open, c.close)) r.fail(`${at}.l`, `low ${c.low} is above the open or close`);
  if (c.high < Math.max(c.open, c.close)) r.fail(`${at}.h`, `high ${c.high} is below the open or close`);
  return c;
}

/** Sorted by open time; a minute recorded twice must agree with itself. */
function dedupe(r: FieldReader, symbol: string, candles: Candle[]): Candle[] {
  const sorted = [...candles].sort((a, b) => a.openTime - b.openTime);
  const out: Candle[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last.openTime === c.openTime) {
      if (JSON.stringify(last) !== JSON.stringify(c)) r.fail("", `${symbol} has two different candles opening at ${c.openTime}`);
      continue;
    }
    out.push(c);
  }
  return out;
}

export function parseBook(r: FieldReader, o: JsonObject): RecordedBatch {
  const symbol = r.text(o.coin, "coin");
  const time = r.integer(o.time, "time");
  const levels = r.array(o.levels, "levels");
  if (levels.length !== 2) r.fail("levels", `expected [bids, asks], got ${levels.length} sides`);
  const [bids, asks] = [0, 1].map((s) =>
    r.array(levels[s], `levels[${s}]`).map((level, i): BookLevel => {
      const l = r.object(level, `levels[${s}][${i}]`);
      return { px: r.positive(l.px, `levels[${s}][${i}].px`), sz: r.positive(l.sz, `levels[${s}][${i}].sz`), n: r.integer(l.n, `levels[${s}][${i}].n`) };
    }),
  ) as [BookLevel[], BookLevel[]];
  bids.sort((a, b) => b.px - a.px);
  asks.sort((a, b) => a.px - b.px);
  const bestBid = bids[0];
  const bestAsk = asks[0];
  if (bestBid && bestAsk && bestBid.px >= bestAsk.px) r.fail("levels", `crossed book: best bid ${bestBid.px} >= best ask ${bestAsk.px}`);
  return { kind: "book", symbol, book: { symbol, time, bids, asks } };
}
