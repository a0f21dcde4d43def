/**
 * Hyperliquid's WebSocket feed (wss://api.hyperliquid.xyz/ws) as a long-lived
 * stream: it keeps the connection alive with pings, treats a missing pong as a
 * dead link, reconnects with backoff and re-sends every active subscription,
 * because the venue forgets them with the connection. Nothing thrown by a bad
 * frame or a listener escapes the socket handler: it becomes an "error" event.
 */
import WebSocket, { type RawData } from "ws";
import type { Candle, MidPrice } from "@/lib/domain/market/types";
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from "@/lib/domain/scheduling/backoff";
import { list, parseAllMids, parseWireCandle, record, text } from "./parse";
import { TypedEmitter } from "./typed-emitter";
import { subscriptionKey, type Subscription } from "./wire";

export type { Subscription } from "./wire";

export type StreamStatus =
  | { state: "connecting" }
  | { state: "connected" }
  | { state: "disconnected"; reason: string }
  | { state: "reconnecting"; attempt: number; delayMs: number; reason: string }
  | { state: "closed" };

export interface StreamEvents {
  /** allMids pushes, stamped with the local receipt time (the venue sends none) */
  mids: (mids: MidPrice[]) => void;
  candle: (coin: string, interval: string, candle: Candle) => void;
  /** the venue's subscriptionResponse */
  ack: (method: string, subscription: unknown) => void;
  status: (status: StreamStatus) => void;
  /** malformed frames, venue error messages, throwing listeners; the stream keeps going */
  error: (error: Error) => void;
}

export interface HyperliquidStreamOptions {
  url: string;
  pingEveryMs?: number;
  pongTimeoutMs?: number;
  backoff?: BackoffPolicy;
  WebSocketImpl?: typeof WebSocket;
  now?: () => number;
  random?: () => number;
}

export class StreamFrameError extends Error {
  override name = "StreamFrameError";
}

const WELCOME = "Websocket connection established.";
const OPEN = 1;

export class HyperliquidStream extends TypedEmitter<StreamEvents> {
  private readonly o: Required<Omit<HyperliquidStreamOptions, "url">> & { url: string };
  private readonly subs = new Map<string, Subscription>();
  private socket: WebSocket | null = null;
  private dropReason: string | null = null;
  private failures = 0;
  private closed = false;
  private waiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private reconnectTimer: NodeJS.Timeout | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  private pongTimer: NodeJS.Timeout | null = null;

  constructor(options: HyperliquidStreamOptions) {
    super();
    this.o = {
      url: options.url,
      pingEveryMs: options.pingEveryMs ?? 30_000,
      pongTimeoutMs: options.pongTimeoutMs ?? 10_000,
      backoff: options.backoff ?? { ...DEFAULT_BACKOFF, baseMs: 1_000, maxMs: 30_000 },
      WebSocketImpl: options.WebSocketImpl ?? WebSocket,
      now: options.now ?? Date.now,
      random: options.random ?? Math.random,
    };
  }

  protected override onListenerError(event: keyof StreamEvents, e: unknown): void {
    // an "error" listener that throws has nowhere left to report to
    if (event !== "error") this.emit("error", e instanceof Error ? e : new Error(String(e)));
  }

  /** Opens the connection; resolves once it is open (it keeps retrying until then). */
  connect(): Promise<void> {
    if (this.closed) return Promise.reject(new Error("stream is closed"));
    if (this.socket?.readyState === OPEN) return Promise.resolve();
    const opened = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    try {
      if (!this.socket && !this.reconnectTimer) this.open();
    } catch (e) {
      // a URL the socket cannot even parse will not get better by retrying
      this.socket = null;
      for (const w of this.waiters.splice(0)) w.reject(e as Error);
    }
    return opened;
  }

  subscribe(sub: Subscription): void {
    const key = subscriptionKey(sub);
    if (this.subs.has(key)) return;
    this.subs.set(key, sub);
    this.sendIfOpen({ method: "subscribe", subscription: sub });
  }

  unsubscribe(sub: Subscription): void {
    if (this.subs.delete(subscriptionKey(sub))) this.sendIfOpen({ method: "unsubscribe", subscription: sub });
  }

  get subscriptions(): Subscription[] {
    return [...this.subs.values()];
  }

  get connected(): boolean {
    return this.socket?.readyState === OPEN;
  }

