import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HttpError, MalformedResponseError, RequestTimeoutError } from "../http";
import { clobBook, createPolymarketMock, gammaEventRow, gammaMarketRow, type PolymarketMock } from "../testing/polymarket-mock";
import { PolymarketClient, type PolymarketClientOptions } from "./client";

const NOW = Date.UTC(2026, 0, 10);
const T0 = Math.floor(NOW / 1000) - 3 * 86_400;

const open = [1, 2, 3, 4, 5].map((n) =>
  gammaMarketRow({
    id: String(1000 + n),
    slug: `btc-above-${n}`,
    question: `Bitcoin above ${n}00k?`,
    clobTokenIds: [`${n}1`, `${n}2`],
    outcomePrices: ["0.25", "0.75"],
    endDate: "2026-03-31T12:00:00Z",
    volume: n * 1000,
    liquidity: n * 100,
    bestBid: 0.24,
    bestAsk: 0.26,
  }),
);
const closed = gammaMarketRow({ id: "999", slug: "old", clobTokenIds: ["91", "92"], outcomePrices: [1, 0], closed: true, active: false });

let mock: PolymarketMock;
let slept: number[] = [];
const client = (over: Partial<PolymarketClientOptions> = {}) =>
  new PolymarketClient({
    gammaUrl: mock.gammaUrl,
    clobUrl: mock.clobUrl,
    timeoutMs: 2_000,
    maxRetries: 2,
    backoff: { baseMs: 5, maxMs: 20, factor: 2, jitter: 0 },
    sleep: async (ms) => {
      slept.push(ms);
    },
    ...over,
  });
const lastRequest = () => mock.server.requests.at(-1)!;

beforeAll(async () => {
  mock = await createPolymarketMock({
    now: () => NOW,
    markets: [...open, closed],
    events: [gammaEventRow({ id: "77", slug: "btc-levels", title: "Bitcoin levels", markets: open.slice(0, 2) })],
    books: { "11": clobBook("11", { timestamp: NOW, bids: [["0.23", "50"], ["0.24", "10"]], asks: [["0.27", "5"], ["0.26", "80"]] }) },
    history: { "11": [0.2, 0.21, 0.22, 0.23].map((p, d) => ({ t: T0 + d * 86_400, p })) },
  });
});
afterAll(() => mock.close());
beforeEach(() => {
  slept = [];
  mock.server.queue.length = 0;
});

describe("PolymarketClient (Gamma)", () => {
  it("reads markets, leaving closed ones out unless asked", async () => {
    const markets = await client().markets({ limit: 2, order: "volumeNum", ascending: false });
    expect(lastRequest()).toMatchObject({ method: "GET", path: "/gamma/markets" });
    expect(lastRequest().query.toString()).toBe("limit=2&order=volumeNum&ascending=false");
    expect(markets).toEqual([
      {
        id: "1005",
        conditionId: `0x${"1005".padStart(64, "0")}`,
        slug: "btc-above-5",
        question: "Bitcoin above 500k?",
        outcomes: ["Yes", "No"],
        outcomePrices: [0.25, 0.75],
        tokenIds: ["51", "52"],
        endDate: Date.UTC(2026, 2, 31, 12),
        active: true,
        closed: false,
        volume: 5000,
        liquidity: 500,
        bestBid: 0.24,
        bestAsk: 0.26,
      },
      expect.objectContaining({ id: "1004" }),
    ]);
    expect((await client().markets({ closed: true })).map((m) => m.id)).toEqual(["999"]);
    expect((await client().markets({ clob_token_ids: "32", volume_num_min: 2000 })).map((m) => m.id)).toEqual(["1003"]);
  });

  it("pages with limit/offset until a short page", async () => {
    const before = mock.server.requests.length;
    const all = await client().allMarkets({ active: true }, 2);
    expect(all.map((m) => m.id)).toEqual(["1001", "1002", "1003", "1004", "1005"]);
    const pages = mock.server.requests.slice(before).map((r) => [r.query.get("limit"), r.query.get("offset"), r.query.get("active")]);
    expect(pages).toEqual([
      ["2", "0", "true"],
      ["2", "2", "true"],
      ["2", "4", "true"],
    ]);
  });

  it("asks once more when the last page is exactly full", async () => {
    const before = mock.server.requests.length;
    expect(await client().allMarkets({}, 5)).toHaveLength(5);
    expect(mock.server.requests.slice(before).map((r) => r.query.get("offset"))).toEqual(["0", "5"]);
  });

  it("reads one market by id and by slug, and events with their markets", async () => {
    expect(await client().market("1003")).toMatchObject({ id: "1003", tokenIds: ["31", "32"] });
    expect(lastRequest().path).toBe("/gamma/markets/1003");
    expect(await client().marketBySlug("old")).toMatchObject({ id: "999", closed: true, outcomePrices: [1, 0] });
    expect(lastRequest().path).toBe("/gamma/markets/slug/old");
    const events = await client().events({ slug: "btc-levels" });
    expect(events.map((e) => [e.id, e.slug, e.title, e.markets.map((m) => m.id)])).toEqual([["77", "btc-levels", "Bitcoin levels", ["1001", "1002"]]]);
  });

  it("does not retry a 404", async () => {
    const before = mock.server.requests.length;
    await expect(client().market("404404")).rejects.toMatchObject({ name: "HttpError", status: 404 });
    expect(mock.server.requests.length - before).toBe(1);
    expect(slept).toEqual([]);
  });
});

