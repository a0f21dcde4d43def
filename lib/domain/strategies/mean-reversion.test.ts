import { describe, expect, it } from "vitest";
import { parseAction } from "@/lib/domain/actions/action";
import type { StreamPacket } from "@/lib/domain/decisions/context-packet";
import { decideMeanReversion, type MeanReversionParams } from "./mean-reversion";
import { closesStream, risk, STALE } from "./test-fixtures";
import type { PositionView, StrategyInput } from "./types";

const params: MeanReversionParams = { period: 5, entryZ: 2, exitZ: 0.5 };
const mrRisk = risk({ maxPositionPct: 15, maxLeverage: 2, stopLossPct: 1.5, takeProfitPct: 2 });
const long: PositionView = { side: "long", entryPrice: 90 };
const short: PositionView = { side: "short", entryPrice: 110 };

function input(stream: StreamPacket, over: Partial<StrategyInput<MeanReversionParams>> = {}): StrategyInput<MeanReversionParams> {
  const last = stream.points.at(-1)?.close;
  return { asset: "ETH", streams: [stream], lastPrice: typeof last === "number" ? last : null, params, risk: mrRisk, position: null, ...over };
}

// Worked by hand: [100,100,100,100,90] has mean 98, variance (4·4 + 64)/5 = 16, σ 4, so z = (90 − 98)/4 = −2.
const DIP = closesStream([100, 100, 100, 100, 90]);
const POP = closesStream([100, 100, 100, 100, 110]);
// mean 100.1, σ √0.064 ≈ 0.253: z ≈ +1.58, past the mean from a long's point of view
const BACK_ABOVE = closesStream([100, 100, 100, 100, 100.5]);
// mean 99.6, σ ≈ 0.49: z ≈ −0.41, inside ±0.5
const NEAR_MEAN = closesStream([100, 99.5, 100, 99, 99.4]);

describe("mean reversion", () => {
  it.each([
    { name: "z = −2 -> long 15% at 2x, stop 1.5% below, take-profit 2% above", input: input(DIP), expected: { action: "open_long", sizePct: 15, leverage: 2, stopLoss: 88.65, takeProfit: 91.8, confidence: 0.55 } },
    { name: "z = +2 -> short, stop above, take-profit below", input: input(POP), expected: { action: "open_short", sizePct: 15, leverage: 2, stopLoss: 111.65, takeProfit: 107.8, confidence: 0.55 } },
    { name: "a flat series (σ 0) -> hold", input: input(closesStream([100, 100, 100, 100, 100])), expected: { action: "hold", confidence: 0.5 } },
    { name: "a mild wiggle (|z| < 2) -> hold", input: input(NEAR_MEAN), expected: { action: "hold" } },
    { name: "long and z ≈ −0.41 (inside the exit band) -> close", input: input(NEAR_MEAN, { position: long }), expected: { action: "close" } },
    { name: "long and z ≈ +1.58 (through the mean) -> close", input: input(BACK_ABOVE, { position: long }), expected: { action: "close" } },
    { name: "long and still z = −2 -> hold", input: input(DIP, { position: long }), expected: { action: "hold", confidence: 0.6 } },
    { name: "short and z = +2 -> hold", input: input(POP, { position: short }), expected: { action: "hold" } },
    { name: "short and z ≈ −0.41 -> close", input: input(NEAR_MEAN, { position: short }), expected: { action: "close", confidence: 0.7 } },
    { name: "short and z = −2 (overshot) -> close", input: input(DIP, { position: short }), expected: { action: "close" } },
    { name: "fewer closes than the period -> hold, no view", input: input(closesStream([100, 90])), expected: { action: "hold", confidence: 0 } },
    { name: "a stale stream -> hold", input: input(closesStream([100, 100, 100, 100, 90], { freshness: STALE })), expected: { action: "hold", confidence: 0 } },
  ])("$name", ({ input: given, expected }) => {
    const { action } = decideMeanReversion(given);
    // explain: false (a backtest's) is the same action, field for field, without its words (a no-data hold keeps its reason)
    const quiet = decideMeanReversion({ ...given, explain: false });
    expect(quiet.action).toStrictEqual({ ...action, reasoning: quiet.action.confidence === 0 ? action.reasoning : "" });
    expect(action).toMatchObject({ asset: "ETH", ...expected });
    expect(parseAction(action).ok).toBe(true);
  });

  it("only the last `period` closes count", () => {
    const { inputs } = decideMeanReversion(input(closesStream([500, 1, 100, 100, 100, 100, 90])));
    expect(inputs).toMatchObject({ sma: 98, stdev: 4, z: -2 });
  });

  it("says what it saw, with the numbers", () => {
    const { action, inputs } = decideMeanReversion(input(DIP));
    expect(action.reasoning).toBe(
      "Close 90 vs the 5-bar mean 98 (σ 4) is −2.00σ, beyond −2σ: betting on a return to the mean; going long 15% at 2x from 90, stop-loss 88.65 (1.5%), take-profit 91.8 (2%).",
    );
    expect(inputs).toMatchObject({ close: 90, sma: 98, stdev: 4, z: -2, period: 5, entryZ: 2, exitZ: 0.5 });
  });

  it("plans from the latest price when it differs from the last close", () => {
    expect(decideMeanReversion(input(DIP, { lastPrice: 89 })).action).toMatchObject({ stopLoss: 87.665, takeProfit: 90.78 });
  });
});
