/**
 * The routes of the fake Polymarket (see polymarket-mock.ts): the query
 * semantics the real Gamma and CLOB have, so a client that sends the wrong
 * parameters gets the wrong answer here too.
 */
import type { Reply } from "./local-server";
import type { ClobBook, ClobHistoryPoint, GammaEventRow, GammaMarketRow, PolymarketMockData } from "./polymarket-mock";

export interface MockSettings {
  now: () => number;
  maxLimit: number;
}

const notFound = (error: string): Reply => ({ status: 404, json: { error } });
const badRequest = (error: string): Reply => ({ status: 400, json: { error } });

const flag = (q: URLSearchParams, key: string) => (q.has(key) ? q.get(key) === "true" : undefined);
const numberParam = (q: URLSearchParams, key: string) => (q.has(key) ? Number(q.get(key)) : undefined);
const decode = (encoded: string): string[] => JSON.parse(encoded) as string[];

export function gammaReply(data: PolymarketMockData, settings: MockSettings, path: string, q: URLSearchParams): Reply {
  if (path === "/markets") return page(sortRows(data.markets.filter(marketFilter(q)), q), q, settings);
  if (path === "/events") return page(data.events.filter(eventFilter(q)), q, settings);
  const bySlug = /^\/markets\/slug\/([^/]+)$/.exec(path);
  if (bySlug) {
    const slug = decodeURIComponent(bySlug[1] ?? "");
    const row = data.markets.find((m) => m.slug === slug);
    return row ? { json: row } : notFound("market not found");
  }
  const byId = /^\/markets\/([^/]+)$/.exec(path);
  if (byId) {
    const row = data.markets.find((m) => m.id === byId[1]);
    return row ? { json: row } : notFound("market not found");
  }
  return notFound("not found");
}

/** Closed markets are left out unless `closed` is passed, as on the real Gamma. */
function marketFilter(q: URLSearchParams): (row: GammaMarketRow) => boolean {
  const closed = flag(q, "closed");
  const active = flag(q, "active");
  const archived = flag(q, "archived");
  const ids = q.getAll("id");
  const slugs = q.getAll("slug");
  const tokens = q.getAll("clob_token_ids");
  const conditions = q.getAll("condition_ids");
  const tag = q.get("tag_id");
  const liquidityMin = numberParam(q, "liquidity_num_min");
  const volumeMin = numberParam(q, "volume_num_min");
  const dateIn = (value: string | undefined, minKey: string, maxKey: string) => {
    const min = q.get(minKey);
    const max = q.get(maxKey);
    if (min === null && max === null) return true;
    if (value === undefined) return false;
    const t = Date.parse(value);
    return (min === null || t >= Date.parse(min)) && (max === null || t <= Date.parse(max));
  };
  return (m) =>
    (closed === undefined ? !m.closed : m.closed === closed) &&
    (active === undefined || m.active === active) &&
    (archived === undefined || m.archived === archived) &&
    (ids.length === 0 || ids.includes(m.id)) &&
    (slugs.length === 0 || slugs.includes(m.slug)) &&
    (tokens.length === 0 || decode(m.clobTokenIds).some((t) => tokens.includes(t))) &&
    (conditions.length === 0 || conditions.includes(m.conditionId)) &&
    (tag === null || (m.tags ?? []).some((t) => t.id === tag)) &&
    (liquidityMin === undefined || m.liquidityNum >= liquidityMin) &&
    (volumeMin === undefined || m.volumeNum >= volumeMin) &&
    dateIn(m.startDate, "start_date_min", "start_date_max") &&
    dateIn(m.endDate, "end_date_min", "end_date_max");
}

function eventFilter(q: URLSearchParams): (row: GammaEventRow) => boolean {
  const closed = flag(q, "closed");
  const active = flag(q, "active");
  const ids = q.getAll("id");
  const slugs = q.getAll("slug");
  return (e) =>
    (closed === undefined ? !e.closed : e.closed === closed) &&
    (active === undefined || e.active === active) &&
    (ids.length === 0 || ids.includes(e.id)) &&
    (slugs.length === 0 || slugs.includes(e.slug));
}

