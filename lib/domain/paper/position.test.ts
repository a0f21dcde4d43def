import { describe, expect, it } from "vitest";
import { priceFill } from "./fill";
import { exitPosition, onPrice, openPosition } from "./position";
import type { Position } from "./position-types";

const T0 = Date.UTC(2026, 0, 5, 10, 20);
const MIN = 60_000;
/** No fee, no slippage: for cases about triggers alone. */
const zeroCost = { takerFeeBps: 0, baseSlippageBps: 0, impactBpsAtFullDepth: 0, maxSlippageBps: 100, fallbackDepthUsd: 1 };

/**
 * The long BTC entry of fill.test.ts: 0.1 BTC at 95,014.25 (1.5 bps over 95,000),
 * notional 9,501,425,000 µ$, fee 4,275,641 µ$; margin at 5× = 9,501,425,000 / 5 = 1,900,285,000.
 */
function btcLong(exits: { stopLoss?: number; takeProfit?: number; trailingStopPct?: number }): Position {
  const fill = priceFill({ side: "buy", sizeBase: 0.1, referencePrice: 95_000, depthUsd: 950_000, time: T0 });
  return openPosition(fill, { asset: "BTC", leverage: 5, ...exits }).position;
}

/** Sells 0.1 BTC from `reference` against bids of 100× its notional (10 × reference): 1.5 bps of slippage. */
function btcExitFill(reference: number, time: number) {
  return priceFill({ side: "sell", sizeBase: 0.1, referencePrice: reference, depthUsd: reference * 10, time });
}

describe("opening", () => {
  it("records ENTRY then MONITORING, with exact notional, fee and margin", () => {
    const p = btcLong({ stopLoss: 94_000 });
    expect(p).toMatchObject({
      side: "long", sizeBase: 0.1, entryPrice: 95_014.25, entryNotionalMicro: 9_501_425_000,
      feesMicro: 4_275_641, marginMicro: 1_900_285_000, trailHigh: 95_014.25, trailLow: 95_014.25, state: "MONITORING",
    });
    expect(p.history.map((h) => h.state)).toEqual(["ENTRY", "MONITORING"]);
  });
});

describe("golden: a short exit at a loss", () => {
  it("shorts 2 ETH at 3,400 and closes on a signal at 3,500", () => {
    const entry = priceFill({ side: "sell", sizeBase: 2, referencePrice: 3_400, bestBid: 3_399.5, depthUsd: 680_000, time: T0 });
    // entry (see fill.test.ts): 3,398.990075, notional 6,797,980,150 µ$, fee 3,059,091 µ$
    const opened = openPosition(entry, { asset: "ETH", leverage: 2 });
    expect(opened.delta).toEqual({ realizedMicro: 0, feesMicro: 3_059_091, fundingMicro: 0 });
    const exit = priceFill({ side: "buy", sizeBase: 2, referencePrice: 3_500, time: T0 + 60 * MIN });
    // exit: no book -> fallback; impact 50 × 7,000 / 100,000 = 3.5 -> 4.5 bps
    //   price 3,500 × 1.00045 = 3,501.575; notional 7,003,150,000 µ$; fee 3,151,417.5 -> 3,151,418
    // realized (short) = entry notional − exit notional = 6,797,980,150 − 7,003,150,000 = −205,169,850
    // net = −205,169,850 − 3,059,091 − 3,151,418 = −211,380,359 µ$ (≈ −211.38 USD)
    const closed = exitPosition(opened.position, "CLOSE_SIGNAL", exit);
    if (!closed.ok) throw new Error(closed.reason);
    expect(closed.delta).toEqual({ realizedMicro: -205_169_850, feesMicro: 3_151_418, fundingMicro: 0 });
    expect(closed.position).toMatchObject({ state: "CLOSED", exitPrice: 3_501.575, realizedPnlMicro: -205_169_850, feesMicro: 6_210_509 });
    expect(closed.position.realizedPnlMicro - closed.position.feesMicro).toBe(-211_380_359);
    expect(closed.position.history.map((h) => h.state)).toEqual(["ENTRY", "MONITORING", "CLOSE_SIGNAL", "EXIT_PENDING", "CLOSED"]);
  });
});

