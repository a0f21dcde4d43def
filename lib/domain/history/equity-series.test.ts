import { describe, expect, it } from "vitest";
import { equityBreakdown, openAccount } from "../paper/account";
import type { Position } from "../paper/position-types";
import { equitySeries, fundingBookedMicro, priceAt, type EquityPosition, type PricePoint } from "./equity-series";

const H = 3_600_000;
const M = 60_000;
const T0 = Date.UTC(2026, 6, 1, 10, 20); // 10:20
const START = 10_000_000_000; // 10,000 USD

// a 0.01 BTC long at 100,000 (1,000 USD), closed at 12:30 at 101,000; two funding hours paid 0.025 USD
const long: EquityPosition = {
  asset: "BTC", side: "long", sizeBase: 0.01, entryPrice: 100_000, entryNotionalMicro: 1_000_000_000,
  openedAt: T0, closedAt: T0 + 2 * H + 10 * M, realizedPnlMicro: 10_000_000, fundingMicro: -25_000, fundingThroughHour: T0 - 20 * M + 2 * H,
};
const fills = [
  { time: T0, feeMicro: 450_000 },
  { time: long.closedAt!, feeMicro: 454_500 },
];
const prices: Record<string, PricePoint[]> = {
  BTC: [
    { time: T0, price: 100_000 }, // the entry fill
    { time: T0 + 40 * M, price: 100_500 }, // 11:00 close
    { time: T0 + 100 * M, price: 99_000 }, // 12:00 close
    { time: long.closedAt!, price: 101_000 }, // the exit fill
  ],
};

describe("equitySeries", () => {
  const at = (t: number) => equitySeries({ startMicro: START, positions: [long], fills, prices, times: [t] })[0]!;

  it.each([
    ["before anything", T0 - M, { equityMicro: START, feesMicro: 0, unrealizedMicro: 0, realizedMicro: 0, fundingMicro: 0 }],
    ["at the entry fill: the fee only", T0, { equityMicro: START - 450_000, feesMicro: 450_000, unrealizedMicro: 0 }],
    ["at 11:00: marked at 100,500, one of two funding hours", T0 + 40 * M, { unrealizedMicro: 5_000_000, fundingMicro: -12_500, equityMicro: START + 5_000_000 - 450_000 - 12_500 }],
    ["at 12:00: marked at 99,000, all funding", T0 + 100 * M, { unrealizedMicro: -10_000_000, fundingMicro: -25_000, equityMicro: START - 10_000_000 - 450_000 - 25_000 }],
    ["at the exit: realized, both fees, no unrealized", long.closedAt!, { realizedMicro: 10_000_000, unrealizedMicro: 0, feesMicro: 904_500, equityMicro: START + 10_000_000 - 904_500 - 25_000 }],
    ["a day later: unchanged", long.closedAt! + 24 * H, { equityMicro: START + 10_000_000 - 904_500 - 25_000 }],
  ])("%s", (_name, t, expected) => {
    expect(at(t)).toMatchObject({ time: t, ...expected });
  });

  it("a short gains when the price falls, and a position without any known price is worth its entry", () => {
    const short: EquityPosition = { ...long, asset: "ETH", side: "short", sizeBase: 1, entryPrice: 2_000, entryNotionalMicro: 2_000_000_000, closedAt: undefined, realizedPnlMicro: 0, fundingMicro: 0, fundingThroughHour: T0 - 20 * M };
    const eth = { ETH: [{ time: T0 + 5 * M, price: 1_990 }] };
    const [before, after] = equitySeries({ startMicro: START, positions: [short], fills: [], prices: eth, times: [T0 + M, T0 + 6 * M] });
    expect(before!.unrealizedMicro).toBe(0);
    expect(after!.unrealizedMicro).toBe(10_000_000);
  });

  it("times come back sorted, one point each", () => {
    const points = equitySeries({ startMicro: START, positions: [long], fills, prices, times: [T0 + H, T0 - H, T0] });
    expect(points.map((p) => p.time)).toEqual([T0 - H, T0, T0 + H]);
  });

  it("the last point equals the account identity of lib/domain/paper (closed and open positions, exact)", () => {
    const open: Position = {
      asset: "SOL", side: "long", sizeBase: 12.5, entryPrice: 150.37, entryNotionalMicro: 1_879_625_000, leverage: 2, marginMicro: 939_812_500,
      trailHigh: 150.37, trailLow: 150.37, lastPrice: 150.37, openedAt: T0 + 3 * H, updatedAt: T0 + 3 * H, realizedPnlMicro: 0, feesMicro: 845_831,
      fundingMicro: 3_333, fundingThroughHour: T0 - 20 * M + 6 * H, state: "MONITORING", history: [],
    };
    const now = T0 + 7 * H;
    const marks = { SOL: 151.013 };
    const allFills = [...fills, { time: open.openedAt, feeMicro: 845_831 }];
    const account = { ...openAccount(START), realizedMicro: long.realizedPnlMicro, feesMicro: 904_500 + 845_831, fundingMicro: long.fundingMicro + open.fundingMicro };
    const [last] = equitySeries({ startMicro: START, positions: [long, open], fills: allFills, prices: { ...prices, SOL: [{ time: now, price: marks.SOL }] }, times: [now] });
    expect(last!.equityMicro).toBe(equityBreakdown(account, [open], marks).equityMicro);
  });
});

describe("fundingBookedMicro", () => {
  const p = (fundingMicro: number, hours: number, closedAt?: number): EquityPosition => ({ ...long, fundingMicro, fundingThroughHour: T0 - 20 * M + hours * H, closedAt });
  it.each([
    ["no funding", p(0, 3), T0 + 10 * H, 0],
    ["before the first hour", p(-300, 3), T0 + 39 * M, 0],
    ["one of three hours", p(-300, 3), T0 + 40 * M, -100],
    ["a remainder lands on the last hour", p(100, 3), T0 + 100 * M, 66],
    ["all hours settled", p(100, 3), T0 + 160 * M, 100],
    ["funding with no settled hour on record lands at the close", p(50, 0, T0 + 30 * M), T0 + 30 * M, 50],
  ])("%s", (_name, position, t, expected) => {
    expect(fundingBookedMicro(position, t)).toBe(expected);
  });
});

describe("priceAt", () => {
  const points = [{ time: 10, price: 1 }, { time: 20, price: 2 }, { time: 30, price: Number.NaN }];
  it.each([
    [5, undefined],
    [10, 1],
    [19, 1],
    [25, 2],
    [31, undefined], // an unusable price is no price
  ])("at %i -> %s", (t, expected) => {
    expect(priceAt(points, t)).toBe(expected);
  });
  it("no points -> undefined", () => expect(priceAt(undefined, 1)).toBeUndefined());
});
