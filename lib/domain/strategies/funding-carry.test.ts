import { describe, expect, it } from "vitest";
import { parseAction } from "@/lib/domain/actions/action";
import type { StreamPacket } from "@/lib/domain/decisions/context-packet";
import { decideFundingCarry, type FundingCarryParams } from "./funding-carry";
import { closesStream, fundingStream, risk } from "./test-fixtures";
import type { PositionView, StrategyInput } from "./types";

const params: FundingCarryParams = { threshold: 0.00005 };
// the template's risk: a stop but no take-profit (the carry is the profit)
const { takeProfitPct: _none, ...fcRisk } = risk({ maxPositionPct: 25, maxLeverage: 2, stopLossPct: 4, maxDailyLossPct: 3 });
const long: PositionView = { side: "long", entryPrice: 100_000 };
const short: PositionView = { side: "short", entryPrice: 100_000 };
const candles = closesStream([100_000]);

function input(rates: number[] | StreamPacket, over: Partial<StrategyInput<FundingCarryParams>> = {}): StrategyInput<FundingCarryParams> {
  const funding = Array.isArray(rates) ? fundingStream(rates) : rates;
  return { asset: "BTC", streams: [funding, candles], lastPrice: 100_000, params, risk: fcRisk, position: null, ...over };
}

describe("funding carry", () => {
  it.each([
    { name: "funding +0.012%/h > 0.005% -> short 25% at 2x, stop 4% above, no take-profit", input: input([0.00001, 0.00012]), expected: { action: "open_short", sizePct: 25, leverage: 2, stopLoss: 104_000, confidence: 0.69 } },
    { name: "funding −0.012%/h -> long, stop 4% below", input: input([-0.00012]), expected: { action: "open_long", sizePct: 25, leverage: 2, stopLoss: 96_000 } },
    { name: "funding +0.003%/h inside the band -> hold", input: input([0.00003]), expected: { action: "hold", confidence: 0.5 } },
    { name: "exactly at the threshold -> hold", input: input([0.00005]), expected: { action: "hold" } },
    { name: "short, funding faded to +0.002%/h (< half) -> close", input: input([0.00002], { position: short }), expected: { action: "close", confidence: 0.7 } },
    { name: "short, funding +0.004%/h (above half) -> hold", input: input([0.00004], { position: short }), expected: { action: "hold", confidence: 0.6 } },
    { name: "short, funding turned to −0.01%/h -> close", input: input([-0.0001], { position: short }), expected: { action: "close" } },
    { name: "long, funding back to −0.002%/h -> close", input: input([-0.00002], { position: long }), expected: { action: "close" } },
    { name: "long, funding still −0.01%/h -> hold", input: input([-0.0001], { position: long }), expected: { action: "hold" } },
    { name: "long, funding turned to +0.01%/h -> close", input: input([0.0001], { position: long }), expected: { action: "close" } },
    { name: "the latest rate counts, an older spike does not", input: input([0.0005, 0.00001]), expected: { action: "hold" } },
    { name: "no funding rows -> hold, no view", input: input([]), expected: { action: "hold", confidence: 0 } },
    { name: "no funding stream -> hold, no view", input: input([], { streams: [candles] }), expected: { action: "hold", confidence: 0 } },
    {
      name: "stale funding -> hold",
      input: input(fundingStream([0.0003], { freshness: { status: "stale", asOf: 0, reason: "funding data is 10800 s old (limit 7200 s)" } })),
      expected: { action: "hold", confidence: 0, reasoning: "Holding: funding data is 10800 s old (limit 7200 s)." },
    },
    { name: "a signal but no price -> hold", input: input([0.0003], { lastPrice: null }), expected: { action: "hold", confidence: 0 } },
  ])("$name", ({ input: given, expected }) => {
    const { action } = decideFundingCarry(given);
    // explain: false (a backtest's) is the same action, field for field, without its words (a no-data hold keeps its reason)
    const quiet = decideFundingCarry({ ...given, explain: false });
    expect(quiet.action).toStrictEqual({ ...action, reasoning: quiet.action.confidence === 0 ? action.reasoning : "" });
    expect(action).toMatchObject({ asset: "BTC", ...expected });
    expect(action).not.toHaveProperty("takeProfit");
    expect(parseAction(action).ok).toBe(true);
  });

  it("says what it saw, with the numbers", () => {
    const { action, inputs } = decideFundingCarry(input([0.00012]));
    expect(action.reasoning).toBe(
      "Hourly funding is +0.0120%/h (≈ +105.1% a year), beyond the 0.0050%/h threshold: longs pay shorts, so collecting it short; " +
        "going short 25% at 2x from 100,000, stop-loss 104,000 (4%).",
    );
    expect(action.invalidation).toBe("funding falls below 0.0025%/h");
    expect(inputs).toMatchObject({ funding: 0.00012, threshold: 0.00005, stream: "funding-1", price: 100_000 });
  });
});
