import { describe, expect, it } from "vitest";
import { parseBook, parseGammaEvents, parseGammaMarket, parseGammaMarkets, parsePrice, parsePricesHistory } from "./parse";

// Captured Gamma row (MARKET-APIS.md §2), verbatim.
const GAMMA_ROW = JSON.parse(
  String.raw`{"id":"1066851","question":"Bitcoin Up or Down - December 31, 12:00PM-12:15PM ET","conditionId":"0x2e6af11e4b853b05ba7135239b21d77e808889b6ce1e735de856c94c4e5b5fce","slug":"btc-updown-15m-1767200400","endDate":"2025-12-31T17:15:00Z","liquidity":"20579.7452","outcomes":"[\"Up\", \"Down\"]","outcomePrices":"[\"0.585\", \"0.415\"]","volume":"92509.470055","active":true,"closed":false,"volumeNum":92509.470055,"liquidityNum":20579.7452,"clobTokenIds":"[\"8851848546962572193739008211889046036776198486765606333032192644001246174440\", \"10181859819235412241349111952383458602722012323104397550162049365057126390549\"]","bestBid":0.58,"bestAsk":0.59}`,
) as Record<string, unknown>;

const UP = "8851848546962572193739008211889046036776198486765606333032192644001246174440";
const DOWN = "10181859819235412241349111952383458602722012323104397550162049365057126390549";

const EXPECTED_MARKET = {
  id: "1066851",
  conditionId: "0x2e6af11e4b853b05ba7135239b21d77e808889b6ce1e735de856c94c4e5b5fce",
  slug: "btc-updown-15m-1767200400",
  question: "Bitcoin Up or Down - December 31, 12:00PM-12:15PM ET",
  outcomes: ["Up", "Down"],
  outcomePrices: [0.585, 0.415],
  tokenIds: [UP, DOWN],
  endDate: Date.UTC(2025, 11, 31, 17, 15),
  active: true,
  closed: false,
  volume: 92509.470055,
  liquidity: 20579.7452,
  bestBid: 0.58,
  bestAsk: 0.59,
};

// CLOB book example (MARKET-APIS.md §2) with the asset id filled in and a second level per side.
const BOOK = {
  market: "0xfdc7",
  asset_id: UP,
  timestamp: "1790949050343",
  bids: [
    { price: "0.06", size: "120" },
    { price: "0.07", size: "500" },
  ],
  asks: [
    { price: "0.09", size: "40" },
    { price: "0.08", size: "300" },
  ],
  min_order_size: "5",
  tick_size: "0.01",
  neg_risk: false,
  last_trade_price: "0.080",
};

describe("parseGammaMarket", () => {
  it("decodes the captured row", () => {
    expect(parseGammaMarket(GAMMA_ROW)).toEqual(EXPECTED_MARKET);
  });

  it("falls back to the string figures, takes decoded arrays, and reads absent optionals as null", () => {
    const { volumeNum: _v, liquidityNum: _l, bestBid: _b, bestAsk: _a, endDate: _e, ...rest } = GAMMA_ROW;
    const row = { ...rest, volume: "12.5", liquidity: 7, outcomes: ["Up", "Down"], outcomePrices: [0.5, "0.5"] };
    expect(parseGammaMarket(row)).toMatchObject({ volume: 12.5, liquidity: 7, outcomePrices: [0.5, 0.5], bestBid: null, bestAsk: null, endDate: null });
  });

  it.each([
    [{ outcomes: "[\"Up\"" }, /^outcomes: expected a JSON-encoded array/],
    [{ outcomePrices: "[\"0.5\", \"abc\"]" }, /^outcomePrices\[1\]: expected a decimal number/],
    [{ clobTokenIds: `["${UP}"]` }, /^clobTokenIds: has 1 entries but outcomes has 2/],
    [{ clobTokenIds: `[${UP}, 1]` }, /^clobTokenIds\[0\]: /],
    [{ endDate: "tomorrow" }, /^endDate: expected an ISO date/],
    [{ volumeNum: "NaN" }, /^volumeNum: expected a decimal number/],
    [{ active: "yes" }, /^active: /],
    [{ id: undefined }, /^id: /],
  ])("names the field of a malformed row %#", (patch, message) => {
    expect(() => parseGammaMarket({ ...GAMMA_ROW, ...patch })).toThrow(message);
  });

  it("prefixes list positions", () => {
    expect(() => parseGammaMarkets([GAMMA_ROW, { ...GAMMA_ROW, bestAsk: "x" }])).toThrow(/^\[1\]\.bestAsk: /);
    expect(() => parseGammaMarkets({ markets: [] })).toThrow(/^payload: /);
  });
});

