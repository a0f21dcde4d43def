/**
 * An LLM clone through the whole pipeline, against a local server speaking the
 * Messages API: every answer ends in a fill or a recorded rejection with its reason.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import { createAnthropicProvider } from "@/server/models/anthropic";
import { errorReply, startAnthropicMock, textReply, toolUseReply, type AnthropicMock } from "@/server/models/testing/anthropic-mock";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import * as paper from "@/server/repositories/paper";
import { createCloneFromTemplate } from "../clones/clones";
import { syncReplay } from "../market/sync/replay";
import { decide } from "./decide";

const T = Date.UTC(2026, 9, 2, 16, 0, 10);
let t: TestDb;
let mock: AnthropicMock;
let accountId: string;
let slot = 0;
beforeAll(async () => {
  t = await createTestDb();
  mock = await startAnthropicMock();
  // asset contexts (open interest) are snapshots taken at each sync: decide within minutes of it
  await syncReplay(t.db, new ManualClock(T), { seed: "llm", symbols: ["BTC"] });
  const owner = await t.db.user.create({ data: { email: "llm@example.test", name: "LLM creator", passwordHash: "-" } });
  const { id } = await createCloneFromTemplate(t.db, { ownerId: owner.id, templateId: "llm-discretionary" });
  accountId = (await paper.ensureAccount(t.db, { cloneId: id, mode: "PERSONAL", scopeKey: owner.id, startMicro: usdToMicro(10_000), dayStartMs: 0 })).id;
});
afterAll(async () => {
  await mock.close();
  await t.cleanup();
});

const provider = () => createAnthropicProvider({ apiKey: "sk-ant-test", baseURL: mock.url, fetch: mock.fetch, maxRetries: 1 });
const S = 10_000; // each case decides in its own 10-second slot, all within the snapshot's freshness
const run = () => decide(t.db, { accountId, asset: "BTC", decisionTime: T + ++slot * S, provider: provider(), timeoutMs: 2_000 });
const action = { action: "open_long", asset: "BTC", sizePct: 10, leverage: 2, confidence: 0.66, reasoning: "Funding is calm and price holds above VWAP." };

describe("an anthropic clone through the pipeline", () => {
  it.each([
    ["text instead of a tool call", "REJECTED", /up/, [textReply("I think BTC goes up.")]],
    ["a tool call with wrong types", "REJECTED", /Malformed action: .*sizePct/, [toolUseReply({ ...action, sizePct: "ten" })]],
    ["absurd size and leverage", "REJECTED", /Malformed action/, [toolUseReply({ ...action, sizePct: 5000, leverage: 500 })]],
    ["an unknown asset", "REJECTED", /the action names NOPE/, [toolUseReply({ ...action, asset: "NOPE" })]],
    ["an overloaded API (529, twice)", "NO_TRADE", /529|overload/i, [errorReply(529, "overloaded_error", "Overloaded"), errorReply(529, "overloaded_error", "Overloaded")]],
    ["a 500 twice", "NO_TRADE", /500/, [errorReply(500, "api_error", "Internal"), errorReply(500, "api_error", "Internal")]],
    ["an empty body", "REJECTED", /malformed|empty|JSON/i, [{ status: 200, text: "" }]],
  ] as const)("%s ends in %s with its reason", async (_name, status, reason, replies) => {
    mock.reply(...(replies as unknown as Parameters<AnthropicMock["reply"]>));
    const before = await t.db.paperOrder.count();
    const result = await run();
    expect(result.status).toBe(status);
    expect(result.reason).toMatch(reason);
    expect(await t.db.paperOrder.count()).toBe(before);
  });

  it("a 429 with retry-after, then a valid tool call: filled, with tokens and cost recorded", async () => {
    mock.reply(errorReply(429, "rate_limit_error", "Slow down", { "retry-after": "0" }), toolUseReply(action, { input_tokens: 2_000, output_tokens: 120 }));
    const result = await run();
    expect(result).toMatchObject({ status: "ACTION", action: { action: "open_long", sizePct: 10, leverage: 2 } });
    const stored = await t.db.decisionRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(stored).toMatchObject({ provider: "anthropic", inputTokens: 2_000, outputTokens: 120 });
    expect(Number(stored.costMicroUsd)).toBeGreaterThan(0);
    expect(await paper.openPositions(t.db, accountId)).toHaveLength(1);
  });

  it("without an API key: an explained no-trade, and no request is made", async () => {
    const requests = mock.server.requests.length;
    const result = await decide(t.db, { accountId, asset: "BTC", decisionTime: T + ++slot * S, provider: createAnthropicProvider({ apiKey: "" }) });
    expect(result.status).toBe("NO_TRADE");
    expect(result.reason).toContain("ANTHROPIC_API_KEY");
    expect(mock.server.requests.length).toBe(requests);
  });
});
