import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Candle, MidPrice } from "@/lib/domain/market/types";
import { createHyperliquidMock, waitUntil, wireCandle, type HyperliquidMock, type MockConnection } from "../testing/hyperliquid-mock";
import { HyperliquidStream, type HyperliquidStreamOptions, type StreamStatus } from "./ws-client";

const T0 = 28_333_333 * 60_000;
const BTC_1M = { type: "candle", coin: "BTC", interval: "1m" } as const;
const ETH_1H = { type: "candle", coin: "ETH", interval: "1h" } as const;
const ALL_MIDS = { type: "allMids" } as const;

let mock: HyperliquidMock;
let stream: HyperliquidStream;
let seen: { mids: MidPrice[][]; candles: [string, string, Candle][]; statuses: StreamStatus[]; errors: Error[]; acks: unknown[] };

function start(over: Partial<HyperliquidStreamOptions> = {}): HyperliquidStream {
  stream = new HyperliquidStream({
    url: mock.wsUrl,
    pingEveryMs: 20,
    pongTimeoutMs: 40,
    backoff: { baseMs: 10, maxMs: 40, factor: 2, jitter: 0 },
    now: () => 777,
    ...over,
  });
  seen = { mids: [], candles: [], statuses: [], errors: [], acks: [] };
  stream.on("mids", (m) => seen.mids.push(m));
  stream.on("candle", (coin, interval, c) => seen.candles.push([coin, interval, c]));
  stream.on("status", (s) => seen.statuses.push(s));
  stream.on("error", (e) => seen.errors.push(e));
  stream.on("ack", (method, sub) => seen.acks.push({ method, sub }));
  return stream;
}

/** what the client sent on a connection, heartbeats left out */
const sentOn = (c: MockConnection | undefined) => (c?.received ?? []).filter((m) => (m as { method?: string }).method !== "ping");
const states = () => seen.statuses.map((s) => s.state);

beforeEach(async () => {
  mock = await createHyperliquidMock();
});
afterEach(async () => {
  await stream.close();
  await mock.close();
});

