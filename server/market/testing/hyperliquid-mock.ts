/**
 * A fake Hyperliquid on 127.0.0.1 for tests: `/info` answers from in-memory data
 * in the venue's real formats (decimal strings, ms times, nested candle `req`,
 * per-answer caps so paging is exercised), and the WebSocket behaves like the
 * venue's (plain-text welcome, subscriptionResponse acks, ping -> pong, pushes).
 * Scripted failures go through `server.queue` (429, 500, hang, malformed body).
 */
import type { WebSocket } from "ws";
import { startLocalServer, type LocalServer, type RecordedRequest, type Reply } from "./local-server";
import {
  INTERVAL_MS,
  subscriptionKey,
  type CandleInterval,
  type Subscription,
  type WireAssetCtx,
  type WireCandle,
  type WireFunding,
  type WireL2Book,
  type WireUniverseEntry,
} from "../hyperliquid/wire";

export interface HyperliquidMockData {
  mids: Record<string, string>;
  /** per coin, any mix of intervals (rows carry `i`) */
  candles: Record<string, WireCandle[]>;
  universe: WireUniverseEntry[];
  /** index-aligned with universe */
  ctxs: WireAssetCtx[];
  funding: Record<string, WireFunding[]>;
  books: Record<string, WireL2Book>;
}

export interface HyperliquidMockOptions extends Partial<HyperliquidMockData> {
  /** default 5000, as the venue */
  maxCandlesPerRequest?: number;
  /** default 500, as the venue */
  maxFundingPerRequest?: number;
}

export interface MockConnection {
  id: number;
  socket: WebSocket;
  /** every message the client sent on this connection, parsed */
  received: unknown[];
  /** active subscriptions on this connection, by subscriptionKey */
  subscriptions: Map<string, Subscription>;
}

export interface HyperliquidMock {
  url: string;
  wsUrl: string;
  server: LocalServer;
  /** mutable: tests may add candles or change mids between calls */
  data: HyperliquidMockData;
  /** bodies of the /info requests received, optionally of one type */
  infoBodies(type?: string): Record<string, unknown>[];
  /** every connection ever accepted, oldest first */
  connections: MockConnection[];
  openConnections(): MockConnection[];
  /** sends an allMids push to subscribers; returns how many connections got it */
  pushMids(mids?: Record<string, string>): number;
  /** sends a candle push to subscribers of (row.s, row.i); `asArray` uses the documented Candle[] shape */
  pushCandle(row: WireCandle, options?: { asArray?: boolean }): number;
  /** sends a raw frame to every open connection */
  pushRaw(frame: string): void;
  dropAll(): void;
  setAnswerPings(answer: boolean): void;
  close(): Promise<void>;
}

export const WELCOME_FRAME = "Websocket connection established.";

export async function createHyperliquidMock(options: HyperliquidMockOptions = {}): Promise<HyperliquidMock> {
  const data: HyperliquidMockData = {
    mids: options.mids ?? {},
    candles: options.candles ?? {},
    universe: options.universe ?? [],
    ctxs: options.ctxs ?? [],
    funding: options.funding ?? {},
    books: options.books ?? {},
  };
  const maxCandles = options.maxCandlesPerRequest ?? 5000;
  const maxFunding = options.maxFundingPerRequest ?? 500;
  const server = await startLocalServer((req) => answerInfo(req, data, maxCandles, maxFunding));
  const connections: MockConnection[] = [];
  let answerPings = true;

  server.onSocket((socket) => {
    const conn: MockConnection = { id: connections.length + 1, socket, received: [], subscriptions: new Map() };
    connections.push(conn);
    socket.send(WELCOME_FRAME);
    socket.on("message", (raw) => {
      let msg: { method?: unknown; subscription?: Subscription };
      try {
        msg = JSON.parse(raw.toString()) as typeof msg;
      } catch {
        return;
      }
      conn.received.push(msg);
      if (msg.method === "ping") {
        if (answerPings) socket.send(JSON.stringify({ channel: "pong" }));
      } else if ((msg.method === "subscribe" || msg.method === "unsubscribe") && msg.subscription) {
        const key = subscriptionKey(msg.subscription);
        if (msg.method === "subscribe") conn.subscriptions.set(key, msg.subscription);
        else conn.subscriptions.delete(key);
        socket.send(JSON.stringify({ channel: "subscriptionResponse", data: { method: msg.method, subscription: msg.subscription } }));
      }
    });
  });

  const openConnections = () => connections.filter((c) => c.socket.readyState === c.socket.OPEN);
  const push = (key: string, frame: unknown) => {
    const targets = openConnections().filter((c) => c.subscriptions.has(key));
    for (const c of targets) c.socket.send(JSON.stringify(frame));
    return targets.length;
  };

  return {
    url: server.url,
    wsUrl: server.wsUrl,
    server,
    data,
    connections,
    openConnections,
    infoBodies: (type) =>
      server.requests
        .filter((r) => r.path === "/info" && typeof r.body === "object" && r.body !== null)
        .map((r) => r.body as Record<string, unknown>)
        .filter((b) => type === undefined || b.type === type),
    pushMids: (mids = data.mids) => push("allMids", { channel: "allMids", data: { mids } }),
    pushCandle: (row, o = {}) => push(subscriptionKey({ type: "candle", coin: row.s, interval: row.i }), { channel: "candle", data: o.asArray ? [row] : row }),
    pushRaw: (frame) => {
      for (const c of openConnections()) c.socket.send(frame);
    },
    dropAll: () => {
      for (const c of openConnections()) c.socket.terminate();
    },
    setAnswerPings: (answer) => {
      answerPings = answer;
    },
    close: () => server.close(),
  };
}

