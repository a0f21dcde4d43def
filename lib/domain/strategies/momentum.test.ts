import { describe, expect, it } from "vitest";
import { parseAction } from "@/lib/domain/actions/action";
import type { StreamPacket } from "@/lib/domain/decisions/context-packet";
import { computeIndicators } from "@/lib/domain/indicators/compute";
import { decideByStrategy } from "./index";
import { decideMomentum, type MomentumParams } from "./momentum";
import { closesStream, fundingStream, range, risk, STALE } from "./test-fixtures";
import type { PositionView, StrategyInput } from "./types";

const params: MomentumParams = { fastEma: 12, slowEma: 48 };
const withEmas = (fast: number, slow: number) => closesStream([100_000], { indicators: { "ema(12)": fast, "ema(48)": slow } });
const long: PositionView = { side: "long", entryPrice: 99_000 };
const short: PositionView = { side: "short", entryPrice: 101_000 };

function input(stream: StreamPacket | null, over: Partial<StrategyInput<MomentumParams>> = {}): StrategyInput<MomentumParams> {
  return { asset: "BTC", streams: stream ? [stream] : [], lastPrice: 100_000, params, risk: risk(), position: null, ...over };
}

describe("momentum", () => {
  it.each([
    {
      name: "fast above slow, flat book -> long 20% at 2x, stop 2% below, take-profit 4% above",
      input: input(withEmas(100_099, 100_042)),
      expected: { action: "open_long", sizePct: 20, leverage: 2, stopLoss: 98_000, takeProfit: 104_000, confidence: 0.59 },
    },
    {
      name: "fast below slow -> short with the stop above and the take-profit below",
      input: input(withEmas(99_900, 100_100)),
      expected: { action: "open_short", sizePct: 20, leverage: 2, stopLoss: 102_000, takeProfit: 96_000, confidence: 0.69 },
    },
    { name: "uptrend while long -> hold", input: input(withEmas(100_099, 100_042), { position: long }), expected: { action: "hold" } },
    { name: "uptrend while short -> close first", input: input(withEmas(100_099, 100_042), { position: short }), expected: { action: "close" } },
    { name: "downtrend while long -> close first", input: input(withEmas(99_900, 100_100), { position: long }), expected: { action: "close" } },
    { name: "tangled averages (0.01% apart) -> hold", input: input(withEmas(100_010, 100_000)), expected: { action: "hold", confidence: 0.5 } },
    { name: "a flat series, EMAs from the closes -> hold", input: input(closesStream(Array(60).fill(100))), expected: { action: "hold" } },
    {
      name: "a clean uptrend, EMAs from the closes -> long",
      input: input(closesStream(range(100, 1, 60)), { lastPrice: 159 }),
      expected: { action: "open_long", stopLoss: 155.82, takeProfit: 165.36 },
    },
    { name: "leverage follows a 1x limit", input: input(withEmas(100_099, 100_042), { risk: risk({ maxLeverage: 1 }) }), expected: { action: "open_long", leverage: 1 } },
    { name: "too few closes and no packet EMAs -> hold, no view", input: input(closesStream(range(100, 1, 40))), expected: { action: "hold", confidence: 0 } },
    { name: "a stale stream -> hold with the packet's reason", input: input(closesStream(range(100, 1, 60), { freshness: STALE })), expected: { action: "hold", confidence: 0 } },
    { name: "no candle stream -> hold", input: input(fundingStream([0.0001])), expected: { action: "hold", confidence: 0 } },
    { name: "no price at all -> hold", input: input(withEmas(100_099, 100_042), { lastPrice: null, streams: [closesStream([], { indicators: { "ema(12)": 2, "ema(48)": 1 } })] }), expected: { action: "hold", confidence: 0 } },
  ])("$name", ({ input: given, expected }) => {
    const { action } = decideMomentum(given);
    expect(action).toMatchObject({ asset: "BTC", ...expected });
    expect(parseAction(action).ok).toBe(true);
    // explain: false (a backtest's) is the same action, field for field, without its words
    const quiet = decideMomentum({ ...given, explain: false });
    expect(quiet.action).toStrictEqual({ ...action, reasoning: quiet.action.confidence === 0 ? action.reasoning : "" });
    if (quiet.action.confidence !== 0) expect(quiet.inputs).toStrictEqual({});
  });

  it("with explain false and an allowed-actions list, a blocked signal is the same hold", () => {
    const given = input(withEmas(99_900, 100_100), { allowedActions: ["open_long", "close", "hold"] });
    const said = decideByStrategy("momentum", given);
    const quiet = decideByStrategy("momentum", { ...given, explain: false });
    expect(said.action).toMatchObject({ action: "hold", confidence: 0.5 });
    expect(quiet.action).toStrictEqual({ ...said.action, reasoning: "" });
  });

  it("sends no stop or take-profit the risk block does not set, and passes a trailing stop through", () => {
    const { stopLossPct: _s, takeProfitPct: _t, ...rest } = risk();
    const { action } = decideMomentum(input(withEmas(100_099, 100_042), { risk: { ...rest, trailingStopPct: 1 } }));
    expect(action).toEqual({
      action: "open_long", asset: "BTC", sizePct: 20, leverage: 2, trailingStopPct: 1, confidence: 0.59,
      invalidation: "EMA(12) crosses back below EMA(48)",
      reasoning: "EMA(12) 100,099 is above EMA(48) 100,042 (+0.057%); going long 20% at 2x from 100,000, trailing stop 1%.",
    });
  });

  it("says what it saw, with the numbers", () => {
    const { action, inputs } = decideMomentum(input(withEmas(100_099, 100_042)));
    expect(action.reasoning).toBe(
      "EMA(12) 100,099 is above EMA(48) 100,042 (+0.057%); going long 20% at 2x from 100,000, stop-loss 98,000 (2%), take-profit 104,000 (4%).",
    );
    expect(inputs).toMatchObject({ fast: 100_099, slow: 100_042, emaSource: "packet", price: 100_000, sizePct: 20, leverage: 2 });
    expect(decideMomentum(input(closesStream(range(100, 1, 60), { freshness: STALE }))).action.reasoning).toBe(
      "Holding: candles data is 600 s old (limit 180 s).",
    );
  });

  it("computes the EMAs from closes exactly as the packet's indicators would", () => {
    const closes = range(100, 0.5, 80).map((c, i) => c + (i % 3));
    const candles = closes.map((close, i) => ({ openTime: i * 300_000, closeTime: i * 300_000 + 299_999, open: close, high: close, low: close, close, volume: 1, trades: 1 }));
    const [fast, slow] = computeIndicators(candles, [{ kind: "ema", period: 12 }, { kind: "ema", period: 48 }]);
    const { inputs } = decideMomentum(input(closesStream(closes)));
    expect(inputs).toMatchObject({ emaSource: "closes", fast: fast!.latest, slow: slow!.latest });
  });
});