/** `order` names a row field; descending unless `ascending=true`. */
function sortRows(rows: GammaMarketRow[], q: URLSearchParams): GammaMarketRow[] {
  const field = q.get("order") as keyof GammaMarketRow | null;
  if (!field) return rows;
  const sign = q.get("ascending") === "true" ? 1 : -1;
  const key = (row: GammaMarketRow) => {
    const v = row[field];
    return typeof v === "number" ? v : typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : String(v ?? "");
  };
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return sign * (ka < kb ? -1 : ka > kb ? 1 : 0);
  });
}

function page<T>(rows: T[], q: URLSearchParams, settings: MockSettings): Reply {
  const limit = numberParam(q, "limit") ?? settings.maxLimit;
  const offset = numberParam(q, "offset") ?? 0;
  if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(offset) || offset < 0) return badRequest("invalid limit or offset");
  return { json: rows.slice(offset, offset + Math.min(limit, settings.maxLimit)) };
}

export function clobReply(data: PolymarketMockData, settings: MockSettings, path: string, q: URLSearchParams): Reply {
  if (path === "/book") {
    const tokenId = q.get("token_id");
    if (!tokenId) return badRequest("Invalid payload");
    const book = data.books[tokenId];
    return book ? { json: book } : notFound("No orderbook exists for the requested token id");
  }
  if (path === "/price") return priceReply(data.books, q);
  if (path === "/prices-history") return historyReply(data.history, q, settings);
  return notFound("not found");
}

/** BUY answers the best bid and SELL the best ask (the API reference's reading), with the CLOB's leading-dot decimals. */
function priceReply(books: Record<string, ClobBook>, q: URLSearchParams): Reply {
  const tokenId = q.get("token_id");
  const side = q.get("side");
  if (!tokenId) return badRequest("Invalid payload");
  if (side !== "BUY" && side !== "SELL") return badRequest("Invalid side");
  const book = books[tokenId];
  if (!book) return notFound("No orderbook exists for the requested token id");
  const levels = side === "BUY" ? book.bids : book.asks;
  const best = levels.reduce<string | null>((acc, l) => {
    if (acc === null) return l.price;
    return side === "BUY" ? (Number(l.price) > Number(acc) ? l.price : acc) : Number(l.price) < Number(acc) ? l.price : acc;
  }, null);
  if (best === null) return notFound("No orderbook exists for the requested token id");
  return { json: { price: best.replace(/^0\./, ".") } };
}

const INTERVAL_SECONDS: Record<string, number> = { "1h": 3600, "6h": 6 * 3600, "1d": 86_400, "1w": 7 * 86_400, "1m": 30 * 86_400 };

function historyReply(history: Record<string, ClobHistoryPoint[]>, q: URLSearchParams, settings: MockSettings): Reply {
  const market = q.get("market");
  if (!market) return badRequest("market is required");
  const interval = q.get("interval");
  if (interval !== null && (q.has("startTs") || q.has("endTs"))) return badRequest("interval is mutually exclusive with startTs and endTs");
  let start = numberParam(q, "startTs") ?? -Infinity;
  const end = numberParam(q, "endTs") ?? Infinity;
  if (interval !== null && interval !== "max" && interval !== "all") {
    const span = INTERVAL_SECONDS[interval];
    if (span === undefined) return badRequest(`invalid interval ${interval}`);
    start = Math.floor(settings.now() / 1000) - span;
  }
  const fidelity = numberParam(q, "fidelity");
  let lastKept = -Infinity;
  const points = (history[market] ?? []).filter((point) => {
    if (point.t < start || point.t > end) return false;
    // fidelity is a resolution in minutes: keep at most one point per step
    if (fidelity !== undefined && point.t - lastKept < fidelity * 60) return false;
    lastKept = point.t;
    return true;
  });
  return { json: { history: points } };
}
