import { describe, expect, it } from "vitest";
import { minuteColumns } from "@/lib/domain/market/minute-columns";
import type { Candle } from "@/lib/domain/market/types";
import { priceFill } from "./fill";
import { onPrice, openPosition } from "./position";
import type { Position } from "./position-types";
import { applyMinuteCandles, onMinuteCandles } from "./price-run";

const M = 60_000;
const T0 = Date.UTC(2026, 2, 1, 10, 0);

function walk(seed: number, n: number, start: number): Candle[] {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: Candle[] = [];
  for (let i = 0, px = start; i < n; i++) {
    const open = px;
    px = Math.round(px * (1 + (rand() - 0.5) / 150) * 100) / 100;
    const high = Math.max(open, px) + Math.round(rand() * 50) / 100;
    const low = Math.min(open, px) - Math.round(rand() * 50) / 100;
    out.push({ openTime: T0 + (i + 1) * M, closeTime: T0 + (i + 2) * M - 1, open, high, low, close: px, volume: 1, trades: 1 });
  }
  return out;
}

/** The reference: onPrice once per candle, stopping at the first trigger. */
function oneByOne(position: Position, minutes: readonly Candle[]) {
  let p = position;
  for (let i = 0; i < minutes.length; i++) {
    const c = minutes[i]!;
    const r = onPrice(p, { time: c.openTime + M - 1, open: c.open, high: c.high, low: c.low, close: c.close });
    p = r.position;
    if (r.trigger) return { position: p, trigger: r.trigger, next: i + 1 };
  }
  return { position: p, trigger: null, next: minutes.length };
}

const open = (side: "buy" | "sell", plan: { stopLoss?: number; takeProfit?: number; trailingStopPct?: number }) =>
  openPosition(priceFill({ side, sizeBase: 0.1, referencePrice: 100, time: T0 }), { asset: "SOL", leverage: 2, time: T0, ...plan }).position;

describe("onMinuteCandles is onPrice applied candle by candle", () => {
  const plans = [
    { name: "stop and take-profit", plan: { stopLoss: 98, takeProfit: 102.5 } },
    { name: "trailing stop", plan: { trailingStopPct: 0.75 } },
    { name: "all three", plan: { stopLoss: 97, takeProfit: 104, trailingStopPct: 1.2 } },
    { name: "no exit plan", plan: {} },
  ];
  for (const side of ["buy", "sell"] as const) {
    it.each(plans)(`${side}: $name, over 40 random walks`, ({ plan }) => {
      for (let seed = 1; seed <= 40; seed++) {
        const minutes = walk(seed, 300, 100);
        const position = open(side, plan);
        expect(onMinuteCandles(position, minuteColumns(minutes), 0, minutes.length)).toStrictEqual(oneByOne(position, minutes));
      }
    });
  }

  it("skips what onPrice ignores: a broken bar, an update older than the last, a position not MONITORING", () => {
    const minutes = walk(3, 20, 100);
    minutes[4] = { ...minutes[4]!, high: minutes[4]!.low - 1 };
    const position = { ...open("buy", { stopLoss: 90 }), updatedAt: minutes[2]!.openTime + M - 1 };
    expect(onMinuteCandles(position, minuteColumns(minutes), 0, minutes.length)).toStrictEqual(oneByOne(position, minutes));
    const closed: Position = { ...position, state: "CLOSED" };
    expect(onMinuteCandles(closed, minuteColumns(minutes), 0, 20)).toEqual({ position: closed, trigger: null, next: 20 });
  });
});

describe("applyMinuteCandles is onMinuteCandles on the position itself", () => {
  it("in runs of a few minutes, as a backtest watches its position: the same trigger, next index and position", () => {
    for (const side of ["buy", "sell"] as const) {
      for (let seed = 1; seed <= 20; seed++) {
        const candles = walk(seed, 300, 100);
        const minutes = minuteColumns(candles);
        let copied = open(side, { stopLoss: 97, takeProfit: 104, trailingStopPct: 1.2 });
        const owned = { ...copied };
        for (let i = 0; i < minutes.length; ) {
          const end = Math.min(minutes.length, i + 1 + (seed % 7));
          const expected = onMinuteCandles(copied, minutes, i, end);
          const run = applyMinuteCandles(owned, minutes, i, end);
          expect(run).toStrictEqual({ trigger: expected.trigger, next: expected.next });
          expect(owned).toStrictEqual(expected.position);
          copied = expected.position;
          i = run.next;
          if (run.trigger) break;
        }
      }
    }
  });
});
