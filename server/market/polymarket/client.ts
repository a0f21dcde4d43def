/**
 * Polymarket's public read APIs: Gamma for market discovery, the CLOB for books,
 * prices and price history. Two hosts, so two HttpJsonClients sharing one
 * retry/timeout policy. Nothing here needs a key.
 */
import type { OrderBook, PredictionMarketInfo, PredictionPricePoint } from "@/lib/domain/market/types";
import { HttpJsonClient, type HttpClientOptions } from "../http";
import {
  parseBook,
  parseGammaEvents,
  parseGammaMarket,
  parseGammaMarkets,
  parsePrice,
  parsePricesHistory,
  type BookSide,
  type PredictionEvent,
} from "./parse";

/** The shared HTTP options (timeouts, retries, test hooks), with one base URL per host. */
export interface PolymarketClientOptions extends Omit<HttpClientOptions, "baseUrl" | "weightPerMinute"> {
  gammaUrl: string;
  clobUrl: string;
}

type QueryValue = string | number | boolean | undefined;

/** Gamma's /markets filters, named as on the wire; dates are ISO strings. */
export interface GammaMarketsQuery {
  active?: boolean;
  /** omitted: Gamma leaves closed markets out */
  closed?: boolean;
  archived?: boolean;
  id?: string;
  slug?: string;
  clob_token_ids?: string;
  condition_ids?: string;
  limit?: number;
  offset?: number;
  /** a market field, e.g. "volumeNum" */
  order?: string;
  ascending?: boolean;
  tag_id?: string | number;
  liquidity_num_min?: number;
  volume_num_min?: number;
  start_date_min?: string;
  start_date_max?: string;
  end_date_min?: string;
  end_date_max?: string;
  [extra: string]: QueryValue;
}

export interface GammaEventsQuery {
  active?: boolean;
  closed?: boolean;
  archived?: boolean;
  id?: string;
  slug?: string;
  limit?: number;
  offset?: number;
  order?: string;
  ascending?: boolean;
  tag_id?: string | number;
  [extra: string]: QueryValue;
}

export type PriceHistoryInterval = "max" | "all" | "1m" | "1w" | "1d" | "6h" | "1h";

/** The CLOB takes either a window or an interval counted back from now, never both. */
export type PricesHistoryQuery = { fidelity?: number } & (
  | { startTs?: number; endTs?: number; interval?: never }
  | { interval: PriceHistoryInterval; startTs?: never; endTs?: never }
);

/** A conservative page: Gamma caps `limit` server-side, and a capped page would read as the last one. */
export const DEFAULT_GAMMA_PAGE_SIZE = 100;

export class PolymarketClient {
  readonly gamma: HttpJsonClient;
  readonly clob: HttpJsonClient;

  constructor(options: PolymarketClientOptions) {
    const { gammaUrl, clobUrl, ...shared } = options;
    this.gamma = new HttpJsonClient({ baseUrl: gammaUrl, ...shared });
    this.clob = new HttpJsonClient({ baseUrl: clobUrl, ...shared });
  }

  markets(query: GammaMarketsQuery = {}): Promise<PredictionMarketInfo[]> {
    return this.gamma.request({ path: "/markets", query, parse: parseGammaMarkets });
  }

  /**
   * Every market matching `query`, paging by limit/offset until a page comes back
   * shorter than `pageSize`. Rows are de-duplicated by id (offset paging over a
   * moving list can repeat a row), and a full page with nothing new ends the walk
   * so a server that ignores `offset` cannot loop us forever.
   */
  async allMarkets(query: Omit<GammaMarketsQuery, "limit" | "offset"> = {}, pageSize = DEFAULT_GAMMA_PAGE_SIZE): Promise<PredictionMarketInfo[]> {
    if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
    const byId = new Map<string, PredictionMarketInfo>();
    for (let offset = 0; ; ) {
      const page = await this.markets({ ...query, limit: pageSize, offset });
      let fresh = 0;
      for (const market of page) {
        if (byId.has(market.id)) continue;
        byId.set(market.id, market);
        fresh++;
      }
      if (page.length < pageSize || fresh === 0) return [...byId.values()];
      offset += page.length;
    }
  }

  market(id: string): Promise<PredictionMarketInfo> {
    return this.gamma.request({ path: `/markets/${encodeURIComponent(id)}`, parse: parseGammaMarket });
  }

  marketBySlug(slug: string): Promise<PredictionMarketInfo> {
    return this.gamma.request({ path: `/markets/slug/${encodeURIComponent(slug)}`, parse: parseGammaMarket });
  }

  events(query: GammaEventsQuery = {}): Promise<PredictionEvent[]> {
    return this.gamma.request({ path: "/events", query, parse: parseGammaEvents });
  }

  book(tokenId: string): Promise<OrderBook> {
    return this.clob.request({ path: "/book", query: { token_id: tokenId }, parse: (json) => parseBook(json, tokenId) });
  }

  /** Per the CLOB API reference, BUY answers the best bid and SELL the best ask. */
  price(tokenId: string, side: BookSide): Promise<number> {
    return this.clob.request({ path: "/price", query: { token_id: tokenId, side }, parse: parsePrice });
  }

  /**
   * `startTs`/`endTs` in ms here. The wire wants unix seconds: the window is widened
   * outward to whole seconds, then the answer is trimmed back to the ms window.
   */
  async pricesHistory(tokenId: string, query: PricesHistoryQuery = {}): Promise<PredictionPricePoint[]> {
    const points = await this.clob.request({
      path: "/prices-history",
      query: {
        market: tokenId,
        startTs: query.startTs === undefined ? undefined : Math.floor(query.startTs / 1000),
        endTs: query.endTs === undefined ? undefined : Math.ceil(query.endTs / 1000),
        interval: query.interval,
        fidelity: query.fidelity,
      },
      parse: (json) => parsePricesHistory(json, tokenId),
    });
    const from = query.startTs ?? -Infinity;
    const to = query.endTs ?? Infinity;
    return points.filter((p) => p.time >= from && p.time <= to);
  }
}