describe("PolymarketClient (CLOB)", () => {
  it("reads a book best first", async () => {
    expect(await client().book("11")).toEqual({
      symbol: "11",
      time: NOW,
      bids: [
        { px: 0.24, sz: 10, n: null },
        { px: 0.23, sz: 50, n: null },
      ],
      asks: [
        { px: 0.26, sz: 80, n: null },
        { px: 0.27, sz: 5, n: null },
      ],
    });
    expect(lastRequest()).toMatchObject({ path: "/clob/book" });
    expect(lastRequest().query.get("token_id")).toBe("11");
  });

  it("reads prices with the CLOB's leading-dot decimals", async () => {
    expect(await client().price("11", "BUY")).toBe(0.24);
    expect(lastRequest().query.toString()).toBe("token_id=11&side=BUY");
    expect(await client().price("11", "SELL")).toBe(0.26);
  });

  it("sends the history window in seconds and answers ms", async () => {
    const points = await client().pricesHistory("11", { startTs: (T0 + 86_400) * 1000 - 1, endTs: (T0 + 2 * 86_400) * 1000, fidelity: 60 });
    expect(lastRequest().path).toBe("/clob/prices-history");
    expect(Object.fromEntries(lastRequest().query)).toEqual({ market: "11", startTs: String(T0 + 86_400 - 1), endTs: String(T0 + 2 * 86_400), fidelity: "60" });
    expect(points).toEqual([
      { tokenId: "11", time: (T0 + 86_400) * 1000, price: 0.21 },
      { tokenId: "11", time: (T0 + 2 * 86_400) * 1000, price: 0.22 },
    ]);
    const lastDay = await client().pricesHistory("11", { interval: "1d" });
    expect(Object.fromEntries(lastRequest().query)).toEqual({ market: "11", interval: "1d" });
    expect(lastDay.map((p) => p.price)).toEqual([0.22, 0.23]);
  });
});

describe("PolymarketClient failures", () => {
  it("waits out a 429's Retry-After, then succeeds", async () => {
    mock.server.queue.push({ status: 429, json: { error: "Too Many Requests" }, headers: { "retry-after": "1" } });
    expect(await client().price("11", "BUY")).toBe(0.24);
    expect(slept).toEqual([1000]);
  });

  it("retries a 500, then succeeds", async () => {
    mock.server.queue.push({ status: 500, text: "upstream error" });
    expect(await client().markets({ limit: 1 })).toHaveLength(1);
    expect(slept).toEqual([5]);
  });

  it("times out a hung request, then succeeds", async () => {
    mock.server.queue.push({ hang: true });
    const c = client({ timeoutMs: 300 });
    expect((await c.book("11")).symbol).toBe("11");
    expect(c.clob.lastStats).toMatchObject({ attempts: 2, retries: 1 });
    mock.server.queue.push({ hang: true });
    await expect(client({ timeoutMs: 300, maxRetries: 0 }).book("11")).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it("reports a malformed body naming the field, without retrying", async () => {
    const before = mock.server.requests.length;
    mock.server.queue.push({ json: [{ ...open[0], outcomePrices: "[\"0.25\"]" }] });
    const error = await client().markets().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect((error as Error).message).toContain("[0].outcomePrices: has 1 entries but outcomes has 2");
    mock.server.queue.push({ json: { price: "" } });
    await expect(client().price("11", "SELL")).rejects.toThrow(/price: expected a decimal number/);
    expect(mock.server.requests.length - before).toBe(2);
  });

  it("surfaces the CLOB's 404 for an unknown token", async () => {
    await expect(client().book("12")).rejects.toBeInstanceOf(HttpError);
  });
});
