import { describe, expect, it } from "vitest";
import { parseAllMids, parseCandleSnapshot, parseFundingHistory, parseL2Book, parseMetaAndAssetCtxs } from "./parse";

// the real example payloads of MARKET-APIS.md §1
const CANDLE = { T: 1684702799999, c: "0.001604", h: "0.001616", i: "1h", l: "0.001601", n: 709, o: "0.001601", s: "kPEPE", t: 1684699200000, v: "520665683.0" };
const MIDS = { APE: "1.96595", BTC: "30135.0", ETH: "1903.95" };
const FUNDING = { coin: "BTC", fundingRate: "-0.00061334", premium: "-0.00091334", time: 1683849600048 };
const BOOK = { coin: "DYDX", levels: [[{ n: 1, px: "2.111", sz: "134.4" }], [{ n: 2, px: "2.1124", sz: "352.3" }]], time: 1689630203930 };
const CTX = {
  dayNtlVlm: "1169046.29406",
  funding: "0.0000125",
  impactPxs: ["14.3047", "14.3444"],
  markPx: "14.3161",
  midPx: "14.314",
  openInterest: "688.11",
  oraclePx: "14.32",
  premium: "0.00031774",
  prevDayPx: "15.322",
};
const META = { universe: [{ name: "APT", szDecimals: 2, maxLeverage: 10 }] };

describe("parse: the documented examples", () => {
  it("candleSnapshot", () => {
    expect(parseCandleSnapshot([CANDLE])).toEqual([
      { openTime: 1684699200000, closeTime: 1684702799999, open: 0.001601, high: 0.001616, low: 0.001601, close: 0.001604, volume: 520665683, trades: 709 },
    ]);
  });

  it("candleSnapshot sorts by open time and keeps one candle per open time (the last seen)", () => {
    const later = { ...CANDLE, t: CANDLE.t + 3_600_000, T: CANDLE.T + 3_600_000 };
    const revised = { ...CANDLE, c: "0.0017" };
    expect(parseCandleSnapshot([later, CANDLE, revised]).map((c) => [c.openTime, c.close])).toEqual([
      [CANDLE.t, 0.0017],
      [later.t, 0.001604],
    ]);
  });

  it("allMids, stamped with the given time", () => {
    expect(parseAllMids(MIDS, 42)).toEqual([
      { symbol: "APE", time: 42, price: 1.96595 },
      { symbol: "BTC", time: 42, price: 30135 },
      { symbol: "ETH", time: 42, price: 1903.95 },
    ]);
  });

  it("fundingHistory", () => {
    expect(parseFundingHistory([FUNDING])).toEqual([{ symbol: "BTC", time: 1683849600048, rate: -0.00061334, premium: -0.00091334 }]);
  });

  it("l2Book, best first on both sides", () => {
    expect(parseL2Book(BOOK)).toEqual({ symbol: "DYDX", time: 1689630203930, bids: [{ px: 2.111, sz: 134.4, n: 1 }], asks: [{ px: 2.1124, sz: 352.3, n: 2 }] });
    const shuffled = {
      ...BOOK,
      levels: [
        [{ n: 1, px: "1.9", sz: "1" }, { n: 1, px: "2.1", sz: "1" }, { n: 1, px: "2.0", sz: "1" }],
        [{ n: 1, px: "2.5", sz: "1" }, { n: 1, px: "2.2", sz: "1" }],
      ],
    };
    const book = parseL2Book(shuffled);
    expect(book.bids.map((l) => l.px)).toEqual([2.1, 2.0, 1.9]);
    expect(book.asks.map((l) => l.px)).toEqual([2.2, 2.5]);
  });

  it("metaAndAssetCtxs pairs ctx i with universe entry i", () => {
    expect(parseMetaAndAssetCtxs([META, [CTX]], 7)).toEqual([
      {
        symbol: "APT",
        time: 7,
        funding: 0.0000125,
        openInterest: 688.11,
        markPx: 14.3161,
        oraclePx: 14.32,
        midPx: 14.314,
        premium: 0.00031774,
        prevDayPx: 15.322,
        dayNtlVlm: 1169046.29406,
        dayBaseVlm: null,
        impactBidPx: 14.3047,
        impactAskPx: 14.3444,
        maxLeverage: 10,
        szDecimals: 2,
      },
    ]);
  });

  it("metaAndAssetCtxs tolerates midPx, premium and impactPxs being null", () => {
    const [ctx] = parseMetaAndAssetCtxs([META, [{ ...CTX, midPx: null, premium: null, impactPxs: null, dayBaseVlm: "48.1" }]], 7);
    expect(ctx).toMatchObject({ midPx: null, premium: null, impactBidPx: null, impactAskPx: null, dayBaseVlm: 48.1 });
  });
});

