import { describe, expect, it } from "vitest";
import { parseAction } from "@/lib/domain/actions/action";
import type { StreamPacket } from "@/lib/domain/decisions/context-packet";
import { risk, spikeStream, STALE } from "./test-fixtures";
import type { PositionView, StrategyInput } from "./types";
import { decideVolumeSpike, type VolumeSpikeParams } from "./volume-spike";

const params: VolumeSpikeParams = { lookback: 5, multiple: 3 };
const vsRisk = risk({ maxPositionPct: 10, maxLeverage: 2, stopLossPct: 1, takeProfitPct: 2, trailingStopPct: 0.75, maxDailyLossPct: 3 });
const long: PositionView = { side: "long", entryPrice: 100 };
const short: PositionView = { side: "short", entryPrice: 100 };

function input(stream: StreamPacket, over: Partial<StrategyInput<VolumeSpikeParams>> = {}): StrategyInput<VolumeSpikeParams> {
  const last = stream.points.at(-1)?.close;
  return { asset: "SOL", streams: [stream], lastPrice: typeof last === "number" ? last : null, params, risk: vsRisk, position: null, ...over };
}

// Five quiet bars at volume 10, so the average is 10 and a spike is volume ≥ 30.
const UP_SPIKE = spikeStream(5, { open: 100, close: 101, volume: 30 });
const DOWN_SPIKE = spikeStream(5, { open: 100, close: 99, volume: 45 });
const NEAR_SPIKE = spikeStream(5, { open: 100, close: 101, volume: 29 });
const FLAT_SPIKE = spikeStream(5, { open: 100, close: 100, volume: 60 });
const QUIET_DOWN = spikeStream(5, { open: 100, close: 99.5, volume: 8 });
const QUIET_UP = spikeStream(5, { open: 100, close: 100.5, volume: 10 });
const BUSY_DOWN = spikeStream(5, { open: 100, close: 99.5, volume: 20 });

describe("volume spike", () => {
  it.each([
    {
      name: "volume 3x the average on an up bar -> long 10% at 2x, stop 1% below, take-profit 2% above, trailing 0.75%",
      input: input(UP_SPIKE),
      expected: { action: "open_long", sizePct: 10, leverage: 2, stopLoss: 99.99, takeProfit: 103.02, trailingStopPct: 0.75, confidence: 0.55 },
    },
    { name: "4.5x on a down bar -> short", input: input(DOWN_SPIKE), expected: { action: "open_short", stopLoss: 99.99, takeProfit: 97.02, confidence: 0.6 } },
    { name: "2.9x -> hold", input: input(NEAR_SPIKE), expected: { action: "hold", confidence: 0.5 } },
    { name: "a spike bar that closed where it opened -> hold", input: input(FLAT_SPIKE), expected: { action: "hold" } },
    { name: "long, then a down spike -> close", input: input(DOWN_SPIKE, { position: long }), expected: { action: "close" } },
    { name: "long, then another up spike -> hold", input: input(UP_SPIKE, { position: long }), expected: { action: "hold" } },
    { name: "long, volume normal (0.8x), price below entry -> close", input: input(QUIET_DOWN, { position: long }), expected: { action: "close", confidence: 0.65 } },
    { name: "long, volume normal, price above entry -> hold for the exit plan", input: input(QUIET_UP, { position: long }), expected: { action: "hold" } },
    { name: "long, volume still elevated (2x), price below entry -> hold", input: input(BUSY_DOWN, { position: long }), expected: { action: "hold" } },
    { name: "short, volume normal (1x), price above entry -> close", input: input(QUIET_UP, { position: short }), expected: { action: "close" } },
    { name: "short, volume normal, price below entry -> hold", input: input(QUIET_DOWN, { position: short }), expected: { action: "hold" } },
    { name: "short, then an up spike -> close", input: input(UP_SPIKE, { position: short }), expected: { action: "close" } },
    { name: "no volume in the lookback -> hold, no view", input: input(zeroVolume()), expected: { action: "hold", confidence: 0 } },
    { name: "fewer than lookback + 1 bars -> hold, no view", input: input(spikeStream(4, { open: 100, close: 101, volume: 90 })), expected: { action: "hold", confidence: 0 } },
    { name: "a stale stream -> hold", input: input({ ...UP_SPIKE, freshness: STALE }), expected: { action: "hold", confidence: 0 } },
  ])("$name", ({ input: given, expected }) => {
    const { action } = decideVolumeSpike(given);
    // explain: false (a backtest's) is the same action, field for field, without its words (a no-data hold keeps its reason)
    const quiet = decideVolumeSpike({ ...given, explain: false });
    expect(quiet.action).toStrictEqual({ ...action, reasoning: quiet.action.confidence === 0 ? action.reasoning : "" });
    expect(action).toMatchObject({ asset: "SOL", ...expected });
    expect(parseAction(action).ok).toBe(true);
  });

  it("averages only the `lookback` bars before the one judged", () => {
    const stream = spikeStream(8, { open: 100, close: 101, volume: 30 });
    stream.points[0]!.volume = 1_000; // outside the 5-bar window
    expect(decideVolumeSpike(input(stream)).inputs).toMatchObject({ average: 10, ratio: 3, volume: 30 });
  });

  it("says what it saw, with the numbers", () => {
    expect(decideVolumeSpike(input(UP_SPIKE)).action.reasoning).toBe(
      "The last 1m bar traded 30, 3.00x the 5-bar average of 10, moving up from 100 to 101: following the spike; " +
        "going long 10% at 2x from 101, stop-loss 99.99 (1%), take-profit 103.02 (2%), trailing stop 0.75%.",
    );
    expect(decideVolumeSpike(input(QUIET_DOWN, { position: long })).action.reasoning).toBe(
      "The last 1m bar traded 8, 0.80x the 5-bar average of 10, moving down from 100 to 99.5: volume is back to normal and price 99.5 is below the long entry at 100, closing it.",
    );
  });
});

function zeroVolume(): StreamPacket {
  const s = spikeStream(5, { open: 100, close: 101, volume: 30 });
  for (const p of s.points.slice(0, -1)) p.volume = 0;
  return s;
}
