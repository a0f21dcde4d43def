import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { actionToolInputSchema, parseAction } from "@/lib/domain/actions/action";
import { checkGates, type GateContext } from "@/lib/domain/risk/gates";
import { startLocalServer } from "@/server/market/testing/local-server";
import { createAnthropicProvider, NO_API_KEY_REASON, type AnthropicProviderOptions } from "./anthropic";
import { errorReply, messageReply, MOCK_MODEL, startAnthropicMock, textReply, toolUseReply, type AnthropicMock } from "./testing/anthropic-mock";
import type { DecisionRequest, ModelOutcome } from "./types";
import { templateGraph } from "@/lib/domain/graph/templates";
import { tradingPrompt } from "@/lib/domain/graph/queries";

let mock: AnthropicMock;
beforeAll(async () => {
  mock = await startAnthropicMock();
});
afterAll(async () => mock.close());
beforeEach(() => {
  mock.server.queue.length = 0;
});

const provider = (over: AnthropicProviderOptions = {}) =>
  createAnthropicProvider({ apiKey: "sk-ant-test", baseURL: mock.url, fetch: mock.fetch, ...over });

const request = (over: Partial<DecisionRequest> = {}): DecisionRequest => ({
  model: MOCK_MODEL,
  temperature: 0.2,
  system: "You are a trading clone. Rules: one action per decision; hold when unsure.",
  context: "BTC 1m close 100,000; RSI(14) 61; funding +0.01%/h. Account: equity $10,000, no open positions.",
  assets: ["BTC", "ETH"],
  asset: "BTC",
  packet: { decisionTime: Date.UTC(2026, 5, 1), assets: [], problems: [] },
  tradingPrompt: tradingPrompt(templateGraph("llm-discretionary")),
  position: null,
  timeoutMs: 5_000,
  ...over,
});

const LONG = { action: "open_long", asset: "BTC", sizePct: 10, leverage: 3, stopLoss: 95_000, confidence: 0.7, reasoning: "Trend up, funding calm." };

const gateContext: GateContext = {
  limits: { maxPositionPct: 20, maxLeverage: 5, maxDailyLossPct: 5, allowedActions: ["open_long", "open_short", "close", "hold"], allowedAssets: ["BTC", "ETH"] },
  account: { equityCents: 1_000_000, startEquityCents: 1_000_000, dayStartEquityCents: 1_000_000, peakEquityCents: 1_000_000, openPositions: [] },
  market: { BTC: { stale: false, price: 100_000 }, ETH: { stale: false, price: 3_000 } },
  killSwitch: "none",
};

function failure(outcome: ModelOutcome) {
  if (outcome.ok) throw new Error(`expected a failure, got ok with ${JSON.stringify(outcome.rawAction)}`);
  return outcome;
}
function success(outcome: ModelOutcome) {
  if (!outcome.ok) throw new Error(`expected ok, got ${outcome.kind}: ${outcome.reason}`);
  return outcome;
}

