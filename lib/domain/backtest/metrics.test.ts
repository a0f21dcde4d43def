import { describe, expect, it } from "vitest";
import { backtestMetrics, hourlyReturns, maxDrawdown, PERIODS_PER_YEAR, sharpe, sortino } from "./metrics";

const YEAR = Math.sqrt(PERIODS_PER_YEAR); // √8760 ≈ 93.5949

describe("returns, Sharpe and Sortino (hourly, annualised by √8760)", () => {
  // 100 -> 110 -> 99 -> 108.9: +10%, −10%, +10%
  const returns = hourlyReturns([100, 110, 99, 108.9]);

  it("returns are E_h / E_h−1 − 1", () => {
    expect(returns.map((r) => Number(r.toFixed(12)))).toEqual([0.1, -0.1, 0.1]);
  });

  it("Sharpe: mean 1/30, sample sd √(0.02666…/2) = 0.11547, so 0.288675 a period", () => {
    // by hand: mean = 0.1/3; deviations 1/15, −2/15, 1/15; Σ² = 6/225; / (n−1) = 3/225 -> sd = √3/15
    // mean / sd = (1/30) / (√3/15) = 1 / (2√3) = 0.2886751
    expect(sharpe(returns)).toBeCloseTo((1 / (2 * Math.sqrt(3))) * YEAR, 9);
    expect(sharpe(returns)).toBeCloseTo(27.01851, 4);
  });

  it("Sortino: downside deviation √(0.01/3) over every period, so 1/√3 a period", () => {
    expect(sortino(returns)).toBeCloseTo((1 / Math.sqrt(3)) * YEAR, 9);
    expect(sortino(returns)).toBeCloseTo(54.03702, 4);
  });

  it.each([
    { name: "one return", returns: [0.1], sharpe: null, sortino: null },
    { name: "no dispersion", returns: [0.01, 0.01, 0.01], sharpe: null, sortino: null },
    { name: "no downside", returns: [0.01, 0.02], sharpe: (0.015 / Math.sqrt(0.00005)) * YEAR, sortino: null },
  ])("$name", (c) => {
    const s = sharpe(c.returns);
    if (c.sharpe === null) expect(s).toBeNull();
    else expect(s).toBeCloseTo(c.sharpe, 9);
    expect(sortino(c.returns)).toBe(c.sortino);
  });
});

describe("max drawdown", () => {
  it.each([
    { samples: [100, 120, 90, 130, 117], fraction: 0.25, micro: 30 }, // 120 -> 90 beats 130 -> 117 (10%, 13)
    { samples: [100, 101, 102], fraction: 0, micro: 0 },
    { samples: [100, 50, 200, 120], fraction: 0.5, micro: 80 }, // the largest fraction and the largest amount may differ
    { samples: [], fraction: 0, micro: 0 },
  ])("$samples -> $fraction", ({ samples, fraction, micro }) => {
    expect(maxDrawdown(samples)).toEqual({ fraction, micro });
  });
});

describe("backtestMetrics", () => {
  const base = {
    startMicro: 10_000_000, finalEquityMicro: 11_000_000, hourly: [10_000_000, 11_000_000], samples: [10_000_000, 12_000_000, 9_000_000, 11_000_000],
    tradeNetMicro: [50, -20, 30, -10, 0], tradesOpened: 6, exposedMinutes: 300, minutes: 1_000, firstPrice: 100, lastPrice: 125,
  };

  it("table: win rate 2/5, profit factor 80/30, exposure 0.3, buy and hold +25%, return +10%, drawdown 25%", () => {
    const m = backtestMetrics(base);
    expect(m).toMatchObject({
      totalReturn: 0.10000000000000009, maxDrawdown: 0.25, maxDrawdownMicro: 3_000_000, winRate: 0.4, grossProfitMicro: 80, grossLossMicro: 30,
      exposure: 0.3, trades: 6, closedTrades: 5, buyAndHoldReturn: 0.25, sharpe: null, sortino: null, returnPeriod: "1h", periodsPerYear: 8_760,
    });
    expect(m.profitFactor).toBeCloseTo(80 / 30, 12);
  });

  it("no trades: no win rate, no profit factor; no price: no buy and hold", () => {
    const m = backtestMetrics({ ...base, tradeNetMicro: [], tradesOpened: 0, exposedMinutes: 0, firstPrice: null });
    expect(m).toMatchObject({ winRate: null, profitFactor: null, exposure: 0, trades: 0, closedTrades: 0, buyAndHoldReturn: null });
  });

  it("only winners: the profit factor has no denominator", () => {
    expect(backtestMetrics({ ...base, tradeNetMicro: [5, 7] }).profitFactor).toBeNull();
  });
});
