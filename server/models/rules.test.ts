import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAction, type Action } from "@/lib/domain/actions/action";
import { ManualClock } from "@/lib/domain/clock";
import type { ContextPacket } from "@/lib/domain/decisions/context-packet";
import { tradingPrompt } from "@/lib/domain/graph/queries";
import type { CloneGraph } from "@/lib/domain/graph/schema";
import { templateGraph, TEMPLATE_IDS, type TemplateId } from "@/lib/domain/graph/templates";
import { resolveContext } from "@/server/services/decisions/resolve-context";
import { syncReplay } from "@/server/services/market/sync/replay";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createRulesProvider } from "./rules";
import type { DecisionRequest, ModelOutcome } from "./types";

const M = 60_000;
const T = Date.UTC(2026, 5, 10, 14, 7, 20);
// two hours of decision times, every five minutes, all before the synced edge
const TIMES = Array.from({ length: 24 }, (_, k) => T - k * 5 * M);

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
  await syncReplay(test.db, new ManualClock(T), { seed: "rules", symbols: ["BTC"] });
});
afterAll(async () => {
  await test.cleanup();
});

function request(graph: CloneGraph, packet: ContextPacket, position: DecisionRequest["position"] = null): DecisionRequest {
  return {
    model: "rules", temperature: 0, system: "", context: "", assets: ["BTC"], asset: "BTC", packet,
    tradingPrompt: tradingPrompt(graph), position, timeoutMs: 1_000,
  };
}

function actionOf(outcome: ModelOutcome): Action {
  if (!outcome.ok) throw new Error(`expected an action, got: ${outcome.reason}`);
  const parsed = parseAction(outcome.rawAction);
  if (!parsed.ok) throw new Error(`not a valid action: ${parsed.reason}`);
  return parsed.action;
}

const fixedClock = () => 1_000;
const provider = createRulesProvider({ now: fixedClock });

describe("rules provider over real replay packets", () => {
  it.each(TEMPLATE_IDS)("%s: every decision is a valid Action, recorded with the strategy and its numbers", async (id: TemplateId) => {
    const graph = templateGraph(id);
    const strategy = tradingPrompt(graph).strategy;
    for (const at of TIMES) {
      const outcome = await provider.decide(request(graph, await resolveContext(test.db, graph, at)));
      expect(outcome).toMatchObject({ ok: true, usage: null, costMicroUsd: 0, latencyMs: 0, attempts: 1, rawResponse: { strategy } });
      const action = actionOf(outcome);
      expect(action.asset).toBe("BTC");
      expect(action.reasoning.length).toBeGreaterThan(20);
    }
  });

  it.each(TEMPLATE_IDS)("%s: an entry's side is held when open and closed when the other side is open", async (id) => {
    const graph = templateGraph(id);
    let entries = 0;
    for (const at of TIMES) {
      const packet = await resolveContext(test.db, graph, at);
      const action = actionOf(await provider.decide(request(graph, packet)));
      if (action.action !== "open_long" && action.action !== "open_short") continue;
      entries += 1;
      const side = action.action === "open_long" ? "long" : "short";
      const price = packet.assets[0]!.lastPrice!;
      // a stop and take-profit on the right side of the price the entry was planned from
      if (action.stopLoss !== undefined) expect(side === "long" ? action.stopLoss < price : action.stopLoss > price).toBe(true);
      if (action.takeProfit !== undefined) expect(side === "long" ? action.takeProfit > price : action.takeProfit < price).toBe(true);
      const same = actionOf(await provider.decide(request(graph, packet, { side, sizeBase: 0.01, entryPrice: price })));
      const other = actionOf(await provider.decide(request(graph, packet, { side: side === "long" ? "short" : "long", sizeBase: 0.01, entryPrice: price })));
      expect(same.action).toBe("hold");
      expect(other.action).toBe("close");
    }
    // the replay day has trends and stretches: the property above must have been exercised
    if (id === "momentum" || id === "mean-reversion" || id === "volume-spike") expect(entries).toBeGreaterThan(0);
  });

  it("is deterministic: the same request gives the same outcome, from any instance", async () => {
    const graph = templateGraph("momentum");
    const req = request(graph, await resolveContext(test.db, graph, T));
    const first = await provider.decide(req);
    expect(await provider.decide(req)).toEqual(first);
    expect(await createRulesProvider({ now: fixedClock }).decide(structuredClone(req))).toEqual(first);
    const { latencyMs: _l, ...rest } = await createRulesProvider().decide(req);
    const { latencyMs: _f, ...firstRest } = first;
    expect(rest).toEqual(firstRest);
  });

  it("holds on stale data with the packet's own reason", async () => {
    const graph = templateGraph("momentum");
    const packet = await resolveContext(test.db, graph, T + 3 * 60 * M);
    const reason = packet.problems[0]!.reason;
    expect(reason).toMatch(/^candles data is \d+ s old/);
    expect(actionOf(await provider.decide(request(graph, packet)))).toMatchObject({ action: "hold", confidence: 0, reasoning: `Holding: ${reason}.` });
  });

  it("a discretionary prompt is a hold saying it needs the anthropic provider", async () => {
    const graph = templateGraph("llm-discretionary");
    const outcome = await provider.decide(request(graph, await resolveContext(test.db, graph, T)));
    expect(actionOf(outcome)).toMatchObject({ action: "hold", reasoning: "Holding: discretionary needs the anthropic provider." });
  });
});