describe("HyperliquidStream", () => {
  it("subscribes and turns allMids and candle pushes into records", async () => {
    start().subscribe(ALL_MIDS);
    stream.subscribe(BTC_1M);
    await stream.connect();
    await waitUntil(() => seen.acks.length === 2, "acks");
    expect(sentOn(mock.connections[0])).toEqual([
      { method: "subscribe", subscription: { type: "allMids" } },
      { method: "subscribe", subscription: { type: "candle", coin: "BTC", interval: "1m" } },
    ]);

    expect(mock.pushMids({ BTC: "30135.0", ETH: "1903.95" })).toBe(1);
    const row = wireCandle({ t: T0, o: "30100.5", h: 30200, l: 30050, c: 30150, v: "12.5", n: 42, coin: "BTC", interval: "1m" });
    mock.pushCandle(row); // the single object the SDKs see
    mock.pushCandle({ ...row, c: "30160" }, { asArray: true }); // the documented Candle[]
    mock.pushRaw(JSON.stringify({ channel: "candle", data: { ...row, s: "ETH" } })); // not subscribed: dropped
    await waitUntil(() => seen.candles.length === 2 && seen.mids.length === 1, "pushes");

    expect(seen.mids).toEqual([
      [
        { symbol: "BTC", time: 777, price: 30135 },
        { symbol: "ETH", time: 777, price: 1903.95 },
      ],
    ]);
    const candle = { openTime: T0, closeTime: T0 + 59_999, open: 30100.5, high: 30200, low: 30050, close: 30150, volume: 12.5, trades: 42 };
    expect(seen.candles).toEqual([
      ["BTC", "1m", candle],
      ["BTC", "1m", { ...candle, close: 30160 }],
    ]);
    expect(seen.errors).toEqual([]); // the plain-text welcome frame is not an error
  });

  it("pings and stays on the same connection while pongs come back", async () => {
    await start().connect();
    await waitUntil(() => (mock.connections[0]?.received.length ?? 0) >= 4, "four pings");
    expect(mock.connections[0]!.received.slice(0, 4)).toEqual(Array.from({ length: 4 }, () => ({ method: "ping" })));
    expect(mock.connections).toHaveLength(1);
    expect(states()).toEqual(["connecting", "connected"]);
  });

  it("treats a missing pong as a dead link: reconnects and resubscribes", async () => {
    start().subscribe(ALL_MIDS);
    await stream.connect();
    mock.setAnswerPings(false);
    await waitUntil(() => seen.statuses.some((s) => s.state === "reconnecting"), "reconnecting");
    mock.setAnswerPings(true);
    expect(seen.statuses).toContainEqual({ state: "disconnected", reason: "no pong within 40 ms" });
    await waitUntil(() => mock.openConnections().some((c) => c.subscriptions.has("allMids") && c.id > 1), "resubscribed");
    expect(stream.connected).toBe(true);
  });

  it("after a drop, re-sends exactly the active subscriptions", async () => {
    start().subscribe(ALL_MIDS);
    stream.subscribe(BTC_1M);
    stream.subscribe(ETH_1H);
    await stream.connect();
    stream.unsubscribe(BTC_1M);
    stream.unsubscribe(BTC_1M); // no longer active: nothing sent
    await waitUntil(() => seen.acks.length === 4, "acks");
    expect(sentOn(mock.connections[0]).at(-1)).toEqual({ method: "unsubscribe", subscription: BTC_1M });
    expect(sentOn(mock.connections[0])).toHaveLength(4);

    mock.dropAll();
    await waitUntil(() => sentOn(mock.connections[1]).length >= 2 && seen.acks.length === 6, "resubscribed");
    expect(sentOn(mock.connections[1])).toEqual([
      { method: "subscribe", subscription: ALL_MIDS },
      { method: "subscribe", subscription: ETH_1H },
    ]);
    expect(states()).toEqual(["connecting", "connected", "disconnected", "reconnecting", "connecting", "connected"]);
    expect(seen.statuses[3]).toMatchObject({ state: "reconnecting", attempt: 1, delayMs: 10 });

    mock.pushCandle(wireCandle({ t: T0, o: 1, h: 2, l: 1, c: 2, coin: "ETH", interval: "1h" }));
    mock.pushCandle(wireCandle({ t: T0, o: 1, h: 2, l: 1, c: 2, coin: "BTC", interval: "1m" }));
    await waitUntil(() => seen.candles.length === 1, "ETH candle");
    expect(seen.candles[0]!.slice(0, 2)).toEqual(["ETH", "1h"]);
  });

  it("reports malformed frames and throwing listeners as errors, and keeps streaming", async () => {
    start().subscribe(ALL_MIDS);
    stream.subscribe(BTC_1M);
    await stream.connect();
    await waitUntil(() => seen.acks.length === 2, "acks");
    mock.pushRaw("{not json");
    mock.pushRaw(JSON.stringify({ channel: "candle", data: { ...wireCandle({ t: T0, o: 1, h: 1, l: 1, c: 1 }), h: "high" } }));
    mock.pushRaw(JSON.stringify({ channel: "allMids", data: { mids: { BTC: "" } } }));
    mock.pushRaw(JSON.stringify({ data: {} }));
    mock.pushRaw(JSON.stringify({ channel: "error", data: "Invalid subscription" }));
    await waitUntil(() => seen.errors.length === 5, "five errors");
    expect(seen.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/not JSON/),
      expect.stringMatching(/^candle\.data\.h: expected a decimal number/),
      expect.stringMatching(/^allMids\.data\.mids\.BTC:/),
      expect.stringMatching(/^frame\.channel:/),
      expect.stringMatching(/venue error: "Invalid subscription"/),
    ]);

    stream.on("mids", () => {
      throw new Error("listener bug");
    });
    mock.pushMids({ BTC: "1" });
    await waitUntil(() => seen.mids.length === 1 && seen.errors.length === 6, "mids despite a throwing listener");
    expect(seen.errors[5]!.message).toBe("listener bug");
    expect(mock.connections).toHaveLength(1);
    expect(stream.connected).toBe(true);
  });

  it("close() stops for good, even while waiting to reconnect", async () => {
    await start({ backoff: { baseMs: 150, maxMs: 150, factor: 1, jitter: 0 } }).connect();
    mock.dropAll();
    await waitUntil(() => states().includes("reconnecting"), "reconnecting");
    await stream.close();
    expect(states().at(-1)).toBe("closed");
    await new Promise((resolve) => setTimeout(resolve, 300)); // longer than the cancelled backoff
    expect(mock.connections).toHaveLength(1);
    await expect(stream.connect()).rejects.toThrow(/closed/);

    await start().connect();
    await stream.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(mock.openConnections()).toHaveLength(0);
    expect(mock.connections).toHaveLength(2);
    expect(states()).toEqual(["connecting", "connected", "closed"]);
  });

  it("keeps retrying a venue that refuses connections, with the reason", async () => {
    // port 1 is privileged and outside the ephemeral range: no test server can be there
    const pending = start({ url: "ws://127.0.0.1:1" }).connect();
    await waitUntil(() => seen.statuses.filter((s) => s.state === "reconnecting").length >= 2, "two retries");
    expect(seen.statuses.find((s) => s.state === "reconnecting")).toMatchObject({ attempt: 1, reason: expect.stringMatching(/ECONNREFUSED/) });
    await stream.close();
    await expect(pending).rejects.toThrow(/closed before it connected/);
    await expect(start({ url: "not a url" }).connect()).rejects.toThrow();
    expect(stream.connected).toBe(false);
  });
});