describe("parse: malformed payloads name the field", () => {
  it.each<[string, () => unknown, RegExp]>([
    ["candles not an array", () => parseCandleSnapshot({ candles: [] }), /^candleSnapshot: expected an array/],
    ["candle price not decimal", () => parseCandleSnapshot([CANDLE, { ...CANDLE, h: "high" }]), /^candleSnapshot\[1\]\.h:/],
    ["candle price as NaN", () => parseCandleSnapshot([{ ...CANDLE, c: "NaN" }]), /^candleSnapshot\[0\]\.c:/],
    ["candle time as string", () => parseCandleSnapshot([{ ...CANDLE, t: "1684699200000" }]), /^candleSnapshot\[0\]\.t: expected a non-negative integer/],
    ["candle close before open", () => parseCandleSnapshot([{ ...CANDLE, T: CANDLE.t - 1 }]), /^candleSnapshot\[0\]\.T:/],
    ["candle trades fractional", () => parseCandleSnapshot([{ ...CANDLE, n: 1.5 }]), /^candleSnapshot\[0\]\.n:/],
    ["candle missing coin", () => parseCandleSnapshot([{ ...CANDLE, s: undefined }]), /^candleSnapshot\[0\]\.s:/],
    ["mids not an object", () => parseAllMids(["BTC"], 0), /^allMids: expected an object/],
    ["mid not decimal", () => parseAllMids({ BTC: "30,135" }, 0), /^allMids\.BTC:/],
    ["funding rate missing", () => parseFundingHistory([{ ...FUNDING, fundingRate: undefined }]), /^fundingHistory\[0\]\.fundingRate:/],
    ["funding time missing", () => parseFundingHistory([{ ...FUNDING, time: null }]), /^fundingHistory\[0\]\.time:/],
    ["book null (unknown coin)", () => parseL2Book(null), /^l2Book: expected an object/],
    ["book one-sided", () => parseL2Book({ ...BOOK, levels: [[]] }), /^l2Book\.levels:/],
    ["book size not decimal", () => parseL2Book({ ...BOOK, levels: [[], [{ n: 1, px: "2", sz: "" }]] }), /^l2Book\.levels\[1\]\[0\]\.sz:/],
    ["meta not a pair", () => parseMetaAndAssetCtxs({ universe: [] }, 0), /^metaAndAssetCtxs: expected an array/],
    ["ctx count differs", () => parseMetaAndAssetCtxs([META, []], 0), /^metaAndAssetCtxs\[1\]:/],
    ["ctx markPx missing", () => parseMetaAndAssetCtxs([META, [{ ...CTX, markPx: undefined }]], 0), /^metaAndAssetCtxs\[1\]\[0\]\.markPx:/],
    ["ctx impactPxs bad", () => parseMetaAndAssetCtxs([META, [{ ...CTX, impactPxs: ["1", "x"] }]], 0), /^metaAndAssetCtxs\[1\]\[0\]\.impactPxs\[1\]:/],
    ["universe name missing", () => parseMetaAndAssetCtxs([{ universe: [{ szDecimals: 2 }] }, [CTX]], 0), /^metaAndAssetCtxs\[0\]\.universe\[0\]\.name:/],
  ])("%s", (_, run, message) => {
    expect(run).toThrow(message);
  });
});
