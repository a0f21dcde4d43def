import { describe, expect, it } from "vitest";
import { parseAction } from "@/lib/domain/actions/action";
import { decideByStrategy, DISCRETIONARY_REASON, pickStream } from "./index";
import { closesStream, fundingStream, risk, spikeStream } from "./test-fixtures";

const base = { asset: "BTC", lastPrice: 100_000, risk: risk(), position: null };
const uptrend = closesStream([100_000], { indicators: { "ema(12)": 100_099, "ema(48)": 100_042 } });
const downtrend = closesStream([100_000], { indicators: { "ema(12)": 99_000, "ema(48)": 100_000 } });

describe("decideByStrategy", () => {
  it.each([
    ["momentum", () => decideByStrategy("momentum", { ...base, streams: [uptrend], params: { fastEma: 12, slowEma: 48 } }), "open_long"],
    ["mean-reversion", () => decideByStrategy("mean-reversion", { ...base, streams: [closesStream([100, 100, 100, 100, 90])], params: { period: 5, entryZ: 2, exitZ: 0.5 } }), "open_long"],
    ["volume-spike", () => decideByStrategy("volume-spike", { ...base, streams: [spikeStream(5, { open: 100, close: 99, volume: 40 })], params: { lookback: 5, multiple: 3 } }), "open_short"],
    ["funding-carry", () => decideByStrategy("funding-carry", { ...base, streams: [fundingStream([0.0002])], params: { threshold: 0.00005 } }), "open_short"],
  ] as const)("dispatches %s", (_name, run, expected) => {
    const { action } = run();
    expect(action.action).toBe(expected);
    expect(parseAction(action).ok).toBe(true);
  });

  it("discretionary is not a rules strategy: hold, with the reason", () => {
    const { action, inputs } = decideByStrategy("discretionary", { ...base, streams: [uptrend], params: {} });
    expect(action).toEqual({ action: "hold", asset: "BTC", sizePct: 0, leverage: 1, confidence: 0, reasoning: `Holding: ${DISCRETIONARY_REASON}.` });
    expect(inputs).toEqual({ strategy: "discretionary", problem: "discretionary needs the anthropic provider" });
  });

  it("a signal for an action the clone does not allow becomes a hold that says so", () => {
    const longOnly = ["open_long", "close", "hold"] as const;
    const { action, inputs } = decideByStrategy("momentum", { ...base, streams: [downtrend], params: { fastEma: 12, slowEma: 48 }, allowedActions: longOnly });
    expect(action).toMatchObject({ action: "hold", sizePct: 0, leverage: 1, confidence: 0.5 });
    expect(action.reasoning).toMatch(/^Holding: the momentum rule says open_short, but open_short is not among this clone's allowed actions \(open_long, close, hold\)\. The signal: EMA\(12\) 99,000 is below/);
    expect(inputs.blockedAction).toBe("open_short");
    expect(decideByStrategy("momentum", { ...base, streams: [uptrend], params: { fastEma: 12, slowEma: 48 }, allowedActions: longOnly }).action.action).toBe("open_long");
  });
});

describe("pickStream", () => {
  it("takes the included stream of the dataset with the finest granularity, the first on a tie", () => {
    const fiveMin = closesStream([1], { blockId: "c5" });
    const oneMin = closesStream([1], { blockId: "c1", granularity: "1m" });
    const oneMinToo = closesStream([1], { blockId: "c1b", granularity: "1m" });
    const excluded = closesStream([1], { blockId: "x", granularity: "1m", include: false });
    expect(pickStream([fiveMin, excluded, oneMin, oneMinToo, fundingStream([0])], "candles")?.blockId).toBe("c1");
    expect(pickStream([excluded], "candles")).toBeUndefined();
    expect(pickStream([fiveMin], "funding")).toBeUndefined();
  });
});
