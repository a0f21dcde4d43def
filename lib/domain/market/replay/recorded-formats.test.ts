import { describe, expect, it } from "vitest";
import { RecordedFormatError, detectRecordedFormat, parseRecorded } from "./recorded-formats";

const candle = (over: Record<string, unknown> = {}) => ({
  t: 1_767_225_600_000, T: 1_767_225_659_999, s: "BTC", i: "1m", o: "95000.0", c: "95010.5", h: "95020", l: "94990", v: "12.345", n: 321, ...over,
});
const book = (over: Record<string, unknown> = {}) => ({
  coin: "DYDX",
  time: 1_689_630_203_930,
  levels: [[{ n: 1, px: "2.111", sz: "134.4" }, { n: 3, px: "2.112", sz: "10" }], [{ n: 2, px: "2.1124", sz: "352.3" }]],
  ...over,
});

describe("detectRecordedFormat", () => {
  it.each([
    ["candleSnapshot", [candle()]],
    ["fundingHistory", [{ coin: "BTC", fundingRate: "-0.00061334", premium: "-0.00091334", time: 1_683_849_600_048 }]],
    ["l2Book", book()],
    ["allMids", { APE: "1.96595", BTC: "30135.0" }],
    ["prices-history", { history: [{ t: 1_790_812_826, p: 0.085 }] }],
    [null, [{ foo: 1 }]],
    [null, { a: { b: 1 } }],
    [null, 42],
  ])("recognizes %s", (format, json) => {
    expect(detectRecordedFormat(json)).toBe(format);
  });
});

