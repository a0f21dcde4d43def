/**
 * Hyperliquid's `/info` endpoint: every call is a POST of `{type, ...}` to
 * `${baseUrl}/info`, metered against the venue's per-IP weight budget (1200 per
 * minute) before it is sent, so a backfill slows down instead of earning 429s.
 */
import type { AssetContext, Candle, FundingRate, MidPrice, OrderBook } from "@/lib/domain/market/types";
import { HttpJsonClient, type HttpClientOptions, type RequestStats } from "../http";
import { parseAllMids, parseCandleSnapshot, parseFundingHistory, parseL2Book, parseMetaAndAssetCtxs } from "./parse";
import { INTERVAL_MS, type CandleInterval } from "./wire";

/** The shared HTTP options (timeouts, retries, weight budget, test hooks) plus the venue's page caps. */
export interface HyperliquidInfoClientOptions extends HttpClientOptions {
  /** e.g. https://api.hyperliquid.xyz (the client appends /info) */
  baseUrl: string;
  /** default 1200, the venue's documented per-IP budget */
  weightPerMinute?: number;
  /** the venue's cap on candles per answer (about 5000) */
  maxCandlesPerRequest?: number;
  /** the venue's cap on funding rows per answer (500) */
  maxFundingPerRequest?: number;
}

/** Documented weights; "items" surcharges are estimated from the time range before sending. */
export const INFO_WEIGHT = { allMids: 2, l2Book: 2, metaAndAssetCtxs: 20, candleSnapshot: 20, fundingHistory: 20 } as const;
const CANDLES_PER_EXTRA_WEIGHT = 60;
const FUNDING_PER_EXTRA_WEIGHT = 20;
const FUNDING_INTERVAL_MS = 3_600_000;

export type OnPage<T> = (page: T[]) => void | Promise<void>;

export class HyperliquidInfoClient {
  private readonly http: HttpJsonClient;
  private readonly now: () => number;
  private readonly weightPerMinute: number;
  private readonly maxCandles: number;
  private readonly maxFunding: number;

  constructor(o: HyperliquidInfoClientOptions) {
    this.weightPerMinute = o.weightPerMinute ?? 1200;
    this.now = o.now ?? Date.now;
    this.maxCandles = o.maxCandlesPerRequest ?? 5000;
    this.maxFunding = o.maxFundingPerRequest ?? 500;
    this.http = new HttpJsonClient({ ...o, weightPerMinute: this.weightPerMinute, now: this.now });
  }

  /** attempts/retries of the last HTTP request (for a paged call: its last page) */
  get lastStats(): RequestStats {
    return this.http.lastStats;
  }

  /** The venue sends no time with mids, so they are stamped with `now`. */
  allMids(now: number = this.now()): Promise<MidPrice[]> {
    return this.post({ type: "allMids" }, INFO_WEIGHT.allMids, (json) => parseAllMids(json, now));
  }

  metaAndAssetCtxs(now: number = this.now()): Promise<AssetContext[]> {
    return this.post({ type: "metaAndAssetCtxs" }, INFO_WEIGHT.metaAndAssetCtxs, (json) => parseMetaAndAssetCtxs(json, now));
  }

  l2Book(coin: string): Promise<OrderBook> {
    return this.post({ type: "l2Book", coin }, INFO_WEIGHT.l2Book, parseL2Book);
  }

  /**
   * Candles with open time in [startTime, endTime], oldest first, paging past the
   * per-answer cap by moving startTime just past the last open time received.
   * Stops on an empty or short page, at endTime, or when a page brings nothing new.
   */
  async candles(coin: string, interval: CandleInterval, startTime: number, endTime: number, onPage?: OnPage<Candle>): Promise<Candle[]> {
    return this.paged(startTime, endTime, this.maxCandles, (c) => c.openTime, onPage, (from) => {
      const expected = Math.min(this.maxCandles, Math.floor((endTime - from) / INTERVAL_MS[interval]) + 1);
      const weight = INFO_WEIGHT.candleSnapshot + Math.ceil(expected / CANDLES_PER_EXTRA_WEIGHT);
      const body = { type: "candleSnapshot", req: { coin, interval, startTime: from, endTime } };
      return this.post(body, weight, parseCandleSnapshot);
    });
  }

  /** Hourly funding from startTime (to endTime, or to now), paged past the 500-row cap. */
  async fundingHistory(coin: string, startTime: number, endTime?: number, onPage?: OnPage<FundingRate>): Promise<FundingRate[]> {
    return this.paged(startTime, endTime ?? Number.POSITIVE_INFINITY, this.maxFunding, (f) => f.time, onPage, (from) => {
      const until = endTime ?? this.now();
      const expected = Math.min(this.maxFunding, Math.max(1, Math.floor((until - from) / FUNDING_INTERVAL_MS) + 1));
      const weight = INFO_WEIGHT.fundingHistory + Math.ceil(expected / FUNDING_PER_EXTRA_WEIGHT);
      const body = endTime === undefined ? { type: "fundingHistory", coin, startTime: from } : { type: "fundingHistory", coin, startTime: from, endTime };
      return this.post(body, weight, parseFundingHistory);
    });
  }

  private async paged<T>(
    startTime: number,
    endTime: number,
    cap: number,
    timeOf: (row: T) => number,
    onPage: OnPage<T> | undefined,
    fetchPage: (from: number) => Promise<T[]>,
  ): Promise<T[]> {
    const all: T[] = [];
    let last = Number.NEGATIVE_INFINITY;
    for (let from = startTime; from <= endTime; ) {
      const rows = await fetchPage(from);
      // pages arrive sorted; anything at or before the last time seen is an overlap
      const fresh = rows.filter((r) => timeOf(r) > last);
      if (fresh.length > 0) {
        all.push(...fresh);
        last = timeOf(fresh[fresh.length - 1]!);
        await onPage?.(fresh);
      }
      if (rows.length < cap || fresh.length === 0) break;
      from = last + 1;
    }
    return all;
  }

  private post<T>(body: Record<string, unknown>, weight: number, parse: (json: unknown) => T): Promise<T> {
    // a single request heavier than the whole budget would never be allowed; cap it
    return this.http.request({ method: "POST", path: "/info", body, weight: Math.min(weight, this.weightPerMinute), parse });
  }
}