describe("anthropic provider: answers", () => {
  it("hands on the tool input exactly, with usage, exact cost and latency", async () => {
    mock.reply(toolUseReply(LONG, { input_tokens: 628, output_tokens: 56, cache_creation_input_tokens: 1_200, cache_read_input_tokens: 3_000 }));
    const ticks = [1_000, 1_250];
    const out = success(await provider({ now: () => ticks.shift() ?? 9_999 }).decide(request()));
    expect(out.rawAction).toEqual(LONG);
    expect(out.usage).toEqual({ inputTokens: 628, outputTokens: 56, cacheCreationInputTokens: 1_200, cacheReadInputTokens: 3_000 });
    // sonnet 4.6 at $3 / $15 / $3.75 / $0.30 per MTok: 1,884 + 840 + 4,500 + 900 µUSD
    expect(out.costMicroUsd).toBe(8_124);
    expect(out.latencyMs).toBe(250);
    expect(out.attempts).toBe(1);
    expect(out.rawResponse).toMatchObject({ type: "message", stop_reason: "tool_use" });
    expect(parseAction(out.rawAction)).toMatchObject({ ok: true, action: { action: "open_long", asset: "BTC", sizePct: 10, leverage: 3 } });
  });

  it("sends the stable prefix cached, the strict tool forced, no temperature, and the key as a bearer token", async () => {
    mock.reply(toolUseReply(LONG));
    await provider().decide(request());
    const body = mock.bodies().at(-1)!;
    expect(body.model).toBe(MOCK_MODEL);
    expect(body.max_tokens).toBe(4096);
    expect(body.system).toEqual([{ type: "text", text: request().system, cache_control: { type: "ephemeral" } }]);
    expect(body.tools).toEqual([{ name: "submit_action", description: expect.any(String), input_schema: actionToolInputSchema, strict: true }]);
    expect(body.tool_choice).toEqual({ type: "tool", name: "submit_action", disable_parallel_tool_use: true });
    expect(body.messages).toEqual([{ role: "user", content: `${request().context}\n\nAllowed assets for this decision: BTC, ETH.` }]);
    // API version 2026-10-21 answers 400 to any temperature, even 1.0
    expect(body).not.toHaveProperty("temperature");
    const headers = mock.headers.at(-1)!;
    expect(headers.get("anthropic-version")).toBe("2026-10-21");
    expect(headers.get("authorization")).toBe("Bearer sk-ant-test");
    expect(headers.get("x-api-key")).toBeNull();
  });

  it("serves concurrent decisions from one client, counting each one's attempts", async () => {
    mock.reply(toolUseReply(LONG), toolUseReply({ ...LONG, asset: "ETH" }));
    const p = provider();
    const outs = await Promise.all([p.decide(request()), p.decide(request())]);
    expect(outs.map((o) => success(o).attempts)).toEqual([1, 1]);
    expect(outs.map((o) => (success(o).rawAction as { asset: string }).asset).sort()).toEqual(["BTC", "ETH"]);
  });

  it("honours ANTHROPIC_BASE_URL when no baseURL is given", async () => {
    const saved = process.env.ANTHROPIC_BASE_URL;
    process.env.ANTHROPIC_BASE_URL = mock.url;
    try {
      mock.reply(toolUseReply(LONG));
      const before = mock.server.requests.length;
      success(await createAnthropicProvider({ apiKey: "sk-ant-test" }).decide(request()));
      expect(mock.server.requests.length - before).toBe(1);
    } finally {
      if (saved === undefined) delete process.env.ANTHROPIC_BASE_URL;
      else process.env.ANTHROPIC_BASE_URL = saved;
    }
  });

  it("asks models that reject forced tool use with tool_choice auto", async () => {
    mock.reply(toolUseReply(LONG));
    success(await provider().decide(request({ model: "claude-opus-5-5" })));
    expect(mock.bodies().at(-1)!.tool_choice).toEqual({ type: "auto", disable_parallel_tool_use: true });
  });

  it("finds the tool call after a thinking block", async () => {
    mock.reply(messageReply([{ type: "thinking", thinking: "", signature: "sig" }, { type: "tool_use", id: "toolu_1", name: "submit_action", input: LONG }], "tool_use"));
    expect(success(await provider().decide(request())).rawAction).toEqual(LONG);
  });

  it("records text instead of a tool call as no_tool_call, quoting the text and keeping the cost", async () => {
    mock.reply(textReply("I think BTC looks bullish, I would go long.", "end_turn", { input_tokens: 1_000, output_tokens: 20 }));
    const out = failure(await provider().decide(request()));
    expect(out.kind).toBe("no_tool_call");
    expect(out.reason).toBe('The model answered in text instead of calling submit_action: "I think BTC looks bullish, I would go long."');
    // 1,000×3 + 20×15 = 3,300 µUSD: the answer was billed even if useless
    expect(out.costMicroUsd).toBe(3_300);
  });

  it("truncates a long text answer in the reason", async () => {
    mock.reply(textReply("blah".repeat(12_500)));
    const out = failure(await provider().decide(request()));
    expect(out.kind).toBe("no_tool_call");
    expect(out.reason.length).toBeLessThan(400);
    expect(out.reason).toContain("truncated; 50,000 characters in total");
  });

  it("records a call to another tool as no_tool_call", async () => {
    mock.reply(toolUseReply(LONG, {}, "place_order"));
    expect(failure(await provider().decide(request()))).toMatchObject({ kind: "no_tool_call", reason: 'The model called "place_order" instead of submit_action' });
  });

  it("records a refusal as refused, with its category", async () => {
    const reply = messageReply([], "refusal");
    (reply as { json: Record<string, unknown> }).json.stop_details = { type: "refusal", category: "general_harms", explanation: null };
    mock.reply(reply);
    expect(failure(await provider().decide(request()))).toMatchObject({ kind: "refused", reason: "The model refused to decide (category general_harms)" });
  });

  it("records an answer cut at max_tokens as malformed, even with a partial tool call", async () => {
    mock.reply(messageReply([{ type: "tool_use", id: "toolu_2", name: "submit_action", input: { action: "open_long" } }], "max_tokens"));
    const out = failure(await provider({ maxTokens: 64 }).decide(request()));
    expect(out).toMatchObject({ kind: "malformed_response", reason: "The answer was cut off at max_tokens (64) before the action was complete" });
  });
});