describe("golden: stop-loss hit intrabar", () => {
  it("fills from the stop level, not the bar's low", () => {
    const p = btcLong({ stopLoss: 94_000, takeProfit: 98_000 });
    // the bar opens above the stop (94,800 > 94,000) and trades down to 93,900 ≤ 94,000
    const { position, trigger } = onPrice(p, { time: T0 + MIN, open: 94_800, high: 95_100, low: 93_900, close: 94_200 });
    expect(trigger).toEqual({ reason: "STOP_TRIGGERED", kind: "stop_loss", level: 94_000, referencePrice: 94_000, gap: false, time: T0 + MIN });
    // exit: 94,000 × (10,000 − 1.5) / 10,000 = 94,000 × 0.99985 = 93,985.9
    //   notional 93,985.9 × 0.1 = 9,398.59 USD = 9,398,590,000 µ$; fee 9,398,590,000 × 0.00045 = 4,229,365.5 -> 4,229,366
    // realized = 9,398,590,000 − 9,501,425,000 = −102,835,000
    const closed = exitPosition(position, trigger!.reason, btcExitFill(trigger!.referencePrice, T0 + 2 * MIN), { trigger: trigger! });
    expect(closed).toMatchObject({ ok: true, delta: { realizedMicro: -102_835_000, feesMicro: 4_229_366, fundingMicro: 0 } });
    expect(closed.position).toMatchObject({ exitPrice: 93_985.9, feesMicro: 4_275_641 + 4_229_366, exitTrigger: trigger });
  });
});

describe("golden: take-profit", () => {
  it("fills from the take-profit level", () => {
    const p = btcLong({ stopLoss: 94_000, takeProfit: 98_000 });
    const { position, trigger } = onPrice(p, { time: T0 + MIN, open: 97_500, high: 98_200, low: 97_400, close: 98_100 });
    expect(trigger).toMatchObject({ reason: "TP_TRIGGERED", kind: "take_profit", referencePrice: 98_000, gap: false });
    // exit: 98,000 × 0.99985 = 97,985.3; notional 9,798.53 USD = 9,798,530,000 µ$
    //   fee 9,798,530,000 × 0.00045 = 4,409,338.5 -> 4,409,339
    // realized = 9,798,530,000 − 9,501,425,000 = +297,105,000
    const closed = exitPosition(position, "TP_TRIGGERED", btcExitFill(98_000, T0 + 2 * MIN));
    expect(closed).toMatchObject({ ok: true, delta: { realizedMicro: 297_105_000, feesMicro: 4_409_339 } });
  });

  it("a bar that opens beyond the take-profit still fills from the level: favourable gaps are not credited", () => {
    const { trigger } = onPrice(btcLong({ takeProfit: 98_000 }), { time: T0 + MIN, open: 99_000, high: 99_500, low: 98_800, close: 99_100 });
    expect(trigger).toMatchObject({ reason: "TP_TRIGGERED", referencePrice: 98_000, gap: true });
  });
});

describe("golden: a trailing stop that ratchets then triggers", () => {
  it("long 10 SOL with a 5% trail", () => {
    // entry: 10 × 200 = 2,000 USD against 200,000 of asks -> 1.5 bps; price 200 × 1.00015 = 200.03
    //   notional 2,000.3 USD = 2,000,300,000 µ$; fee × 0.00045 = 900,135
    const entry = priceFill({ side: "buy", sizeBase: 10, referencePrice: 200, depthUsd: 200_000, time: T0 });
    let p = openPosition(entry, { asset: "SOL", leverage: 3, trailingStopPct: 5 }).position;
    expect([p.entryNotionalMicro, p.feesMicro]).toEqual([2_000_300_000, 900_135]);

    // bar 1: trail level = 200.03 × 0.95 = 190.0285; low 200.5 stays above; the high ratchets the trail to 210
    let r = onPrice(p, { time: T0 + MIN, open: 201, high: 210, low: 200.5, close: 209 });
    expect(r.trigger).toBeNull();
    p = r.position;
    expect(p.trailHigh).toBe(210);
    // bar 2: level = 210 × 0.95 = 199.5; low 208 stays above; high ratchets to 220
    r = onPrice(p, { time: T0 + 2 * MIN, open: 209, high: 220, low: 208, close: 219 });
    expect(r.trigger).toBeNull();
    p = r.position;
    // bar 3: level = 220 × 95 / 100 = 209; low 208.5 ≤ 209 -> trailing stop at 209
    r = onPrice(p, { time: T0 + 3 * MIN, open: 218, high: 219, low: 208.5, close: 209.5 });
    expect(r.trigger).toMatchObject({ reason: "STOP_TRIGGERED", kind: "trailing_stop", level: 209, referencePrice: 209, gap: false });

    // exit: 10 × 209 = 2,090 USD against 209,000 of bids -> 1.5 bps; price 209 × 0.99985 = 208.96865
    //   notional 2,089.6865 USD = 2,089,686,500 µ$; fee 2,089,686,500 × 0.00045 = 940,358.925 -> 940,359
    // realized = 2,089,686,500 − 2,000,300,000 = +89,386,500
    const exit = priceFill({ side: "sell", sizeBase: 10, referencePrice: 209, depthUsd: 209_000, time: T0 + 4 * MIN });
    const closed = exitPosition(r.position, "STOP_TRIGGERED", exit);
    expect(closed).toMatchObject({ ok: true, delta: { realizedMicro: 89_386_500, feesMicro: 940_359 } });
  });

  it("the bar that sets a new high does not also trigger on the trail it just raised", () => {
    // level before the bar = 200 × 0.95 = 190; the bar's high 300 would make it 285, its low 250 is above 190
    const entry = priceFill({ side: "buy", sizeBase: 1, referencePrice: 200, config: zeroCost, time: T0 });
    const p = openPosition(entry, { asset: "SOL", leverage: 1, trailingStopPct: 5 }).position;
    expect(onPrice(p, { time: T0 + MIN, open: 260, high: 300, low: 250, close: 255 }).trigger).toBeNull();
  });

  it("a short trails the lowest price", () => {
    const entry = priceFill({ side: "sell", sizeBase: 1, referencePrice: 100, config: zeroCost, time: T0 });
    let p = openPosition(entry, { asset: "SOL", leverage: 1, trailingStopPct: 10 }).position;
    p = onPrice(p, { time: T0 + MIN, price: 80 }).position; // trail low 80 -> level 80 × 1.1 = 88
    expect(onPrice(p, { time: T0 + 2 * MIN, price: 87.9 }).trigger).toBeNull();
    expect(onPrice(p, { time: T0 + 2 * MIN, price: 88 }).trigger).toMatchObject({ kind: "trailing_stop", level: 88, referencePrice: 88 });
  });
});

