/**
 * A real HTTP (and WebSocket) server on 127.0.0.1 for protocol-client tests: it
 * serves payloads in the venues' real formats, and each test scripts what the
 * next requests get (a 429, a 500, a hang, a malformed body, …).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export type Reply =
  | { status?: number; json: unknown; headers?: Record<string, string> }
  | { status?: number; text: string; headers?: Record<string, string> }
  /** never answer (the client's timeout must fire) */
  | { hang: true };

export type Handler = (req: RecordedRequest) => Reply | Promise<Reply>;

export interface LocalServer {
  url: string;
  wsUrl: string;
  requests: RecordedRequest[];
  /** replies used before the handler, in order: scripted failures */
  queue: Reply[];
  sockets: Set<WebSocket>;
  onSocket(fn: (socket: WebSocket) => void): void;
  close(): Promise<void>;
}

export async function startLocalServer(handler: Handler): Promise<LocalServer> {
  const requests: RecordedRequest[] = [];
  const queue: Reply[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const u = new URL(req.url ?? "/", "http://127.0.0.1");
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: u.pathname,
      query: u.searchParams,
      body: raw ? safeJson(raw) : undefined,
    };
    requests.push(recorded);
    const reply = queue.shift() ?? (await handler(recorded));
    if ("hang" in reply) {
      hanging.add(res);
      return;
    }
    const headers = { ...(reply.headers ?? {}) };
    if ("json" in reply) {
      res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(reply.json));
    } else {
      res.writeHead(reply.status ?? 200, { "content-type": "text/plain", ...headers });
      res.end(reply.text);
    }
  });
  const wss = new WebSocketServer({ server });
  const sockets = new Set<WebSocket>();
  const socketListeners: ((s: WebSocket) => void)[] = [];
  wss.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    for (const l of socketListeners) l(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    requests,
    queue,
    sockets,
    onSocket: (fn) => socketListeners.push(fn),
    async close() {
      for (const res of hanging) res.destroy();
      for (const s of sockets) s.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      // idle keep-alive connections would otherwise hold close() for seconds
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
