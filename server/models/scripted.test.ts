import { describe, expect, it } from "vitest";
import type { ContextPacket } from "@/lib/domain/decisions/context-packet";
import { templateGraph } from "@/lib/domain/graph/templates";
import { tradingPrompt } from "@/lib/domain/graph/queries";
import { providerFor } from "./index";
import { createScriptedProvider, isModelOutcome, SCRIPT_EXHAUSTED_REASON } from "./scripted";
import type { DecisionRequest, ModelOutcome } from "./types";

const packet: ContextPacket = { decisionTime: 0, assets: [], problems: [] };
const request = (asset = "BTC"): DecisionRequest => ({
  model: "scripted", temperature: 0, system: "", context: "", assets: [asset], asset, packet,
  tradingPrompt: tradingPrompt(templateGraph("momentum")), position: null, timeoutMs: 1_000,
});
const LONG = { action: "open_long", asset: "BTC", sizePct: 10, leverage: 2, confidence: 0.6, reasoning: "scripted" };
const TIMEOUT: ModelOutcome = { ok: false, kind: "timeout", reason: "no answer within 30 s", rawResponse: null, usage: null, costMicroUsd: 0, latencyMs: 30_000, attempts: 3 };
const exhausted = { ok: false, kind: "unavailable", reason: SCRIPT_EXHAUSTED_REASON, attempts: 0 };

describe("scripted provider", () => {
  it("plays raw actions and whole outcomes in order, then says the script ran out", async () => {
    const provider = createScriptedProvider([LONG, TIMEOUT, "not even an action", undefined]);
    expect(provider.name).toBe("scripted");
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push(await provider.decide(request()));
    expect(outcomes[0]).toEqual({ ok: true, rawAction: LONG, rawResponse: LONG, usage: null, costMicroUsd: 0, latencyMs: 0, attempts: 1 });
    expect(outcomes[1]).toBe(TIMEOUT);
    expect(outcomes[2]).toMatchObject({ ok: true, rawAction: "not even an action" });
    expect(outcomes[3]).toMatchObject({ ok: true, rawAction: undefined });
    expect(outcomes[4]).toMatchObject(exhausted);
    expect(outcomes[5]).toMatchObject(exhausted);
    expect(provider.requests).toHaveLength(6);
  });

  it("a function gets the request and the call index; undefined ends it, a throw is an outcome", async () => {
    const provider = createScriptedProvider((req, i) => {
      if (i === 1) throw new Error("boom");
      return i < 3 ? { ...LONG, asset: req.asset, reasoning: `call ${i}` } : undefined;
    });
    expect(await provider.decide(request("ETH"))).toMatchObject({ ok: true, rawAction: { asset: "ETH", reasoning: "call 0" } });
    expect(await provider.decide(request())).toMatchObject({ ok: false, kind: "unavailable", reason: "the script failed at decision 2: boom" });
    expect(await provider.decide(request("SOL"))).toMatchObject({ ok: true, rawAction: { asset: "SOL", reasoning: "call 2" } });
    expect(await provider.decide(request())).toMatchObject(exhausted);
  });

  it("awaits an async script", async () => {
    const provider = createScriptedProvider(async () => LONG);
    expect(await provider.decide(request())).toMatchObject({ ok: true, rawAction: LONG });
  });

  it.each([
    [TIMEOUT, true],
    [{ ok: true, rawAction: LONG, rawResponse: null, usage: null, costMicroUsd: 0, latencyMs: 5, attempts: 1 }, true],
    [LONG, false],
    [{ ok: false, reason: "x", kind: "made-up", rawResponse: null, usage: null, costMicroUsd: 0, latencyMs: 0, attempts: 0 }, false],
    [{ ok: true, rawAction: LONG }, false],
    [null, false],
  ])("tells whole outcomes from raw actions (%#)", (value, expected) => {
    expect(isModelOutcome(value)).toBe(expected);
  });

  it("providerFor builds each provider by name", async () => {
    expect(providerFor("rules").name).toBe("rules");
    expect(providerFor("anthropic").name).toBe("anthropic");
    expect(await providerFor("anthropic", { anthropicApiKey: "" }).decide(request())).toMatchObject({ ok: false, kind: "no_api_key", attempts: 0 });
    expect(await providerFor("scripted", { script: [LONG] }).decide(request())).toMatchObject({ ok: true, rawAction: LONG });
    expect(await providerFor("scripted").decide(request())).toMatchObject(exhausted);
  });
});
