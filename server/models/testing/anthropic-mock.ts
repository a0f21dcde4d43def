/**
 * A fake Anthropic Messages API on 127.0.0.1 for tests: `POST /v1/messages`
 * answers in the real wire format (a Message with tool_use or text content and
 * usage; errors as `{"type":"error","error":{type,message}}` with `request-id`
 * and, for rate limits, `retry-after`). Scripted answers go through `reply()`
 * (or `server.queue`), in order; unscripted requests get a valid hold.
 *
 * The shared local server records bodies but not headers, so `fetch` here is a
 * recording fetch: hand it to the client under test to assert what went on the
 * wire (authorization, anthropic-version, retry count).
 */
import { startLocalServer, type LocalServer, type RecordedRequest, type Reply } from "@/server/market/testing/local-server";

export const MOCK_MODEL = "claude-sonnet-4-6";

export interface WireUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number | null;
  cache_read_input_tokens: number | null;
  service_tier: "standard" | "priority" | "batch" | null;
}

export type WireStopReason = "end_turn" | "max_tokens" | "stop_sequence" | "tool_use" | "pause_turn" | "refusal";

export interface AnthropicMock {
  url: string;
  server: LocalServer;
  /** queue answers for the next requests, in order */
  reply(...replies: Reply[]): void;
  /** JSON bodies of the POST /v1/messages requests received, oldest first */
  bodies(): Record<string, unknown>[];
  /** headers of every request sent through `fetch`, oldest first */
  headers: Headers[];
  fetch: typeof globalThis.fetch;
  close(): Promise<void>;
}

let counter = 0;
const nextId = (prefix: string) => `${prefix}_mock${String(++counter).padStart(6, "0")}`;
const requestIdHeader = () => ({ "request-id": nextId("req") });

export const DEFAULT_USAGE: WireUsage = {
  input_tokens: 628,
  output_tokens: 56,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
  service_tier: "standard",
};

/** Any Message: content blocks and stop_reason as given. */
export function messageReply(content: unknown[], stopReason: WireStopReason, usage: Partial<WireUsage> = {}, model = MOCK_MODEL): Reply {
  return {
    status: 200,
    headers: requestIdHeader(),
    json: {
      model,
      id: nextId("msg"),
      type: "message",
      role: "assistant",
      content,
      stop_reason: stopReason,
      stop_sequence: null,
      usage: { ...DEFAULT_USAGE, ...usage },
    },
  };
}

/** The model calling a tool (submit_action unless named otherwise) with `input` as given. */
export function toolUseReply(input: unknown, usage: Partial<WireUsage> = {}, name = "submit_action"): Reply {
  return messageReply([{ type: "tool_use", id: nextId("toolu"), name, input }], "tool_use", usage);
}

/** The model answering in prose instead of calling the tool. */
export function textReply(text: string, stopReason: WireStopReason = "end_turn", usage: Partial<WireUsage> = {}): Reply {
  return messageReply([{ type: "text", text, citations: null }], stopReason, usage);
}

/** An API error as Anthropic sends it, e.g. errorReply(429, "rate_limit_error", "…", { "retry-after": "1" }). */
export function errorReply(status: number, type: string, message: string, headers: Record<string, string> = {}): Reply {
  const all = { ...requestIdHeader(), ...headers };
  return { status, headers: all, json: { type: "error", error: { type, message }, request_id: all["request-id"] } };
}

const HOLD = { action: "hold", asset: "BTC", sizePct: 0, leverage: 1, confidence: 0.5, reasoning: "mock: nothing scripted" };

function route(req: RecordedRequest): Reply {
  if (req.method === "POST" && req.path === "/v1/messages") return toolUseReply(HOLD);
  return errorReply(404, "not_found_error", `Not found: ${req.method} ${req.path}`);
}

export async function startAnthropicMock(): Promise<AnthropicMock> {
  const server = await startLocalServer(route);
  const headers: Headers[] = [];
  const recordingFetch: typeof globalThis.fetch = (input, init) => {
    headers.push(new Headers(input instanceof Request ? input.headers : init?.headers));
    return globalThis.fetch(input, init);
  };
  return {
    url: server.url,
    server,
    reply: (...replies) => void server.queue.push(...replies),
    bodies: () =>
      server.requests
        .filter((r) => r.method === "POST" && r.path === "/v1/messages")
        .map((r) => (typeof r.body === "object" && r.body !== null ? (r.body as Record<string, unknown>) : { raw: r.body })),
    headers,
    fetch: recordingFetch,
    close: () => server.close(),
  };
}
