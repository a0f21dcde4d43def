import { describe, expect, it } from "vitest";
import { applyFunding, fundingHoursDue, fundingPaymentMicro, type FundingTick } from "./funding";
import { priceFill } from "./fill";
import { HOUR_MS, openPosition } from "./position";
import type { Position } from "./position-types";

const OPENED = Date.UTC(2026, 0, 5, 10, 20); // 10:20 -> first funding hour is 11:00
const H11 = Date.UTC(2026, 0, 5, 11);
const zeroCost = { takerFeeBps: 0, baseSlippageBps: 0, impactBpsAtFullDepth: 0, maxSlippageBps: 100, fallbackDepthUsd: 1 };

function btc(side: "buy" | "sell"): Position {
  const fill = priceFill({ side, sizeBase: 0.1, referencePrice: 95_000, config: zeroCost, time: OPENED });
  return openPosition(fill, { asset: "BTC", leverage: 5 }).position;
}

// Three funding hours for 0.1 BTC; notional = mark × 0.1.
//   11:00  mark 95,012.3  rate +0.0000125  notional 9,501,230,000 µ$ × 0.0000125 = 118,765.375 -> 118,765
//          positive rate: the long PAYS 118,765, the short RECEIVES it
//   12:00  mark 96,000    rate −0.00002    notional 9,600,000,000 µ$ × 0.00002  = 192,000
//          negative rate: the long RECEIVES 192,000, the short pays it
//   13:00  mark 94,000    rate +0.0001     notional 9,400,000,000 µ$ × 0.0001   = 940,000
//          the long pays 940,000, the short receives it
// long  = −118,765 + 192,000 − 940,000 = −866,765 µ$
// short = +118,765 − 192,000 + 940,000 = +866,765 µ$ (funding moves between sides; none is created)
const TICKS: FundingTick[] = [
  { hour: H11, markPrice: 95_012.3, hourlyRate: 0.0000125 },
  { hour: H11 + HOUR_MS, markPrice: 96_000, hourlyRate: -0.00002 },
  { hour: H11 + 2 * HOUR_MS, markPrice: 94_000, hourlyRate: 0.0001 },
];

function run(position: Position, ticks: FundingTick[]) {
  const deltas: number[] = [];
  for (const tick of ticks) {
    const r = applyFunding(position, tick);
    if (!r.ok) throw new Error(r.reason);
    position = r.position;
    deltas.push(r.delta.fundingMicro);
  }
  return { position, deltas };
}

describe("golden: funding over 3 hours, positive and negative rates", () => {
  it("a long pays positive rates and receives negative ones", () => {
    const { position, deltas } = run(btc("buy"), TICKS);
    expect(deltas).toEqual([-118_765, 192_000, -940_000]);
    expect(position.fundingMicro).toBe(-866_765);
    expect(position.fundingThroughHour).toBe(H11 + 2 * HOUR_MS);
  });

  it("a short receives positive rates and pays negative ones", () => {
    const { position, deltas } = run(btc("sell"), TICKS);
    expect(deltas).toEqual([118_765, -192_000, 940_000]);
    expect(position.fundingMicro).toBe(866_765);
  });
});

describe("funding is applied once per hour crossed", () => {
  it("lists the hours due since entry, 11:00 to 13:00 at 13:59", () => {
    expect(fundingHoursDue(btc("buy"), H11 + 2 * HOUR_MS + 59 * 60_000)).toEqual([H11, H11 + HOUR_MS, H11 + 2 * HOUR_MS]);
    expect(fundingHoursDue(btc("buy"), H11 - 1)).toEqual([]);
  });

  it("re-applying an hour is refused and changes nothing (idempotent retries)", () => {
    const once = applyFunding(btc("buy"), TICKS[0]!);
    if (!once.ok) throw new Error(once.reason);
    const twice = applyFunding(once.position, TICKS[0]!);
    expect(twice).toEqual({ ok: false, position: once.position, reason: "funding for this hour is already settled (or precedes the entry)" });
  });

  it.each([
    ["the hour of entry (10:00, before 10:20)", { hour: H11 - HOUR_MS, markPrice: 95_000, hourlyRate: 0.0001 }, "funding for this hour is already settled (or precedes the entry)"],
    ["a time that is not a whole hour", { hour: H11 + 1, markPrice: 95_000, hourlyRate: 0.0001 }, "funding hour must be a whole hour (ms epoch)"],
    ["a NaN mark", { hour: H11, markPrice: Number.NaN, hourlyRate: 0.0001 }, "funding needs a positive mark price and a finite rate"],
    ["a NaN rate", { hour: H11, markPrice: 95_000, hourlyRate: Number.NaN }, "funding needs a positive mark price and a finite rate"],
  ])("refuses %s", (_, tick, reason) => {
    const p = btc("buy");
    expect(applyFunding(p, tick)).toEqual({ ok: false, position: p, reason });
  });

  it("a position opened exactly on the hour first pays at the next hour", () => {
    const fill = priceFill({ side: "buy", sizeBase: 1, referencePrice: 10, config: zeroCost, time: H11 });
    const p = openPosition(fill, { asset: "X", leverage: 1 }).position;
    expect(fundingHoursDue(p, H11 + HOUR_MS)).toEqual([H11 + HOUR_MS]);
  });

  it("a zero rate is a zero payment, never -0", () => {
    expect(Object.is(fundingPaymentMicro("long", 1, 100, 0), 0)).toBe(true);
  });
});
