/**
 * A fake Polymarket for tests: Gamma (/markets, /markets/{id}, /markets/slug/{slug},
 * /events) and the public CLOB (/book, /price, /prices-history) answering from
 * in-memory data in the real wire formats, on one local server. Gamma lives under
 * `/gamma` and the CLOB under `/clob` so a request sent to the wrong host 404s.
 * `data` is live: tests may push markets or history points between calls.
 */
import { startLocalServer, type LocalServer, type RecordedRequest, type Reply } from "./local-server";
import { clobReply, gammaReply, type MockSettings } from "./polymarket-mock-routes";

export interface GammaMarketRow {
  id: string;
  question: string;
  conditionId: string;
  slug: string;
  startDate?: string;
  endDate?: string;
  liquidity: string;
  /** JSON-encoded string array, as Gamma sends it */
  outcomes: string;
  outcomePrices: string;
  clobTokenIds: string;
  volume: string;
  active: boolean;
  closed: boolean;
  archived: boolean;
  volumeNum: number;
  liquidityNum: number;
  bestBid?: number;
  bestAsk?: number;
  lastTradePrice?: number;
  negRisk?: boolean;
  orderPriceMinTickSize?: number;
  orderMinSize?: number;
  tags?: { id: string; label: string; slug: string }[];
}

export interface GammaEventRow {
  id: string;
  slug: string;
  title: string;
  active: boolean;
  closed: boolean;
  markets: GammaMarketRow[];
}

export interface ClobLevel {
  price: string;
  size: string;
}

export interface ClobBook {
  market: string;
  asset_id: string;
  timestamp: string;
  hash: string;
  bids: ClobLevel[];
  asks: ClobLevel[];
  min_order_size: string;
  tick_size: string;
  neg_risk: boolean;
  last_trade_price: string;
}

export interface ClobHistoryPoint {
  /** unix seconds */
  t: number;
  p: number;
}

export interface GammaMarketInput {
  id: string;
  clobTokenIds: string[];
  outcomePrices: (string | number)[];
  outcomes?: string[];
  question?: string;
  conditionId?: string;
  slug?: string;
  startDate?: string;
  endDate?: string;
  active?: boolean;
  closed?: boolean;
  archived?: boolean;
  volume?: number;
  liquidity?: number;
  bestBid?: number;
  bestAsk?: number;
  tagIds?: string[];
}

/** Gamma encodes arrays the way Python's json.dumps does: `["Up", "Down"]`. */
const encode = (values: readonly (string | number)[]) => `[${values.map((v) => JSON.stringify(String(v))).join(", ")}]`;

export function gammaMarketRow(input: GammaMarketInput): GammaMarketRow {
  const volume = input.volume ?? 0;
  const liquidity = input.liquidity ?? 0;
  return {
    id: input.id,
    question: input.question ?? `Market ${input.id}?`,
    conditionId: input.conditionId ?? `0x${input.id.padStart(64, "0")}`,
    slug: input.slug ?? `market-${input.id}`,
    ...(input.startDate !== undefined ? { startDate: input.startDate } : {}),
    ...(input.endDate !== undefined ? { endDate: input.endDate } : {}),
    liquidity: String(liquidity),
    outcomes: encode(input.outcomes ?? ["Yes", "No"]),
    outcomePrices: encode(input.outcomePrices),
    clobTokenIds: encode(input.clobTokenIds),
    volume: String(volume),
    active: input.active ?? true,
    closed: input.closed ?? false,
    archived: input.archived ?? false,
    volumeNum: volume,
    liquidityNum: liquidity,
    ...(input.bestBid !== undefined ? { bestBid: input.bestBid } : {}),
    ...(input.bestAsk !== undefined ? { bestAsk: input.bestAsk } : {}),
    negRisk: false,
    orderPriceMinTickSize: 0.01,
    orderMinSize: 5,
    ...(input.tagIds ? { tags: input.tagIds.map((id) => ({ id, label: `Tag ${id}`, slug: `tag-${id}` })) } : {}),
  };
}

export function gammaEventRow(input: { id: string; markets: GammaMarketRow[]; slug?: string; title?: string; active?: boolean; closed?: boolean }): GammaEventRow {
  return {
    id: input.id,
    slug: input.slug ?? `event-${input.id}`,
    title: input.title ?? `Event ${input.id}`,
    active: input.active ?? true,
    closed: input.closed ?? false,
    markets: input.markets,
  };
}

/** Levels as [price, size] decimal strings, in whatever order the test wants on the wire. */
export function clobBook(tokenId: string, book: { timestamp: number; bids: [string, string][]; asks: [string, string][]; market?: string }): ClobBook {
  const level = ([price, size]: [string, string]) => ({ price, size });
  return {
    market: book.market ?? "0x" + "0".repeat(64),
    asset_id: tokenId,
    timestamp: String(book.timestamp),
    hash: `hash-${tokenId.slice(0, 8)}-${book.timestamp}`,
    bids: book.bids.map(level),
    asks: book.asks.map(level),
    min_order_size: "5",
    tick_size: "0.01",
    neg_risk: false,
    last_trade_price: book.bids[0]?.[0] ?? "0",
  };
}

export interface PolymarketMockData {
  markets: GammaMarketRow[];
  events: GammaEventRow[];
  books: Record<string, ClobBook>;
  history: Record<string, ClobHistoryPoint[]>;
}

export interface PolymarketMockOptions extends Partial<PolymarketMockData> {
  /** ms; what prices-history `interval` counts back from */
  now?: () => number;
  /** Gamma's page cap: a larger `limit` (or none) gets this many rows */
  maxLimit?: number;
}

export interface PolymarketMock {
  gammaUrl: string;
  clobUrl: string;
  server: LocalServer;
  data: PolymarketMockData;
  close(): Promise<void>;
}

export async function createPolymarketMock(options: PolymarketMockOptions = {}): Promise<PolymarketMock> {
  const data: PolymarketMockData = {
    markets: options.markets ?? [],
    events: options.events ?? [],
    books: options.books ?? {},
    history: options.history ?? {},
  };
  const settings: MockSettings = { now: options.now ?? Date.now, maxLimit: options.maxLimit ?? 500 };
  const server = await startLocalServer((req: RecordedRequest): Reply => {
    if (req.path.startsWith("/gamma/")) return gammaReply(data, settings, req.path.slice("/gamma".length), req.query);
    if (req.path.startsWith("/clob/")) return clobReply(data, settings, req.path.slice("/clob".length), req.query);
    return { status: 404, json: { error: "not found" } };
  });
  return { gammaUrl: `${server.url}/gamma`, clobUrl: `${server.url}/clob`, server, data, close: () => server.close() };
}
