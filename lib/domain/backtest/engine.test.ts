import { describe, expect, it } from "vitest";
import { templateGraph } from "@/lib/domain/graph/templates";
import { minuteColumns } from "@/lib/domain/market/minute-columns";
import { REPLAY_ANCHOR } from "@/lib/domain/market/replay/assets";
import { replayCandles, replayFunding } from "@/lib/domain/market/replay/generator";
import { priceFill } from "@/lib/domain/paper/fill";
import { openPosition } from "@/lib/domain/paper/position";
import type { AccountState } from "./decision-step";
import { createBacktest } from "./engine";
import { monitorStep } from "./monitor-step";
import type { MarketSeries, PerpSeries } from "./series";

const M = 60_000;
const H = 3_600_000;
const D = 86_400_000;
const FROM = REPLAY_ANCHOR + 2 * D;
const TO = FROM + 3 * D;

const perp: PerpSeries = {
  symbol: "BTC", szDecimals: 5, assetIndex: 0,
  minutes: minuteColumns(replayCandles("engine-test", "BTC", REPLAY_ANCHOR, TO)),
  mids: [], books: [], contexts: [],
  funding: replayFunding("engine-test", "BTC", REPLAY_ANCHOR, TO + 1).map(({ time, rate, premium }) => ({ time, rate, premium })),
};
const market: MarketSeries = { perps: new Map([["BTC", perp]]), predictions: new Map(), macro: new Map() };
const spec = (template: "momentum" | "volume-spike" | "funding-carry") => ({ graph: templateGraph(template), asset: "BTC", from: FROM, to: TO, startMicro: 10_000_000_000, market });

describe("createBacktest", () => {
  it.each(["momentum", "volume-spike", "funding-carry"] as const)("%s: the same inputs give the same result, whole or in steps", (template) => {
    const whole = createBacktest(spec(template)).result();
    const stepped = createBacktest(spec(template));
    const seen: number[] = [];
    while (!stepped.done) {
      stepped.advance(997);
      seen.push(stepped.progress);
    }
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(JSON.stringify(stepped.result())).toBe(JSON.stringify(whole));
    expect(whole.fills.length).toBeGreaterThan(0);
    expect(whole.decisions.ACTION + whole.decisions.HOLD + whole.decisions.REJECTED + whole.decisions.NO_TRADE).toBe((TO - FROM) / ({ momentum: 5, "volume-spike": 1, "funding-carry": 60 }[template] * M));
  });

  it("books every fill and funding hour: the account is start + realized + unrealized − fees + funding", () => {
    const r = createBacktest(spec("funding-carry")).result();
    const fees = r.fills.reduce((a, f) => a + f.feeMicro, 0);
    expect(r.account.feesMicro).toBe(fees);
    expect(r.account.equityMicro).toBe(r.account.startMicro + r.account.realizedMicro + r.account.unrealizedMicro - r.account.feesMicro + r.account.fundingMicro);
    expect(r.fundingHours).toBeGreaterThan(0);
  });
});

describe("buy and hold", () => {
  it("starts from the market at the window's start, or from the first minute market memory has inside the window", () => {
    const whole = createBacktest(spec("momentum")).result();
    const close = (m: PerpSeries["minutes"], openTime: number) => m.close[m.openTime.indexOf(openTime)]!;
    expect(whole.metrics.buyAndHoldReturn).toBe(close(perp.minutes, TO - M) / close(perp.minutes, FROM - M) - 1);
    // market memory starting three hours into the window: from the close of its first minute
    const start = FROM + 3 * H;
    const late: PerpSeries = { ...perp, minutes: minuteColumns(replayCandles("engine-test", "BTC", start, TO)) };
    const r = createBacktest({ ...spec("momentum"), market: { ...market, perps: new Map([["BTC", late]]) } }).result();
    expect(r.metrics.buyAndHoldReturn).toBe(close(late.minutes, TO - M) / close(late.minutes, start) - 1);
    // none of it before the window's end: none
    const none: PerpSeries = { ...perp, minutes: minuteColumns([]) };
    expect(createBacktest({ ...spec("momentum"), market: { ...market, perps: new Map([["BTC", none]]) } }).result().metrics.buyAndHoldReturn).toBeNull();
  });
});

describe("monitorStep gives the same whenever it is called", () => {
  const entry = FROM + 17 * M;
  const account = (): AccountState => ({ startMicro: 1e10, realizedMicro: 0, feesMicro: 0, fundingMicro: 0, peakEquityMicro: 1e10, dayStartEquityMicro: 1e10, dayStartMs: FROM });
  const watch = (plan: { stopLoss?: number; takeProfit?: number; trailingStopPct?: number }, times: number[]) => {
    const ref = perp.minutes.close[perp.minutes.openTime.indexOf(entry - M)]!;
    let position = openPosition(priceFill({ side: "buy", sizeBase: 0.02, referencePrice: ref, time: entry }), { asset: "BTC", leverage: 2, time: entry, ...plan }).position;
    const books = account();
    for (const until of times) {
      const step = monitorStep(perp, books, position, until);
      position = step.position;
      if (step.exit) return { position, books, exit: step.exit.fill };
    }
    return { position, books, exit: null };
  };
  const everyMinute = Array.from({ length: (2 * D) / M }, (_, i) => entry + (i + 1) * M);

  it.each([
    { name: "no exit plan (funding only)", plan: {} },
    { name: "a wide stop and take-profit", plan: { stopLoss: 80_000, takeProfit: 120_000 } },
    { name: "a trailing stop", plan: { trailingStopPct: 0.8 } },
  ])("$name: once a minute, every 37 minutes, on the hour, or once", ({ plan }) => {
    const reference = watch(plan, everyMinute);
    for (const times of [everyMinute.filter((_, i) => i % 37 === 36), everyMinute.filter((t) => t % H === 0), [everyMinute.at(-1)!]]) {
      const last = reference.exit ? reference.position.closedAt! + M : everyMinute.at(-1)!;
      expect(watch(plan, [...times.filter((t) => t < last), last])).toStrictEqual(reference);
    }
    expect(reference.books.fundingMicro).not.toBe(0);
  });
});
