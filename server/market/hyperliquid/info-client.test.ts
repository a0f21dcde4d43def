import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MalformedResponseError, RequestTimeoutError } from "../http";
import { createHyperliquidMock, wireCandle, wireCandles, type HyperliquidMock } from "../testing/hyperliquid-mock";
import { HyperliquidInfoClient, type HyperliquidInfoClientOptions } from "./info-client";

const MIN = 60_000;
const HOUR = 3_600_000;
const T0 = 28_333_333 * MIN; // a minute boundary in Nov 2023
const BTC_1M = wireCandles("BTC", "1m", T0, 10, (i) => 30_000 + i * 10);
const FUNDING = Array.from({ length: 5 }, (_, i) => ({ coin: "ETH", fundingRate: `0.0000${i + 1}`, premium: `-0.000${i + 1}`, time: T0 + i * HOUR + 48 }));

let mock: HyperliquidMock;
beforeAll(async () => {
  mock = await createHyperliquidMock({
    maxCandlesPerRequest: 3,
    maxFundingPerRequest: 2,
    mids: { BTC: "30135.0", ETH: "1903.95" },
    candles: { BTC: [...BTC_1M, wireCandle({ t: T0, o: 1, h: 1, l: 1, c: 1, coin: "BTC", interval: "1h" })] },
    universe: [
      { name: "BTC", szDecimals: 5, maxLeverage: 40 },
      { name: "ETH", szDecimals: 4, maxLeverage: 25 },
    ],
    ctxs: [
      { funding: "0.0000125", openInterest: "688.11", prevDayPx: "15.322", dayNtlVlm: "1169046.29406", premium: "0.00031774", oraclePx: "14.32", markPx: "14.3161", midPx: "14.314", impactPxs: ["14.3047", "14.3444"], dayBaseVlm: "80000.1" },
      { funding: "-0.00001", openInterest: "10", prevDayPx: "1900", dayNtlVlm: "0.0", premium: null, oraclePx: "1901", markPx: "1902", midPx: null, impactPxs: null },
    ],
    funding: { ETH: FUNDING },
    books: { DYDX: { coin: "DYDX", time: 1689630203930, levels: [[{ n: 1, px: "2.111", sz: "134.4" }, { n: 3, px: "2.112", sz: "5" }], [{ n: 2, px: "2.1124", sz: "352.3" }]] } },
  });
});
afterAll(async () => mock.close());

const slept: number[] = [];
const client = (over: Partial<HyperliquidInfoClientOptions> = {}) =>
  new HyperliquidInfoClient({
    baseUrl: mock.url,
    timeoutMs: 300,
    maxRetries: 3,
    backoff: { baseMs: 10, maxMs: 100, factor: 2, jitter: 0 },
    maxCandlesPerRequest: 3,
    maxFundingPerRequest: 2,
    sleep: async (ms) => {
      slept.push(ms);
    },
    ...over,
  });
const bodiesSince = (n: number) => mock.server.requests.slice(n).map((r) => r.body);

describe("HyperliquidInfoClient: each method against the fake venue", () => {
  it("allMids, stamped with the time given", async () => {
    expect(await client().allMids(1_000)).toEqual([
      { symbol: "BTC", time: 1_000, price: 30135 },
      { symbol: "ETH", time: 1_000, price: 1903.95 },
    ]);
    expect(mock.server.requests.at(-1)).toMatchObject({ method: "POST", path: "/info", body: { type: "allMids" } });
  });

  it("metaAndAssetCtxs", async () => {
    const ctxs = await client().metaAndAssetCtxs(5);
    expect(ctxs).toEqual([
      { symbol: "BTC", time: 5, funding: 0.0000125, openInterest: 688.11, markPx: 14.3161, oraclePx: 14.32, midPx: 14.314, premium: 0.00031774, prevDayPx: 15.322, dayNtlVlm: 1169046.29406, dayBaseVlm: 80000.1, impactBidPx: 14.3047, impactAskPx: 14.3444, maxLeverage: 40, szDecimals: 5 },
      { symbol: "ETH", time: 5, funding: -0.00001, openInterest: 10, markPx: 1902, oraclePx: 1901, midPx: null, premium: null, prevDayPx: 1900, dayNtlVlm: 0, dayBaseVlm: null, impactBidPx: null, impactAskPx: null, maxLeverage: 25, szDecimals: 4 },
    ]);
  });

  it("l2Book", async () => {
    expect(await client().l2Book("DYDX")).toEqual({
      symbol: "DYDX",
      time: 1689630203930,
      bids: [
        { px: 2.112, sz: 5, n: 3 },
        { px: 2.111, sz: 134.4, n: 1 },
      ],
      asks: [{ px: 2.1124, sz: 352.3, n: 2 }],
    });
    expect(mock.server.requests.at(-1)!.body).toEqual({ type: "l2Book", coin: "DYDX" });
  });

  it("candles page past the cap with a nested req, no duplicates and no gaps", async () => {
    const before = mock.server.requests.length;
    const pages: number[] = [];
    const candles = await client().candles("BTC", "1m", T0, T0 + 20 * MIN, (page) => {
      pages.push(page.length);
    });
    expect(candles.map((c) => c.openTime)).toEqual(BTC_1M.map((c) => c.t));
    expect(candles[0]).toEqual({ openTime: T0, closeTime: T0 + MIN - 1, open: 30_000, high: 30_000, low: 30_000, close: 30_000, volume: 1, trades: 1 });
    expect(candles[9]).toMatchObject({ open: 30_080, close: 30_090, high: 30_090, low: 30_080 });
    expect(pages).toEqual([3, 3, 3, 1]);
    const req = (startTime: number) => ({ type: "candleSnapshot", req: { coin: "BTC", interval: "1m", startTime, endTime: T0 + 20 * MIN } });
    expect(bodiesSince(before)).toEqual([req(T0), req(T0 + 2 * MIN + 1), req(T0 + 5 * MIN + 1), req(T0 + 8 * MIN + 1)]);
  });

  it("candles stop on an empty page, and at endTime without asking again", async () => {
    let before = mock.server.requests.length;
    expect(await client().candles("BTC", "1m", T0 + MIN, T0 + 30 * MIN)).toHaveLength(9);
    expect(bodiesSince(before)).toHaveLength(4); // 3 + 3 + 3, then an empty page
    before = mock.server.requests.length;
    expect(await client().candles("BTC", "1m", T0, T0 + 5 * MIN)).toHaveLength(6);
    expect(bodiesSince(before)).toHaveLength(2); // the second page ends exactly at endTime
  });

  it("candles drop rows a page repeats", async () => {
    const rows = wireCandles("SOL", "1m", T0, 5);
    mock.server.queue.push({ json: rows.slice(0, 3) }, { json: rows.slice(2, 5) });
    const candles = await client().candles("SOL", "1m", T0, T0 + 4 * MIN);
    expect(candles.map((c) => c.openTime)).toEqual(rows.map((r) => r.t));
    expect(mock.server.queue).toHaveLength(0);
  });

  it("fundingHistory pages past the cap; endTime is sent only when given", async () => {
    const before = mock.server.requests.length;
    const rates = await client().fundingHistory("ETH", T0);
    expect(rates).toEqual(FUNDING.map((f) => ({ symbol: "ETH", time: f.time, rate: Number(f.fundingRate), premium: Number(f.premium) })));
    expect(bodiesSince(before)).toEqual([
      { type: "fundingHistory", coin: "ETH", startTime: T0 },
      { type: "fundingHistory", coin: "ETH", startTime: T0 + HOUR + 49 },
      { type: "fundingHistory", coin: "ETH", startTime: T0 + 3 * HOUR + 49 },
    ]);
    expect((await client().fundingHistory("ETH", T0, T0 + HOUR + 48)).map((r) => r.time)).toEqual([T0 + 48, T0 + HOUR + 48]);
  });
});