describe("parseGammaEvents", () => {
  it("returns each event with its markets", () => {
    const events = parseGammaEvents([{ id: "903", slug: "btc-updown", title: "Bitcoin Up or Down", ticker: "x", markets: [GAMMA_ROW] }]);
    expect(events).toEqual([{ id: "903", slug: "btc-updown", title: "Bitcoin Up or Down", markets: [EXPECTED_MARKET] }]);
    expect(() => parseGammaEvents([{ id: "903", slug: "s", title: "t", markets: [{ ...GAMMA_ROW, slug: 4 }] }])).toThrow(/^\[0\]\.markets\[0\]\.slug: /);
  });
});

describe("parseBook", () => {
  it("sorts bids descending and asks ascending whatever the wire order", () => {
    expect(parseBook(BOOK, UP)).toEqual({
      symbol: UP,
      time: 1790949050343,
      bids: [
        { px: 0.07, sz: 500, n: null },
        { px: 0.06, sz: 120, n: null },
      ],
      asks: [
        { px: 0.08, sz: 300, n: null },
        { px: 0.09, sz: 40, n: null },
      ],
    });
  });

  it("names malformed fields and refuses another token's book", () => {
    expect(() => parseBook({ ...BOOK, timestamp: "17909e5" }, UP)).toThrow(/^timestamp: /);
    expect(() => parseBook({ ...BOOK, asks: [{ price: "0.08" }] }, UP)).toThrow(/^asks\[0\]\.size: /);
    expect(() => parseBook({ ...BOOK, bids: [{ price: "", size: "1" }] }, UP)).toThrow(/^bids\[0\]\.price: expected a decimal/);
    expect(() => parseBook(BOOK, DOWN)).toThrow(/^asset_id: expected/);
  });
});

describe("parsePrice", () => {
  it.each([
    [{ price: ".512" }, 0.512],
    [{ price: "0.58" }, 0.58],
    [{ price: 0.4 }, 0.4],
  ])("%j -> %d", (json, price) => expect(parsePrice(json)).toBe(price));

  it("names the field", () => {
    expect(() => parsePrice({ price: "n/a" })).toThrow(/^price: /);
    expect(() => parsePrice({})).toThrow(/^price: /);
  });
});

describe("parsePricesHistory", () => {
  it("turns seconds into ms, sorts, and keeps one point per time", () => {
    const json = { history: [{ t: 1790812886, p: 0.09 }, { t: 1790812826, p: 0.085 }, { t: 1790812886, p: 0.091 }] };
    expect(parsePricesHistory(json, UP)).toEqual([
      { tokenId: UP, time: 1790812826000, price: 0.085 },
      { tokenId: UP, time: 1790812886000, price: 0.091 },
    ]);
    expect(parsePricesHistory({ history: [] }, UP)).toEqual([]);
  });

  it("names the field", () => {
    expect(() => parsePricesHistory({ history: [{ t: "1790812826", p: 0.1 }] }, UP)).toThrow(/^history\[0\]\.t: /);
    expect(() => parsePricesHistory({ history: [{ t: 1790812826, p: null }] }, UP)).toThrow(/^history\[0\]\.p: /);
    expect(() => parsePricesHistory({}, UP)).toThrow(/^history: /);
  });
});
