import { describe, expect, it } from "vitest";
import { bookDelta, equity, equityBreakdown, equityWithMark, freeMargin, marginUsed, openAccount, type PaperAccount } from "./account";
import { applyFunding } from "./funding";
import { priceFill } from "./fill";
import { usdToMicro } from "./money-micro";
import { exitPosition, HOUR_MS, openPosition } from "./position";
import type { Position, PositionResult } from "./position-types";

const T0 = Date.UTC(2026, 0, 5, 10, 20);
const H11 = Date.UTC(2026, 0, 5, 11);

function ok(r: PositionResult): PositionResult & { ok: true } {
  if (!r.ok) throw new Error(r.reason);
  return r;
}

describe("golden: the equity identity after a sequence of trades", () => {
  // Every step books its LedgerDelta; open positions add unrealized PnL at the marks.
  let account: PaperAccount = openAccount(usdToMicro(10_000)); // 10,000,000,000 µ$
  const book = (r: PositionResult & { ok: true }): Position => {
    account = bookDelta(account, r.delta);
    return r.position;
  };

  // 1. long 0.1 BTC (fill.test.ts): fee 4,275,641
  const btcEntry = priceFill({ side: "buy", sizeBase: 0.1, referencePrice: 95_000, depthUsd: 950_000, time: T0 });
  let btc = book(openPosition(btcEntry, { asset: "BTC", leverage: 5, stopLoss: 94_000 }));
  // 2. stopped at 94,000 (position.test.ts): realized −102,835,000, fee 4,229,366
  const btcExit = priceFill({ side: "sell", sizeBase: 0.1, referencePrice: 94_000, depthUsd: 940_000, time: T0 + 60_000 });
  btc = book(ok(exitPosition(btc, "STOP_TRIGGERED", btcExit)));
  // 3. short 2 ETH at 3,398.990075: notional 6,797,980,150, fee 3,059,091
  //    margin at 2× = 6,797,980,150 / 2 = 3,398,990,075
  const ethEntry = priceFill({ side: "sell", sizeBase: 2, referencePrice: 3_400, bestBid: 3_399.5, depthUsd: 680_000, time: T0 });
  let eth = book(openPosition(ethEntry, { asset: "ETH", leverage: 2 }));
  // 4. long 10 SOL at 200.03: notional 2,000,300,000, fee 900,135
  //    margin at 3× = 2,000,300,000 / 3 = 666,766,666.67 -> rounded up 666,766,667
  const solEntry = priceFill({ side: "buy", sizeBase: 10, referencePrice: 200, depthUsd: 200_000, time: T0 });
  const sol = book(openPosition(solEntry, { asset: "SOL", leverage: 3, trailingStopPct: 5 }));
  // 5. funding at 11:00, rate +0.00001:
  //    ETH short at mark 3,410: 6,820,000,000 × 0.00001 = 68,200 RECEIVED
  //    SOL long at mark 201:    2,010,000,000 × 0.00001 = 20,100 PAID
  eth = book(ok(applyFunding(eth, { hour: H11, markPrice: 3_410, hourlyRate: 0.00001 })));
  const solFunded = book(ok(applyFunding(sol, { hour: H11, markPrice: 201, hourlyRate: 0.00001 })));

  it("books realized, fees and funding exactly", () => {
    // fees = 4,275,641 + 4,229,366 + 3,059,091 + 900,135 = 12,464,233; funding = 68,200 − 20,100 = 48,100
    expect(account).toEqual({ startMicro: 10_000_000_000, realizedMicro: -102_835_000, feesMicro: 12_464_233, fundingMicro: 48_100 });
  });

  it("equity = start + realized + unrealized − fees + funding, to the micro-dollar", () => {
    const positions = [btc, eth, solFunded];
    // unrealized ETH short at 3,300 = 6,797,980,150 − 2 × 3,300 (6,600,000,000) = 197,980,150
    // unrealized SOL long at 205 = 10 × 205 (2,050,000,000) − 2,000,300,000 = 49,700,000; BTC is closed
    // equity = 10,000,000,000 − 102,835,000 + 247,680,150 − 12,464,233 + 48,100 = 10,132,429,017
    const marks = { BTC: 1, ETH: 3_300, SOL: 205 };
    expect(equityBreakdown(account, positions, marks)).toEqual({ ...account, unrealizedMicro: 247_680_150, equityMicro: 10_132_429_017 });
    // the same from the positions' own totals: Σ realized − Σ fees + Σ funding
    const fromPositions = positions.reduce((s, p) => s + p.realizedPnlMicro - p.feesMicro + p.fundingMicro, 0);
    expect(10_000_000_000 + fromPositions + 247_680_150).toBe(10_132_429_017);
    // margin: 3,398,990,075 + 666,766,667 = 4,065,756,742; free = 10,132,429,017 − 4,065,756,742 = 6,066,672,275
    expect(marginUsed(positions)).toBe(4_065_756_742);
    expect(freeMargin(account, positions, new Map(Object.entries(marks)))).toBe(6_066_672_275);
  });

  it("closing ETH turns its unrealized into realized minus the exit's slippage and fee", () => {
    // buy 2 ETH from 3,300, no book: impact 50 × 6,600 / 100,000 = 3.3 -> 4.3 bps
    //   price 3,300 × 1.00043 = 3,301.419; notional 6,602,838,000; fee × 0.00045 = 2,971,277.1 -> 2,971,277
    //   realized = 6,797,980,150 − 6,602,838,000 = 195,142,150
    const exit = priceFill({ side: "buy", sizeBase: 2, referencePrice: 3_300, time: H11 + HOUR_MS });
    const r = ok(exitPosition(eth, "CLOSE_SIGNAL", exit));
    const after = bookDelta(account, r.delta);
    // equity = 10,000,000,000 + (−102,835,000 + 195,142,150) + 49,700,000 − (12,464,233 + 2,971,277) + 48,100
    //        = 10,126,619,740 (= 10,132,429,017 − 2,838,000 slippage − 2,971,277 fee)
    expect(equity(after, [btc, r.position, solFunded], { ETH: 3_300, SOL: 205 })).toBe(10_126_619_740);
    expect(marginUsed([btc, r.position, solFunded])).toBe(666_766_667);
  });

  it("never goes NaN: a missing or broken mark values the position at its last price", () => {
    // ETH last seen at entry 3,398.990075 and SOL at 200.03 -> unrealized 0 for both
    // equity = 10,000,000,000 − 102,835,000 − 12,464,233 + 48,100 = 9,884,748,867
    expect(equity(account, [btc, eth, solFunded], { ETH: Number.NaN })).toBe(9_884_748_867);
    expect(equity(account, [], {})).toBe(10_000_000_000 - 102_835_000 - 12_464_233 + 48_100);
  });

  it("equityWithMark is equity over one position and one asset's mark", () => {
    const marks = [null, 3_410, 3_380.25, 199.5, 0, -1, Number.NaN, Number.POSITIVE_INFINITY, 94_123.45];
    for (const position of [null, btc, eth, sol, solFunded, { ...eth, lastPrice: Number.NaN }]) {
      for (const asset of ["ETH", "SOL", "BTC"]) {
        for (const mark of marks) {
          const expected = equity(account, position ? [position] : [], mark === null ? {} : { [asset]: mark });
          expect(equityWithMark(account, position, asset, mark), `${position?.asset ?? "none"} ${asset} ${mark}`).toBe(expected);
        }
      }
    }
  });
});