describe("anthropic provider: hostile or broken tool input is handed on raw, and rejected downstream", () => {
  it("wrong types: ok raw, then parseAction rejects with the field", async () => {
    const input = { action: "open_long", asset: "BTC", sizePct: "ten", leverage: 3, confidence: 0.6, reasoning: "go" };
    mock.reply(toolUseReply(input));
    const out = success(await provider().decide(request()));
    expect(out.rawAction).toEqual(input);
    expect(parseAction(out.rawAction)).toEqual({ ok: false, reason: 'sizePct must be a number from 0 to 100 (percent of equity used as margin), got "ten"' });
  });

  it("absurd size and leverage: ok raw, then parseAction rejects each", async () => {
    mock.reply(toolUseReply({ ...LONG, sizePct: 5_000, leverage: 1_000 }), toolUseReply({ ...LONG, leverage: 1_000 }), toolUseReply({ ...LONG, sizePct: 90, leverage: 40 }));
    const p = provider();
    expect(parseAction(success(await p.decide(request())).rawAction)).toEqual({ ok: false, reason: "sizePct must be a number from 0 to 100 (percent of equity used as margin), got 5000" });
    expect(parseAction(success(await p.decide(request())).rawAction)).toEqual({ ok: false, reason: "leverage must be a number between 1 and 50, got 1000" });
    // within the schema's bounds but past this clone's limits: the gates reject it
    const parsed = parseAction(success(await p.decide(request())).rawAction);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(checkGates(parsed.action, gateContext)).toEqual({ ok: false, gate: "size", reason: "sizePct 90 is above the 20% limit" });
  });

  it("an unknown asset: ok raw, parses, then the allowed-asset gate rejects it", async () => {
    mock.reply(toolUseReply({ ...LONG, asset: "DOGEFAKE" }));
    const parsed = parseAction(success(await provider().decide(request())).rawAction);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(checkGates(parsed.action, gateContext)).toEqual({ ok: false, gate: "allowed_asset", reason: "DOGEFAKE is not an allowed asset (allowed: BTC, ETH)" });
  });
});