describe("golden: a gap through the stop", () => {
  it("fills from the open when the bar opens beyond the stop", () => {
    const p = btcLong({ stopLoss: 94_000 });
    const { trigger } = onPrice(p, { time: T0 + MIN, open: 93_500, high: 93_800, low: 93_000, close: 93_200 });
    expect(trigger).toMatchObject({ reason: "STOP_TRIGGERED", level: 94_000, referencePrice: 93_500, gap: true });
    // exit: 93,500 × 0.99985 = 93,485.975; notional 9,348.5975 USD = 9,348,597,500 µ$
    //   fee 9,348,597,500 × 0.00045 = 4,206,868.875 -> 4,206,869
    // realized = 9,348,597,500 − 9,501,425,000 = −152,827,500 (worse than the −102,835,000 at the stop)
    const closed = exitPosition(p, "STOP_TRIGGERED", btcExitFill(93_500, T0 + MIN));
    expect(closed).toMatchObject({ ok: true, delta: { realizedMicro: -152_827_500, feesMicro: 4_206_869 } });
  });

  it("a tick past the stop fills from the tick", () => {
    const { trigger } = onPrice(btcLong({ stopLoss: 94_000 }), { time: T0 + MIN, price: 93_990 });
    expect(trigger).toMatchObject({ referencePrice: 93_990, gap: true });
  });
});

describe("golden: stop and take-profit in the same bar", () => {
  it("the stop wins for a long (conservative)", () => {
    const p = btcLong({ stopLoss: 94_000, takeProfit: 98_000 });
    const { trigger } = onPrice(p, { time: T0 + MIN, open: 95_500, high: 98_500, low: 93_800, close: 96_000 });
    // same exit as the intrabar stop: realized −102,835,000, fee 4,229,366
    expect(trigger).toMatchObject({ reason: "STOP_TRIGGERED", referencePrice: 94_000 });
    const closed = exitPosition(p, trigger!.reason, btcExitFill(94_000, T0 + MIN));
    expect(closed).toMatchObject({ ok: true, delta: { realizedMicro: -102_835_000, feesMicro: 4_229_366 } });
  });

  it("the stop wins for a short", () => {
    const entry = priceFill({ side: "sell", sizeBase: 1, referencePrice: 100, config: zeroCost, time: T0 });
    const p = openPosition(entry, { asset: "SOL", leverage: 1, stopLoss: 105, takeProfit: 95 }).position;
    expect(onPrice(p, { time: T0 + MIN, open: 100, high: 106, low: 94, close: 100 }).trigger).toMatchObject({ reason: "STOP_TRIGGERED", referencePrice: 105 });
  });

  it("but a bar that OPENS beyond the take-profit took it first (the open is certain)", () => {
    const p = btcLong({ stopLoss: 94_000, takeProfit: 98_000 });
    const { trigger } = onPrice(p, { time: T0 + MIN, open: 98_100, high: 98_200, low: 93_000, close: 93_500 });
    expect(trigger).toMatchObject({ reason: "TP_TRIGGERED", referencePrice: 98_000 });
  });
});
