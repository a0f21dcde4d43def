import { describe, expect, it } from "vitest";
import { applyFunding } from "./funding";
import { priceFill } from "./fill";
import { exitPosition, HOUR_MS, onPrice, openPosition } from "./position";

const T0 = Date.UTC(2026, 0, 5, 10, 20);
const zeroCost = { takerFeeBps: 0, baseSlippageBps: 0, impactBpsAtFullDepth: 0, maxSlippageBps: 100, fallbackDepthUsd: 1 };

function solLong() {
  const entry = priceFill({ side: "buy", sizeBase: 10, referencePrice: 200, config: zeroCost, time: T0 });
  return openPosition(entry, { asset: "SOL", leverage: 2, stopLoss: 190, takeProfit: 220 }).position;
}

describe("golden: EXIT_PENDING is immutable", () => {
  const pending = exitPosition(solLong(), "CLOSE_SIGNAL", null, { time: T0 + 60_000 });
  if (!pending.ok) throw new Error(pending.reason);
  const p = pending.position;

  it("an exit without a fill stops at EXIT_PENDING and books nothing", () => {
    expect(p.state).toBe("EXIT_PENDING");
    expect(p.exitReason).toBe("CLOSE_SIGNAL");
    expect(pending.delta).toEqual({ realizedMicro: 0, feesMicro: 0, fundingMicro: 0 });
    expect(p.history.map((h) => h.state)).toEqual(["ENTRY", "MONITORING", "CLOSE_SIGNAL", "EXIT_PENDING"]);
  });

  it("a price update, even one through the stop, returns it unchanged with a reason", () => {
    const r = onPrice(p, { time: T0 + 120_000, open: 185, high: 186, low: 150, close: 151 });
    expect(r.position).toBe(p);
    expect(r.trigger).toBeNull();
    expect(r.ignored).toBe("position is EXIT_PENDING; price updates no longer apply");
  });

  it("funding returns it unchanged with a reason", () => {
    const r = applyFunding(p, { hour: Math.ceil(T0 / HOUR_MS) * HOUR_MS, markPrice: 200, hourlyRate: 0.0001 });
    expect(r).toEqual({ ok: false, position: p, reason: "position is EXIT_PENDING; funding no longer applies" });
    expect(r.position).toBe(p);
  });

  it("a second exit (another reason, or the same without a fill) returns it unchanged with a reason", () => {
    const fill = priceFill({ side: "sell", sizeBase: 10, referencePrice: 150, config: zeroCost, time: T0 + 120_000 });
    const other = exitPosition(p, "STOP_TRIGGERED", fill);
    expect(other).toEqual({ ok: false, position: p, reason: "position is EXIT_PENDING (CLOSE_SIGNAL); a new exit cannot replace it" });
    const again = exitPosition(p, "CLOSE_SIGNAL");
    expect(again).toMatchObject({ ok: false, reason: "position is already EXIT_PENDING; only its exit fill can complete it" });
    expect(again.position).toBe(p);
  });

  it("only its own exit fill closes it; a closed position cannot exit again", () => {
    // 10 × (201 − 200) = +10 USD = 10,000,000 µ$ with zero costs
    const fill = priceFill({ side: "sell", sizeBase: 10, referencePrice: 201, config: zeroCost, time: T0 + 120_000 });
    const closed = exitPosition(p, "CLOSE_SIGNAL", fill);
    expect(closed).toMatchObject({ ok: true, delta: { realizedMicro: 10_000_000, feesMicro: 0 } });
    expect(closed.position.state).toBe("CLOSED");
    const twice = exitPosition(closed.position, "CLOSE_SIGNAL", fill);
    expect(twice).toEqual({ ok: false, position: closed.position, reason: "position is already CLOSED" });
  });

  it("the input position object is never mutated", () => {
    const before = JSON.stringify(p);
    onPrice(p, { time: T0 + 1, price: 1 });
    exitPosition(p, "EXPIRY");
    expect(JSON.stringify(p)).toBe(before);
  });
});

describe("exitPosition refuses a fill that does not close the position, leaving it MONITORING", () => {
  it.each([
    ["a buy fill on a long", { side: "buy" as const, sizeBase: 10 }, "a long position is closed by a sell fill, not a buy"],
    ["a partial size", { side: "sell" as const, sizeBase: 5 }, "exit fill size 5 differs from the position size 10"],
  ])("%s", (_, order, reason) => {
    const p = solLong();
    const fill = priceFill({ ...order, referencePrice: 200, config: zeroCost, time: T0 + 1 });
    expect(exitPosition(p, "EXPIRY", fill)).toEqual({ ok: false, position: p, reason });
  });
});

describe("onPrice ignores unusable updates instead of throwing", () => {
  it.each([
    [{ time: T0 + 1, price: Number.NaN }, "update has a non-positive or non-finite price"],
    [{ time: T0 + 1, price: 0 }, "update has a non-positive or non-finite price"],
    [{ time: T0 + 1, open: 200, high: 199, low: 201, close: 200 }, "bar is inconsistent (open/close outside low..high)"],
    [{ time: T0 - 1, price: 150 }, "update is older than the last one applied"],
  ])("%j", (update, reason) => {
    const p = solLong();
    expect(onPrice(p, update)).toEqual({ position: p, trigger: null, ignored: reason });
  });

  it("a clean update moves the trail and last price without a trigger", () => {
    const r = onPrice(solLong(), { time: T0 + 1, open: 200, high: 210, low: 195, close: 205 });
    expect(r.trigger).toBeNull();
    expect(r.position).toMatchObject({ trailHigh: 210, trailLow: 195, lastPrice: 205, updatedAt: T0 + 1, state: "MONITORING" });
  });
});