describe("HyperliquidInfoClient: failures", () => {
  it("waits out a 429's Retry-After, then succeeds", async () => {
    slept.length = 0;
    mock.server.queue.push({ status: 429, json: null, headers: { "retry-after": "2" } });
    const c = client();
    await expect(c.l2Book("DYDX")).resolves.toMatchObject({ symbol: "DYDX" });
    expect(slept).toEqual([2000]);
    expect(c.lastStats).toMatchObject({ attempts: 2, retries: 1 });
  });

  it("retries a 500, then succeeds", async () => {
    slept.length = 0;
    mock.server.queue.push({ status: 500, text: "internal error" });
    const c = client();
    expect(await c.allMids(1)).toHaveLength(2);
    expect(slept).toEqual([10]);
    expect(c.lastStats).toMatchObject({ attempts: 2, retries: 1 });
  });

  it("refuses a malformed body, naming the field, without retrying", async () => {
    const before = mock.server.requests.length;
    mock.server.queue.push({ json: [BTC_1M[0], { ...BTC_1M[1], h: "n/a" }] });
    const failure = client().candles("BTC", "1m", T0, T0 + 5 * MIN);
    await expect(failure).rejects.toBeInstanceOf(MalformedResponseError);
    await expect(failure).rejects.toThrow(/candleSnapshot\[1\]\.h: expected a decimal number/);
    mock.server.queue.push({ json: { BTC: null } });
    await expect(client().allMids(1)).rejects.toThrow(/allMids\.BTC/);
    expect(mock.server.requests.length - before).toBe(2);
  });
});

describe("HyperliquidInfoClient: request weights", () => {
  it("reserves 2 for allMids/l2Book and 20 for metaAndAssetCtxs", async () => {
    slept.length = 0;
    const c = client({ weightPerMinute: 24, now: () => 0 });
    await c.l2Book("DYDX");
    await c.allMids();
    await c.metaAndAssetCtxs();
    expect(slept).toEqual([]);
    await c.allMids(); // 2 over the budget: wait 2/24 of a minute
    expect(slept).toEqual([5_000]);
  });

  it("adds the per-item surcharge to candleSnapshot (60 items) and fundingHistory (20 items)", async () => {
    slept.length = 0;
    const c = client({ weightPerMinute: 100, maxCandlesPerRequest: 5000, maxFundingPerRequest: 500, now: () => T0 });
    await c.candles("BTC", "1m", T0, T0 + 119 * MIN); // 120 candles expected: 20 + 2
    await c.fundingHistory("ETH", T0, T0 + 40 * HOUR); // 41 rows expected: 20 + 3; one short page
    await c.metaAndAssetCtxs(); // 20
    await c.metaAndAssetCtxs(); // 20: 85 used so far
    expect(slept).toEqual([]);
    await c.metaAndAssetCtxs(); // 5 over: wait 5/100 of a minute
    expect(slept).toEqual([3_000]);
  });
});

describe("HyperliquidInfoClient: hangs", () => {
  it("times out a hanging request, then succeeds", async () => {
    mock.server.queue.push({ hang: true });
    const c = client({ timeoutMs: 100 });
    expect(await c.allMids(1)).toHaveLength(2);
    expect(c.lastStats).toMatchObject({ attempts: 2, retries: 1 });
    mock.server.queue.push({ hang: true });
    await expect(client({ timeoutMs: 100, maxRetries: 0 }).allMids(1)).rejects.toBeInstanceOf(RequestTimeoutError);
  });
});
