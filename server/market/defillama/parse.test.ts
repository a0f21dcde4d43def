import { describe, expect, it } from "vitest";
import { parseChainTvl, parseOverview, parseStablecoinSupply } from "./parse";

const DAY = 86_400;

describe("parseChainTvl", () => {
  it("reads the documented example", () => {
    expect(parseChainTvl([{ date: 1609459200, tvl: 15000000000 }])).toEqual([{ time: 1609459200000, value: 15e9 }]);
  });

  it("sorts, keeps the last of a repeated day, and takes numeric strings", () => {
    const json = [
      { date: 1609459200 + DAY, tvl: 2 },
      { date: 1609459200, tvl: 1 },
      { date: "1609459200", tvl: "1.5" },
    ];
    expect(parseChainTvl(json)).toEqual([
      { time: 1609459200000, value: 1.5 },
      { time: (1609459200 + DAY) * 1000, value: 2 },
    ]);
  });

  it.each([
    [[{ date: 1609459200 }], /^\[0\]\.tvl: /],
    [[{ date: 1, tvl: 1 }, { date: "2021-01-01", tvl: 1 }], /^\[1\]\.date: expected unix seconds/],
    [[{ date: 1, tvl: "1,5" }], /^\[0\]\.tvl: expected a decimal number/],
    [{ tvl: [] }, /^payload: /],
  ])("names the field %#", (json, message) => expect(() => parseChainTvl(json)).toThrow(message));
});

describe("parseStablecoinSupply", () => {
  // the documented row: date is a string
  const ROW = {
    date: "1758931200",
    totalCirculating: { peggedUSD: 304000000000, peggedEUR: 500000000 },
    totalCirculatingUSD: { peggedUSD: 305000000000, peggedEUR: 580000000 },
  };

  it("sums every peg of totalCirculatingUSD", () => {
    expect(parseStablecoinSupply([ROW])).toEqual([{ time: 1758931200000, value: 305580000000 }]);
  });

  it("ignores the other figures and sorts", () => {
    const earlier = { date: "1758844800", totalCirculatingUSD: { peggedUSD: 1 }, totalUnreleased: { peggedUSD: 9 }, totalBridgedToUSD: { peggedUSD: 3 } };
    expect(parseStablecoinSupply([ROW, earlier]).map((p) => p.time)).toEqual([1758844800000, 1758931200000]);
  });

  it.each([
    [[{ ...ROW, date: "17589x" }], /^\[0\]\.date: /],
    [[{ ...ROW, totalCirculatingUSD: { peggedUSD: "lots" } }], /^\[0\]\.totalCirculatingUSD\.peggedUSD: /],
    [[{ ...ROW, totalCirculatingUSD: {} }], /^\[0\]\.totalCirculatingUSD: expected at least one peg/],
    [[{ date: ROW.date }], /^\[0\]\.totalCirculatingUSD: /],
  ])("names the field %#", (json, message) => expect(() => parseStablecoinSupply(json)).toThrow(message));
});

describe("parseOverview", () => {
  const BODY = {
    totalDataChart: [
      [1700092800, 1200],
      [1700006400, 1000],
    ],
    totalDataChartBreakdown: [],
    chain: null,
    allChains: ["Ethereum"],
    total24h: 1200,
    total48hto24h: 1000,
    total7d: 2200,
    total30d: 2200,
    total1y: 2200,
    totalAllTime: 2200,
    change_1d: 20,
    change_7d: null,
    protocols: [{ name: "Uniswap", displayName: "Uniswap V3", total24h: 1500000000, total7d: 10000000000, change_1d: 5.2, change_7d: -2.1, chains: ["Ethereum", "Polygon"] }],
  };

  it("returns the chart in time order and the summary, absent figures as null", () => {
    expect(parseOverview(BODY)).toEqual({
      points: [
        { time: 1700006400000, value: 1000 },
        { time: 1700092800000, value: 1200 },
      ],
      summary: { total24h: 1200, total48hto24h: 1000, total7d: 2200, total30d: 2200, total1y: 2200, totalAllTime: 2200, change_1d: 20, change_7d: null, change_1m: null },
    });
  });

  it.each([
    [{ ...BODY, totalDataChart: undefined }, /^totalDataChart: /],
    [{ ...BODY, totalDataChart: [[1700006400]] }, /^totalDataChart\[0\]/],
    [{ ...BODY, totalDataChart: [[1700006400, "n/a"]] }, /^totalDataChart\[0\]\[1\]: expected a decimal number/],
    [{ ...BODY, change_1d: "up" }, /^change_1d: /],
  ])("names the field %#", (json, message) => expect(() => parseOverview(json)).toThrow(message));
});
