import { describe, expect, it } from "vitest";
import { REPLAY_ANCHOR } from "./replay/assets";
import { replayCandles } from "./replay/generator";
import { candleAt, candlesOf, emptyMinuteColumns, minuteColumns } from "./minute-columns";
import type { Candle } from "./types";

describe("minute columns", () => {
  it("hold every field of every minute exactly: columns and back give the same candles, -0 and awkward doubles included", () => {
    const candles: Candle[] = [
      ...replayCandles("columns", "BTC", REPLAY_ANCHOR, REPLAY_ANCHOR + 600 * 60_000),
      { openTime: REPLAY_ANCHOR + 600 * 60_000, closeTime: REPLAY_ANCHOR + 601 * 60_000 - 1, open: 0.1 + 0.2, high: 1e308, low: -0, close: 5e-324, volume: 2 ** 53 - 1, trades: 0 },
    ];
    const m = minuteColumns(candles);
    expect(m.length).toBe(candles.length);
    expect(candlesOf(m)).toStrictEqual(candles);
    expect(Object.is(candleAt(m, candles.length - 1).low, -0)).toBe(true);
    expect(candlesOf(m, 10, 13)).toStrictEqual(candles.slice(10, 13));
    expect(candlesOf(m, 5, 5)).toEqual([]);
    // the key order market memory reads them in (a packet row is serialised in it)
    expect(Object.keys(candleAt(m, 0))).toEqual(["openTime", "closeTime", "open", "high", "low", "close", "volume", "trades"]);
  });

  it("start empty at the asked length", () => {
    const m = emptyMinuteColumns(3);
    expect([m.length, m.openTime.length, m.trades.length]).toEqual([3, 3, 3]);
    expect(candlesOf(emptyMinuteColumns(0))).toEqual([]);
  });
});