describe("parseRecorded", () => {
  it("turns a candleSnapshot into 1m candles split per coin, sorted", () => {
    const later = candle({ t: 1_767_225_660_000, T: 1_767_225_719_999, o: "95010.5", c: "95000" });
    const batches = parseRecorded("c.json", [later, candle(), candle({ s: "ETH", o: "3400", c: "3401", h: "3402", l: "3399" })]);
    expect(batches).toEqual([
      {
        kind: "candles", symbol: "BTC", interval: "1m",
        candles: [
          { openTime: 1_767_225_600_000, closeTime: 1_767_225_659_999, open: 95000, high: 95020, low: 94990, close: 95010.5, volume: 12.345, trades: 321 },
          { openTime: 1_767_225_660_000, closeTime: 1_767_225_719_999, open: 95010.5, high: 95020, low: 94990, close: 95000, volume: 12.345, trades: 321 },
        ],
      },
      { kind: "candles", symbol: "ETH", interval: "1m", candles: [expect.objectContaining({ open: 3400, close: 3401 })] },
    ]);
  });

  it("collapses a minute recorded twice identically", () => {
    const [batch] = parseRecorded("c.json", [candle(), candle()]);
    expect(batch?.kind === "candles" && batch.candles).toHaveLength(1);
  });

  it("groups funding per coin", () => {
    const batches = parseRecorded("f.json", [
      { coin: "BTC", fundingRate: "0.0000125", premium: "0.0001", time: 2000 },
      { coin: "ETH", fundingRate: "-0.00061334", premium: "-0.00091334", time: 1000 },
      { coin: "BTC", fundingRate: "0.00002", premium: "0.0002", time: 1000 },
    ]);
    expect(batches).toEqual([
      { kind: "funding", symbol: "BTC", rates: [{ symbol: "BTC", time: 1000, rate: 0.00002, premium: 0.0002 }, { symbol: "BTC", time: 2000, rate: 0.0000125, premium: 0.0001 }] },
      { kind: "funding", symbol: "ETH", rates: [{ symbol: "ETH", time: 1000, rate: -0.00061334, premium: -0.00091334 }] },
    ]);
  });

  it("orders an l2Book best first", () => {
    expect(parseRecorded("b.json", book())).toEqual([
      {
        kind: "book", symbol: "DYDX",
        book: {
          symbol: "DYDX", time: 1_689_630_203_930,
          bids: [{ px: 2.112, sz: 10, n: 3 }, { px: 2.111, sz: 134.4, n: 1 }],
          asks: [{ px: 2.1124, sz: 352.3, n: 2 }],
        },
      },
    ]);
  });

  it("stamps allMids with the time given", () => {
    expect(parseRecorded("m.json", { BTC: "30135.0", ETH: "1903.95" }, { timeMs: 5000 })).toEqual([
      { kind: "mids", time: 5000, mids: [{ symbol: "BTC", time: 5000, price: 30135 }, { symbol: "ETH", time: 5000, price: 1903.95 }] },
    ]);
  });

  it("reads prices-history seconds as milliseconds for the token given", () => {
    expect(parseRecorded("p.json", { history: [{ t: 1_790_812_886, p: 0.09 }, { t: 1_790_812_826, p: 0.085 }] }, { tokenId: "123" })).toEqual([
      { kind: "prediction-prices", tokenId: "123", points: [{ tokenId: "123", time: 1_790_812_826_000, price: 0.085 }, { tokenId: "123", time: 1_790_812_886_000, price: 0.09 }] },
    ]);
  });

  it("finds nothing in an empty response", () => {
    expect(parseRecorded("e.json", [])).toEqual([]);
  });

  it.each([
    ["an unknown shape", { foo: [1] }, {}, "x.json: not a recognized recording"],
    ["a coarser interval", [candle(), candle({ i: "1h" })], {}, 'x.json: [1].i: interval "1h": only 1m candles are stored'],
    ["a malformed price", [candle({ o: "95,000" })], {}, 'x.json: [0].o: expected a decimal number, got "95,000"'],
    ["a missing field", [candle({ v: undefined })], {}, "x.json: [0].v: expected a decimal number, got nothing (field missing)"],
    ["a fractional trade count", [candle({ n: 1.5 })], {}, "x.json: [0].n: expected a non-negative integer"],
    ["an open time off the minute", [candle({ t: 1_767_225_600_001 })], {}, "[0].t: a 1m candle opens on the minute"],
    ["a close time outside the minute", [candle({ T: 1_767_225_900_000 })], {}, "[0].T: close time"],
    ["a low above the open", [candle({ l: "95005" })], {}, "[0].l: low 95005 is above the open or close"],
    ["a high below the close", [candle({ h: "95001" })], {}, "[0].h: high 95001 is below the open or close"],
    ["two different candles for a minute", [candle(), candle({ v: "1" })], {}, "BTC has two different candles opening at"],
    ["a funding row without a coin", [{ coin: "BTC", fundingRate: "0", premium: "0", time: 1 }, { fundingRate: "0", premium: "0", time: 1 }], {}, "[1].coin: expected a non-empty string"],
    ["a book with one side", book({ levels: [[]] }), {}, "levels: expected [bids, asks], got 1 sides"],
    ["a book level with a bad size", book({ levels: [[{ n: 1, px: "2", sz: "-1" }], []] }), {}, "levels[0][0].sz: expected a positive number"],
    ["a crossed book", book({ levels: [[{ n: 1, px: "3", sz: "1" }], [{ n: 1, px: "2", sz: "1" }]] }), {}, "crossed book"],
    ["allMids without a time", { BTC: "1" }, {}, "allMids snapshot carries no time"],
    ["a malformed mid", { BTC: "abc" }, { timeMs: 1 }, 'x.json: BTC: expected a decimal number, got "abc"'],
    ["prices-history without a token", { history: [] }, {}, "pass the token id"],
    ["a probability above one", { history: [{ t: 1, p: 1.5 }] }, { tokenId: "1" }, "history[0].p: a probability must be within [0, 1]"],
  ])("refuses %s, naming file, index and field", (_name, json, options, message) => {
    expect(() => parseRecorded("x.json", json, options)).toThrow(RecordedFormatError);
    expect(() => parseRecorded("x.json", json, options)).toThrow(message);
  });
});