describe("anthropic provider: failures", () => {
  it("retries a 429 after its retry-after, then succeeds (2 attempts)", async () => {
    mock.reply(errorReply(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit", { "retry-after": "1" }), toolUseReply(LONG));
    const before = mock.server.requests.length;
    const out = success(await provider().decide(request()));
    expect(out.attempts).toBe(2);
    expect(mock.server.requests.length - before).toBe(2);
    expect(mock.headers.at(-1)!.get("x-stainless-retry-count")).toBe("1");
  });

  it("retries a 500, then succeeds", async () => {
    mock.reply(errorReply(500, "api_error", "Internal server error"), toolUseReply(LONG));
    expect(success(await provider().decide(request())).attempts).toBe(2);
  });

  it("a 529 on every attempt ends unavailable after 3 attempts", async () => {
    mock.reply(...Array.from({ length: 3 }, () => errorReply(529, "overloaded_error", "Overloaded")));
    const out = failure(await provider().decide(request()));
    expect(out).toMatchObject({ kind: "unavailable", attempts: 3, reason: 'Anthropic is overloaded (529 overloaded_error) after 3 attempts: "Overloaded"' });
    expect(out.rawResponse).toMatchObject({ status: 529, body: { type: "error", error: { type: "overloaded_error" } }, requestId: expect.stringMatching(/^req_/) });
  });

  it("a 429 on every attempt ends unavailable, rate limited", async () => {
    mock.reply(...Array.from({ length: 3 }, () => errorReply(429, "rate_limit_error", "Rate limited", { "retry-after-ms": "20" })));
    expect(failure(await provider().decide(request()))).toMatchObject({
      kind: "unavailable",
      attempts: 3,
      reason: 'Anthropic rate limited this request (429) after 3 attempts: "Rate limited"',
    });
  });

  it("a retry-after past the decision's budget ends unavailable without waiting it out", async () => {
    mock.reply(errorReply(429, "rate_limit_error", "Rate limited", { "retry-after": "3600" }));
    const before = mock.server.requests.length;
    const out = failure(await provider({ maxRetries: 1, maxRetryWaitMs: 100 }).decide(request({ timeoutMs: 300 })));
    expect(out.kind).toBe("unavailable");
    // budget: 300 ms × 2 attempts + 100 ms of waiting + 1,000 ms grace
    expect(out.reason).toBe("Anthropic rate limited this request (429) after 1 attempt and asked to wait 3600 s more, past this decision's budget of 1700 ms");
    expect(mock.server.requests.length - before).toBe(1);
  });

  it("a request that never answers ends in timeout", async () => {
    mock.reply({ hang: true });
    const out = failure(await provider({ maxRetries: 0 }).decide(request({ timeoutMs: 200 })));
    expect(out).toMatchObject({ kind: "timeout", attempts: 1, reason: "No answer from the Anthropic API within 200 ms (1 attempt)" });
  });

  it("a timeout is retried like any connection failure", async () => {
    mock.reply({ hang: true }, toolUseReply(LONG));
    expect(success(await provider({ maxRetries: 1 }).decide(request({ timeoutMs: 200 }))).attempts).toBe(2);
  });

  it.each([
    ["an empty body", { text: "", headers: { "content-type": "application/json", "content-length": "0" } }, "The Anthropic API answered 200 with an empty body"],
    // without a content-length the SDK's JSON.parse meets the empty body and throws
    ["an empty chunked body", { text: "", headers: { "content-type": "application/json" } }, "The Anthropic API answered 200 with a body that is not JSON"],
    ["a body that is not JSON", { text: "{not json", headers: { "content-type": "application/json" } }, "The Anthropic API answered 200 with a body that is not JSON"],
    ["an HTML page", { text: "<html>502 Bad Gateway</html>", headers: { "content-type": "text/html" } }, 'The Anthropic API answered 200 with text "<html>502 Bad Gateway</html>"'],
    ["JSON that is not a Message", { json: { hello: "world" } }, "The Anthropic API answered 200 with JSON that is not a Message"],
  ])("%s is malformed_response", async (_name, reply, reason) => {
    mock.reply(reply);
    const out = failure(await provider({ maxRetries: 0 }).decide(request()));
    expect(out.kind).toBe("malformed_response");
    expect(out.reason.slice(0, reason.length)).toBe(reason);
  });

  it("a 401 is an http_error naming the status and the API's message, not retried", async () => {
    mock.reply(errorReply(401, "authentication_error", "invalid x-api-key"));
    const out = failure(await provider().decide(request()));
    expect(out).toMatchObject({ kind: "http_error", attempts: 1, reason: 'The Anthropic API answered HTTP 401 authentication_error: "invalid x-api-key"' });
    expect(out.rawResponse).toMatchObject({ status: 401, body: { error: { type: "authentication_error", message: "invalid x-api-key" } } });
  });

  it("a 400 names the API's message", async () => {
    mock.reply(errorReply(400, "invalid_request_error", "temperature: Extra inputs are not permitted"));
    expect(failure(await provider().decide(request())).reason).toBe(
      'The Anthropic API answered HTTP 400 invalid_request_error: "temperature: Extra inputs are not permitted"',
    );
  });

  it("an unreachable API is unavailable", async () => {
    const gone = await startLocalServer(() => ({ json: {} }));
    await gone.close();
    const out = failure(await createAnthropicProvider({ apiKey: "k", baseURL: gone.url, maxRetries: 0 }).decide(request()));
    expect(out.kind).toBe("unavailable");
    expect(out.reason).toMatch(/^Could not reach the Anthropic API after 1 attempt: /);
  });

  it.each([undefined, "", "   "])("no API key (%j) is an explained no-trade, and no request is made", async (apiKey) => {
    const before = mock.server.requests.length;
    const out = failure(await provider({ apiKey }).decide(request()));
    expect(out).toMatchObject({ kind: "no_api_key", reason: NO_API_KEY_REASON, attempts: 0, usage: null, costMicroUsd: 0 });
    expect(mock.server.requests.length).toBe(before);
  });
});
