import { describe, expect, it } from "vitest";
import { summarizeBook } from "./book";
import { channelHealth } from "./channel-health";
import { detectGaps } from "./gaps";

const M = 60_000;

describe("detectGaps", () => {
  it.each([
    ["no gap", [0, M, 2 * M], null, undefined, []],
    ["one missing minute -> exact bounds", [0, M, 3 * M], null, undefined, [{ fromMs: 2 * M, toMs: 3 * M }]],
    ["consecutive missing minutes merge", [0, 4 * M], null, undefined, [{ fromMs: M, toMs: 4 * M }]],
    ["gap against the previously stored point", [5 * M], 2 * M, undefined, [{ fromMs: 3 * M, toMs: 5 * M }]],
    ["nothing before the first point of a new series", [5 * M, 6 * M], null, undefined, []],
    ["missing tail up to `until`", [0, M], null, 4 * M, [{ fromMs: 2 * M, toMs: 4 * M }]],
    ["empty batch, gap from previous to until", [], M, 3 * M, [{ fromMs: 2 * M, toMs: 3 * M }]],
    ["duplicates and old points are ignored", [M, M, 0, 2 * M], 0, undefined, []],
  ] as const)("%s", (_n, times, previous, until, gaps) => {
    expect(detectGaps(times, M, previous, until)).toEqual(gaps);
  });
});

describe("summarizeBook", () => {
  it("measures spread and depth within 1% of the mid, whatever order the levels came in", () => {
    const s = summarizeBook({
      symbol: "BTC",
      time: 1,
      bids: [{ px: 98, sz: 5, n: 1 }, { px: 99.5, sz: 2, n: 3 }, { px: 99.9, sz: 1, n: 1 }],
      asks: [{ px: 100.5, sz: 2, n: 1 }, { px: 100.1, sz: 1, n: 2 }, { px: 102, sz: 9, n: 1 }],
    });
    expect(s).toMatchObject({ bestBid: 99.9, bestAsk: 100.1, mid: 100 });
    expect(s.spreadBps).toBeCloseTo(20, 10);
    expect(s.bidDepthUsd).toBeCloseTo(99.9 + 199, 10); // 98 is outside 1%
    expect(s.askDepthUsd).toBeCloseTo(100.1 + 201, 10); // 102 is outside 1%
    expect(s.levels.bids[0]).toEqual([99.9, 1, 1]);
  });

  it.each([
    [{ bids: [], asks: [{ px: 1, sz: 1, n: 1 }] }, "empty side"],
    [{ bids: [{ px: 2, sz: 1, n: 1 }], asks: [{ px: 1, sz: 1, n: 1 }] }, "crossed"],
  ])("refuses %j", (sides, message) => {
    expect(() => summarizeBook({ symbol: "X", time: 0, ...sides })).toThrow(message);
  });
});

describe("channelHealth", () => {
  const base = { createdAt: 0, staleAfterMs: 3 * M, consecutiveFailures: 0 };
  it.each([
    ["fresh", { lastSuccessAt: 10 * M }, 11 * M, "GREEN", null],
    ["getting old", { lastSuccessAt: 10 * M }, 14 * M, "YELLOW", null],
    ["stale", { lastSuccessAt: 10 * M }, 17 * M, "RED", "STALE"],
    ["failing", { lastSuccessAt: 10 * M, consecutiveFailures: 3 }, 11 * M, "RED", "FAILING"],
    ["one failure, still fresh", { lastSuccessAt: 10 * M, consecutiveFailures: 1 }, 11 * M, "GREEN", null],
    ["waiting for the first data", { lastSuccessAt: null }, 2 * M, "YELLOW", null],
    ["missing", { lastSuccessAt: null }, 7 * M, "RED", "MISSING"],
  ] as const)("%s", (_n, state, now, colour, alert) => {
    expect(channelHealth({ ...base, ...state }, now)).toMatchObject({ colour, alert });
  });
});