  /** Stops for good: no reconnect, no timer left behind. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.stopHeartbeat();
    for (const w of this.waiters.splice(0)) w.reject(new Error("stream closed before it connected"));
    const socket = this.socket;
    if (socket) {
      await new Promise<void>((resolve) => {
        socket.once("close", () => resolve());
        socket.terminate();
      });
    }
    this.socket = null;
    this.emit("status", { state: "closed" });
  }

  private open(): void {
    this.emit("status", { state: "connecting" });
    const socket = new this.o.WebSocketImpl(this.o.url);
    this.socket = socket;
    this.dropReason = null;
    socket.on("open", () => {
      if (socket !== this.socket) return;
      this.failures = 0;
      this.emit("status", { state: "connected" });
      for (const sub of this.subs.values()) this.sendIfOpen({ method: "subscribe", subscription: sub });
      this.startHeartbeat(socket);
      for (const w of this.waiters.splice(0)) w.resolve();
    });
    socket.on("message", (data) => {
      if (socket === this.socket) this.onFrame(data);
    });
    socket.on("error", (e) => {
      if (socket === this.socket) this.dropReason ??= e.message;
    });
    socket.on("close", (code, reason) => {
      if (socket === this.socket) this.onClosed(code, reason.toString());
    });
  }

  private onClosed(code: number, reason: string): void {
    this.stopHeartbeat();
    this.socket = null;
    if (this.closed) return;
    const why = this.dropReason ?? `socket closed (code ${code}${reason ? `: ${reason}` : ""})`;
    this.emit("status", { state: "disconnected", reason: why });
    this.failures++;
    const delayMs = retryDelayMs(this.failures, this.o.backoff, this.o.random);
    this.emit("status", { state: "reconnecting", attempt: this.failures, delayMs, reason: why });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.closed) this.open();
    }, delayMs);
  }

  private startHeartbeat(socket: WebSocket): void {
    this.pingTimer = setInterval(() => {
      // one ping in flight at a time: its own timeout decides the link's fate
      if (socket !== this.socket || this.pongTimer) return;
      this.sendIfOpen({ method: "ping" });
      this.pongTimer = setTimeout(() => {
        this.pongTimer = null;
        this.dropReason = `no pong within ${this.o.pongTimeoutMs} ms`;
        socket.terminate();
      }, this.o.pongTimeoutMs);
      this.pongTimer.unref();
    }, this.o.pingEveryMs);
    this.pingTimer.unref();
  }

  private stopHeartbeat(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    if (this.pongTimer) clearTimeout(this.pongTimer);
    this.pingTimer = this.pongTimer = null;
  }

  private sendIfOpen(message: unknown): void {
    // while disconnected nothing is lost: the open handler re-sends every active subscription
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private onFrame(data: RawData): void {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    const frame = bytes.toString("utf8");
    if (frame.trim() === WELCOME) return;
    let message: unknown;
    try {
      message = JSON.parse(frame);
    } catch {
      this.emit("error", new StreamFrameError(`frame is not JSON: ${frame.slice(0, 80)}`));
      return;
    }
    try {
      this.dispatch(message);
    } catch (e) {
      this.emit("error", new StreamFrameError((e as Error).message));
    }
  }

  private dispatch(message: unknown): void {
    const m = record(message, "frame");
    const channel = text(m.channel, "frame.channel");
    if (channel === "pong") {
      if (this.pongTimer) clearTimeout(this.pongTimer);
      this.pongTimer = null;
    } else if (channel === "subscriptionResponse") {
      const d = record(m.data, "subscriptionResponse.data");
      this.emit("ack", text(d.method, "subscriptionResponse.data.method"), d.subscription);
    } else if (channel === "allMids") {
      const mids = parseAllMids(record(m.data, "allMids.data").mids, this.o.now(), "allMids.data.mids");
      if (this.subs.has("allMids")) this.emit("mids", mids);
    } else if (channel === "candle") {
      // the docs say Candle[], the SDKs see a single object: accept both
      const rows = Array.isArray(m.data) ? list(m.data, "candle.data") : [m.data];
      const parsed = rows.map((row, i) => parseWireCandle(row, Array.isArray(m.data) ? `candle.data[${i}]` : "candle.data"));
      for (const p of parsed) {
        // a push already in flight when we unsubscribed is not news for anyone
        if (this.subs.has(subscriptionKey({ type: "candle", coin: p.coin, interval: p.interval }))) this.emit("candle", p.coin, p.interval, p.candle);
      }
    } else if (channel === "error") {
      this.emit("error", new StreamFrameError(`venue error: ${JSON.stringify(m.data)?.slice(0, 200)}`));
    }
    // other channels belong to subscriptions this client does not make
  }
}