function answerInfo(req: RecordedRequest, data: HyperliquidMockData, maxCandles: number, maxFunding: number): Reply {
  const body = (typeof req.body === "object" && req.body !== null ? req.body : {}) as Record<string, unknown>;
  if (req.method !== "POST" || req.path !== "/info") return { status: 404, text: "Not Found" };
  switch (body.type) {
    case "allMids":
      return { json: data.mids };
    case "metaAndAssetCtxs":
      return { json: [{ universe: data.universe }, data.ctxs] };
    case "l2Book":
      return { json: data.books[String(body.coin)] ?? null };
    case "candleSnapshot": {
      const r = (body.req ?? {}) as { coin?: string; interval?: string; startTime?: number; endTime?: number };
      const rows = (data.candles[r.coin ?? ""] ?? [])
        .filter((c) => c.i === r.interval && c.t >= (r.startTime ?? 0) && c.t <= (r.endTime ?? Number.MAX_SAFE_INTEGER))
        .sort((a, b) => a.t - b.t);
      return { json: rows.slice(0, maxCandles) };
    }
    case "fundingHistory": {
      const start = Number(body.startTime ?? 0);
      const end = body.endTime === undefined ? Number.MAX_SAFE_INTEGER : Number(body.endTime);
      const rows = (data.funding[String(body.coin)] ?? []).filter((f) => f.time >= start && f.time <= end).sort((a, b) => a.time - b.time);
      return { json: rows.slice(0, maxFunding) };
    }
    default:
      // what the venue answers to a body it cannot read
      return { status: 422, text: "Failed to deserialize the JSON body into the target type" };
  }
}

const dec = (x: number | string) => (typeof x === "string" ? x : String(x));

/** A wire candle from numbers; T = t + interval - 1 ("1M" counted as 28 days). */
export function wireCandle(c: {
  t: number;
  o: number | string;
  h: number | string;
  l: number | string;
  c: number | string;
  v?: number | string;
  n?: number;
  coin?: string;
  interval?: CandleInterval;
}): WireCandle {
  const interval = c.interval ?? "1m";
  return { t: c.t, T: c.t + INTERVAL_MS[interval] - 1, s: c.coin ?? "BTC", i: interval, o: dec(c.o), c: dec(c.c), h: dec(c.h), l: dec(c.l), v: dec(c.v ?? 0), n: c.n ?? 0 };
}

/** `count` consecutive candles from `startTime`, close price given by `priceAt(index)`. */
export function wireCandles(coin: string, interval: CandleInterval, startTime: number, count: number, priceAt: (i: number) => number = (i) => 100 + i): WireCandle[] {
  return Array.from({ length: count }, (_, i) => {
    const close = priceAt(i);
    const open = i === 0 ? close : priceAt(i - 1);
    return wireCandle({ t: startTime + i * INTERVAL_MS[interval], o: open, c: close, h: Math.max(open, close), l: Math.min(open, close), v: 1 + i, n: 1 + (i % 7), coin, interval });
  });
}

/** Polls until `condition` holds; for tests waiting on sockets, never on durations. */
export async function waitUntil(condition: () => boolean, what = "condition", timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
