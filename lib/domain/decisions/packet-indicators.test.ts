import { describe, expect, it } from "vitest";
import { candleStream } from "@/lib/domain/graph/template-parts";
import { randomWalk } from "@/lib/domain/indicators/test-fixtures";
import { streamIndicators } from "./packet-indicators";

const EVERY_KIND = [
  { kind: "ema", period: 12 }, { kind: "rsi", period: 14 }, { kind: "atr", period: 14 }, { kind: "ema", period: 48 }, { kind: "sma", period: 20 },
  { kind: "bollinger", period: 20, stdDev: 2 }, { kind: "macd", fast: 12, slow: 26, signal: 9 }, { kind: "vwap" }, { kind: "realized-vol", period: 48 },
  { kind: "rsi", period: 14 }, // a repeated key: its first place, its last config
] as const;

describe("a stream's lazy indicators are its eager ones", () => {
  const block = Object.freeze(candleStream("candles-1", "5m", { amount: 1, unit: "days" }, 96, EVERY_KIND.map((c) => ({ ...c }))));
  const bars = randomWalk(200, 7, 95_000, 300_000).map((c) => ({ ...c, volume: 1 + (c.openTime % 7) }));

  it("key for key and value for value, from the bars alone or with their typed closes and open times", () => {
    for (const length of [0, 10, 40, 200]) {
      const window = bars.slice(bars.length - length);
      const eager = streamIndicators({ bars: window }, block, false);
      const typed = { bars: window, closes: Float64Array.from(window, (c) => c.close), openTimes: Float64Array.from(window, (c) => c.openTime) };
      for (const run of [{ bars: window }, typed]) {
        const lazy = streamIndicators(run, block, true);
        expect(Object.keys(lazy)).toEqual(Object.keys(eager));
        expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
        expect(lazy).toStrictEqual(eager);
        // a plain object, its state out of sight: no symbol, no other prototype, cloned as the values
        expect(Object.getPrototypeOf(lazy)).toBe(Object.prototype);
        expect(Reflect.ownKeys(lazy)).toEqual(Object.keys(eager));
        expect(structuredClone(lazy)).toStrictEqual(eager);
      }
    }
  });

  it("one getter per key whatever the stream (so V8 keeps the packets' hidden classes shared), EMAs as plain values", () => {
    const other = Object.freeze(candleStream("other", "15m", { amount: 1, unit: "days" }, 10, [{ kind: "atr", period: 14 }, { kind: "ema", period: 12 }]));
    const a = streamIndicators({ bars }, block, true);
    const b = streamIndicators({ bars }, other, true);
    expect(Object.getOwnPropertyDescriptor(a, "atr(14)")!.get).toBe(Object.getOwnPropertyDescriptor(b, "atr(14)")!.get);
    expect(Object.getOwnPropertyDescriptor(a, "ema(12)")).toMatchObject({ value: expect.any(Number), writable: true, enumerable: true, configurable: true });
  });
});
