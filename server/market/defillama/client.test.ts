import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MalformedResponseError, RequestTimeoutError } from "../http";
import { createDefiLlamaMock, stablecoinRow, type DefiLlamaMock } from "../testing/defillama-mock";
import { DefiLlamaClient, type DefiLlamaClientOptions } from "./client";

const D0 = 1767225600; // 2026-01-01, unix seconds
const DAY = 86_400;
const ms = (seconds: number) => seconds * 1000;

let mock: DefiLlamaMock;
let slept: number[] = [];
const client = (over: Partial<DefiLlamaClientOptions> = {}) =>
  new DefiLlamaClient({
    apiUrl: mock.apiUrl,
    stablecoinsUrl: mock.stablecoinsUrl,
    timeoutMs: 2_000,
    maxRetries: 2,
    backoff: { baseMs: 5, maxMs: 20, factor: 2, jitter: 0 },
    sleep: async (delay) => {
      slept.push(delay);
    },
    ...over,
  });
const lastRequest = () => mock.server.requests.at(-1)!;

beforeAll(async () => {
  mock = await createDefiLlamaMock({
    // wire order deliberately not time order
    chainTvl: [
      { date: D0 + DAY, tvl: 101e9 },
      { date: D0, tvl: 100e9 },
    ],
    chainTvlByChain: { Ethereum: [{ date: D0, tvl: 60e9 }] },
    stablecoins: [stablecoinRow(D0 + DAY, { peggedUSD: 300e9, peggedEUR: 0.5e9 }), stablecoinRow(D0, { peggedUSD: 299e9 })],
    dexChart: [
      [D0, 2e9],
      [D0 + DAY, 2.5e9],
    ],
    feesChart: [
      [D0, 40e6],
      [D0 + DAY, 30e6],
    ],
    revenueChart: [[D0, 10e6]],
  });
});
afterAll(() => mock.close());
beforeEach(() => {
  slept = [];
  mock.server.queue.length = 0;
});

describe("DefiLlamaClient series", () => {
  it("reads total and per-chain TVL in time order", async () => {
    expect(await client().chainTvl()).toEqual([
      { time: ms(D0), value: 100e9 },
      { time: ms(D0 + DAY), value: 101e9 },
    ]);
    expect(lastRequest().path).toBe("/api/v2/historicalChainTvl");
    expect(await client().chainTvl("Ethereum")).toEqual([{ time: ms(D0), value: 60e9 }]);
    expect(lastRequest().path).toBe("/api/v2/historicalChainTvl/Ethereum");
  });

  it("reads stablecoin supply as the sum of every peg in USD", async () => {
    expect(await client().stablecoinSupply()).toEqual([
      { time: ms(D0), value: 299e9 },
      { time: ms(D0 + DAY), value: 300.5e9 },
    ]);
    expect(lastRequest().path).toBe("/stablecoins/stablecoincharts/all");
  });

  it("reads DEX volume with its summary, asking for the chart without the breakdown", async () => {
    const overview = await client().dexOverview();
    expect(lastRequest().path).toBe("/api/overview/dexs");
    expect(lastRequest().query.toString()).toBe("excludeTotalDataChart=false&excludeTotalDataChartBreakdown=true");
    expect(overview).toEqual({
      points: [
        { time: ms(D0), value: 2e9 },
        { time: ms(D0 + DAY), value: 2.5e9 },
      ],
      summary: { total24h: 2.5e9, total48hto24h: 2e9, total7d: 4.5e9, total30d: 4.5e9, total1y: 4.5e9, totalAllTime: 4.5e9, change_1d: 25, change_7d: null, change_1m: null },
    });
    expect(await client().dexVolume()).toEqual(overview.points);
  });

  it("reads fees by data type", async () => {
    expect(await client().fees()).toEqual([
      { time: ms(D0), value: 40e6 },
      { time: ms(D0 + DAY), value: 30e6 },
    ]);
    expect(Object.fromEntries(lastRequest().query)).toEqual({ excludeTotalDataChart: "false", excludeTotalDataChartBreakdown: "true", dataType: "dailyFees" });
    expect((await client().feesOverview()).summary).toMatchObject({ total24h: 30e6, change_1d: -25 });
    expect(await client().fees("dailyRevenue")).toEqual([{ time: ms(D0), value: 10e6 }]);
    expect(lastRequest().query.get("dataType")).toBe("dailyRevenue");
  });
});

describe("DefiLlamaClient failures", () => {
  it("waits out a 429's Retry-After, then succeeds", async () => {
    mock.server.queue.push({ status: 429, text: "Too Many Requests", headers: { "retry-after": "3" } });
    expect(await client().chainTvl()).toHaveLength(2);
    expect(slept).toEqual([3000]);
  });

  it("retries a 500, then succeeds", async () => {
    mock.server.queue.push({ status: 502, text: "Bad Gateway" }, { status: 500, json: { message: "internal" } });
    expect(await client().stablecoinSupply()).toHaveLength(2);
    expect(slept).toEqual([5, 10]);
  });

  it("times out a hung request, then succeeds", async () => {
    mock.server.queue.push({ hang: true });
    const c = client({ timeoutMs: 300 });
    expect(await c.dexVolume()).toHaveLength(2);
    expect(c.api.lastStats).toMatchObject({ attempts: 2, retries: 1 });
    mock.server.queue.push({ hang: true });
    await expect(client({ timeoutMs: 300, maxRetries: 0 }).fees()).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it("reports a malformed body naming the field, without retrying", async () => {
    const before = mock.server.requests.length;
    mock.server.queue.push({ json: [{ date: "1767225600", tvl: 1 }, { date: D0, tvl: null }] });
    const error = await client().chainTvl().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect((error as Error).message).toContain("[1].tvl: ");
    mock.server.queue.push({ json: { totalDataChart: [[D0, "1e3"], [D0, "many"]] } });
    await expect(client().fees()).rejects.toThrow(/totalDataChart\[1\]\[1\]: expected a decimal number/);
    expect(mock.server.requests.length - before).toBe(2);
  });

  it("does not retry a 404", async () => {
    const before = mock.server.requests.length;
    mock.server.queue.push({ status: 404, text: "Not Found" });
    await expect(client().chainTvl("Ethereum")).rejects.toMatchObject({ name: "HttpError", status: 404 });
    expect(mock.server.requests.length - before).toBe(1);
    expect(slept).toEqual([]);
  });
});