describe("rules provider edge cases", () => {
  const graph = templateGraph("momentum");
  const empty: ContextPacket = { decisionTime: T, assets: [], problems: [] };

  it("an asset missing from the packet is an explained hold", async () => {
    const outcome = await provider.decide(request(graph, empty));
    expect(outcome).toMatchObject({ ok: true, rawResponse: { strategy: "momentum", inputs: { problem: "the context packet has no BTC asset" } } });
    expect(actionOf(outcome)).toMatchObject({ action: "hold", confidence: 0 });
  });

  it("honours the prompt's allowed actions", async () => {
    const packet: ContextPacket = {
      decisionTime: T, problems: [],
      assets: [{
        key: "HYPERLIQUID:BTC", venue: "HYPERLIQUID", symbol: "BTC", enabled: true, lastPrice: 100_000,
        streams: [{
          blockId: "candles-1", source: "hyperliquid", dataset: "candles", granularity: "5m", include: true,
          freshness: { status: "ok", asOf: T }, points: [{ time: T - 5 * M, close: 100_000 }], indicators: { "ema(12)": 99_000, "ema(48)": 100_000 },
        }],
      }],
    };
    const longOnly = structuredClone(graph);
    const prompt = tradingPrompt(longOnly);
    expect(actionOf(await provider.decide(request(graph, packet)))).toMatchObject({ action: "open_short", stopLoss: 102_000, takeProfit: 96_000 });
    prompt.allowedActions = ["open_long", "close", "hold"];
    expect(actionOf(await provider.decide(request(longOnly, packet)))).toMatchObject({ action: "hold" });
  });

  it("a packet that breaks the strategy is an unavailable outcome, never a throw", async () => {
    const hostile = { decisionTime: T, assets: null, problems: [] } as unknown as ContextPacket;
    const outcome = await provider.decide(request(graph, hostile));
    expect(outcome).toMatchObject({ ok: false, kind: "unavailable", attempts: 1 });
    expect(outcome.ok === false && outcome.reason).toMatch(/^the momentum rule failed: /);
  });

  it("measures latency with its clock", async () => {
    const ticks = [10, 17];
    const timed = createRulesProvider({ now: () => ticks.shift() ?? 17 });
    expect(await timed.decide(request(graph, empty))).toMatchObject({ latencyMs: 7 });
  });
});
