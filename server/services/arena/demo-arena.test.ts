import { describe, expect, it } from "vitest";
import { assetsOf, primaryStream, tradingClone, tradingPrompt } from "@/lib/domain/graph/queries";
import { assertValidGraph } from "@/lib/domain/graph/validate";
import { ARENA_SLOTS } from "@/lib/domain/race/lifecycle";
import { ARENA_CLONES, arenaGraph } from "./demo-arena";

describe("the demo Arena's clones", () => {
  it("fill the eight slots with valid, distinct rules clones deciding every minute", () => {
    expect(ARENA_CLONES).toHaveLength(ARENA_SLOTS);
    expect(new Set(ARENA_CLONES.map((c) => c.name)).size).toBe(ARENA_SLOTS);
    expect(new Set(ARENA_CLONES.map((c) => c.avatar)).size).toBe(ARENA_SLOTS);
    const graphs = ARENA_CLONES.map((c) => arenaGraph(c));
    for (const [i, graph] of graphs.entries()) {
      expect(() => assertValidGraph(graph), ARENA_CLONES[i]!.name).not.toThrow();
      expect(tradingPrompt(graph).cadence).toBe("1m");
      expect(tradingClone(graph).provider).toBe("rules");
      expect(tradingClone(graph)).toMatchObject({ name: ARENA_CLONES[i]!.name, tagline: ARENA_CLONES[i]!.tagline, avatar: ARENA_CLONES[i]!.avatar });
    }
    // two clones of one template still trade differently
    const behaviour = graphs.map((g) => JSON.stringify([tradingPrompt(g).strategy, tradingPrompt(g).params, assetsOf(g).map((a) => a.symbol)]));
    expect(new Set(behaviour).size).toBe(ARENA_SLOTS);
  });

  it("run what their prompt says, on 1-minute candles carrying the averages they read", () => {
    for (const c of ARENA_CLONES) {
      const graph = arenaGraph(c);
      const prompt = tradingPrompt(graph);
      expect(prompt.prompt).toBe(c.tuning.prompt);
      expect(prompt.params).toMatchObject(c.tuning.params);
      for (const value of Object.values(c.tuning.params)) {
        // every figure of the rule is in the words (0.00001 as "0.001%")
        const shown = value < 0.001 ? `${+(value * 100).toFixed(4)}%` : String(value);
        expect(prompt.prompt, `${c.name}: ${shown}`).toContain(shown);
      }
      const candles = assetsOf(graph).map((a) => primaryStream(graph, a, "candles")!);
      if (prompt.strategy === "momentum") {
        for (const s of candles) {
          expect(s.granularity).toBe("1m");
          expect(s.indicators).toEqual(expect.arrayContaining([{ kind: "ema", period: prompt.params.fastEma }, { kind: "ema", period: prompt.params.slowEma }]));
        }
      }
      if (prompt.strategy === "mean-reversion") {
        for (const s of candles) {
          expect(s.granularity).toBe("1m");
          expect(s.indicators).toEqual(expect.arrayContaining([{ kind: "sma", period: prompt.params.period }]));
        }
      }
    }
  });
});
