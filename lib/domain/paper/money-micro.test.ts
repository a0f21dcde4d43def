import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/domain/errors";
import { divRoundHalfAway, pow10, toScaled, toSmallScaled } from "./exact-decimal";
import {
  applyBps,
  assertMicro,
  divMicroCeil,
  formatMicroUsd,
  microToUsd,
  mulMicroRate,
  mulPriceSize,
  roundSizeDown,
  sizeForNotional,
  sumMicro,
  usdToMicro,
} from "./money-micro";

describe("rounding rule: half away from zero, on the exact decimal", () => {
  it.each([
    // usd            µ$      why
    [10_000, 10_000_000_000], // 10,000 × 1e6
    [12.3456785, 12_345_679], // ...678.5 µ$ -> away from zero -> 679 (banker's would give 678)
    [12.3456775, 12_345_678], // ...677.5 µ$ -> 678 (banker's would also give 678)
    [0.0000005, 1], //          0.5 µ$ -> 1
    [-0.0000005, -1], //        -0.5 µ$ -> -1 (symmetric)
    [0.0000004999, 0], //       0.4999 µ$ -> 0
    [0.1 + 0.2, 300_000], //    0.30000000000000004 USD -> 300,000.00000000004 µ$ -> 300,000
  ])("usdToMicro(%d) = %i", (usd, micro) => {
    expect(usdToMicro(usd)).toBe(micro);
  });

  it("mulPriceSize multiplies the decimals exactly before rounding once", () => {
    // 95,014.25 × 0.1 = 9,501.425 USD = 9,501,425,000 µ$ (the float product is 9501.425000000001)
    expect(mulPriceSize(95_014.25, 0.1)).toBe(9_501_425_000);
    // 0.1 × 3 = 0.3 USD exactly (the float product is 0.30000000000000004)
    expect(mulPriceSize(0.1, 3)).toBe(300_000);
    // 0.5 × 0.000001 = 0.0000005 USD = 0.5 µ$ -> 1
    expect(mulPriceSize(0.5, 0.000001)).toBe(1);
    // 1e-7 is printed "1e-7" by JS: 1e-7 × 5 = 5e-7 USD = 0.5 µ$ -> 1
    expect(mulPriceSize(1e-7, 5)).toBe(1);
  });

  it("mulPriceSize without bigint (few digits) is the bigint product rounded once, over random prices and sizes", () => {
    // the reference: both decimals as bigint, multiplied, rounded half away from zero to µ$
    const reference = (price: number, size: number) => {
      const p = toScaled(price);
      const q = toScaled(size);
      const scale = p.scale + q.scale - 6;
      const micro = scale <= 0 ? p.digits * q.digits * pow10(-scale) : divRoundHalfAway(p.digits * q.digits, pow10(scale));
      return Number(micro);
    };
    let seed = 11;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 50_000; i++) {
      const price = Math.round(random() * 10 ** (2 + Math.floor(random() * 6))) / 10 ** Math.floor(random() * 7) * (i % 97 === 0 ? -1 : 1);
      const size = i % 5 === 0 ? random() * 3 : Math.round(random() * 10 ** Math.floor(random() * 8)) / 10 ** Math.floor(random() * 9);
      const expected = reference(price, size);
      if (!Number.isSafeInteger(expected)) continue;
      expect(mulPriceSize(price, size), `${price} × ${size}`).toBe(expected);
    }
    // halves at the rounding place, both signs, -0 as 0
    expect(mulPriceSize(0.5, 0.000001)).toBe(1);
    expect(mulPriceSize(-0.5, 0.000001)).toBe(-1);
    expect(mulPriceSize(0.4, 0.000001)).toBe(0);
    expect(Object.is(mulPriceSize(-0.4, 0.000001), 0)).toBe(true);
    expect(Object.is(mulPriceSize(-5, 0), 0)).toBe(true);
  });

  it("applyBps and mulMicroRate", () => {
    // 4.5 bps of 9,501,425,000 = 9,501,425,000 × 45 / 100,000 = 4,275,641.25 -> 4,275,641
    expect(applyBps(9_501_425_000, 4.5)).toBe(4_275_641);
    // 4.5 bps of 7,003,150,000 = 3,151,417.5 -> half away -> 3,151,418
    expect(applyBps(7_003_150_000, 4.5)).toBe(3_151_418);
    // -9,501,230,000 × 0.0000125 = -118,765.375 -> -118,765
    expect(mulMicroRate(-9_501_230_000, 0.0000125)).toBe(-118_765);
    // -3 × 0.5 = -1.5 -> -2 (away from zero)
    expect(mulMicroRate(-3, 0.5)).toBe(-2);
  });

  it("applyBps and mulMicroRate without bigint (few digits) are the bigint product rounded once, over random amounts and rates", () => {
    // the reference: the rate's decimal as bigint, times the amount, rounded half away from zero
    const reference = (micro: number, x: number, shift: number) => {
      const r = toScaled(x);
      const scale = r.scale + shift;
      const out = scale <= 0 ? BigInt(micro) * r.digits * pow10(-scale) : divRoundHalfAway(BigInt(micro) * r.digits, pow10(scale));
      return Number(out);
    };
    let seed = 29;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32;
    let small = 0;
    for (let i = 0; i < 20_000; i++) {
      const micro = Math.round(random() * 10 ** Math.floor(random() * 16)) * (i % 3 === 0 ? -1 : 1);
      // hourly funding rates (a few digits, sometimes printed with an exponent), fee bps, and long fractions
      const x = i % 4 === 0 ? (random() - 0.5) * 1e-4 : i % 4 === 1 ? Math.round(random() * 1e4) / 1e9 * (i % 8 === 1 ? -1 : 1) : i % 4 === 2 ? Math.round(random() * 100) / 10 : random() * 3;
      const rate = reference(micro, x, 0);
      const bps = reference(micro, x, 4);
      const few = toSmallScaled(x);
      if (few && Number.isSafeInteger(micro * few.digits)) small++; // the path without bigint
      if (Number.isSafeInteger(rate)) expect(Object.is(mulMicroRate(micro, x), rate + 0), `${micro} × ${x}`).toBe(true);
      if (Number.isSafeInteger(bps)) expect(Object.is(applyBps(micro, x), bps + 0), `${micro} × ${x} bps`).toBe(true);
    }
    expect(small).toBeGreaterThan(8_000);
    // past 2^53 either way: the bigint path's refusal
    expect(() => mulMicroRate(Number.MAX_SAFE_INTEGER, 2)).toThrow(DomainError);
    expect(() => applyBps(0.5, 4.5)).toThrow(DomainError);
  });

  it("margin rounds up: 6,797,980,151 ÷ 2 = 3,398,990,075.5 -> 3,398,990,076", () => {
    expect(divMicroCeil(6_797_980_151, 2)).toBe(3_398_990_076);
    expect(divMicroCeil(9_501_425_000, 5)).toBe(1_900_285_000);
    // ÷ 2.5 = × 0.4: 1,000,000 × 0.4 = 400,000
    expect(divMicroCeil(1_000_000, 2.5)).toBe(400_000);
  });

  it("refuses amounts beyond 2^53 µ$ (≈ 9.007e9 USD) instead of rounding them", () => {
    expect(() => usdToMicro(9_100_000_000)).toThrow(DomainError);
    expect(() => assertMicro(0.5)).toThrow(DomainError);
    expect(() => sumMicro([Number.MAX_SAFE_INTEGER, 1])).toThrow(DomainError);
    expect(() => mulPriceSize(Number.NaN, 1)).toThrow(DomainError);
    expect(usdToMicro(9_000_000_000)).toBe(9_000_000_000_000_000);
  });

  it("formats and converts for display", () => {
    expect(formatMicroUsd(-1_234_500_000)).toBe("-1234.5");
    expect(formatMicroUsd(1)).toBe("0.000001");
    expect(microToUsd(9_501_425_000)).toBe(9501.425);
  });
});

describe("sizes round toward zero on the szDecimals lot", () => {
  it.each([
    // size         szDecimals  rounded
    [0.0105263, 5, 0.01052],
    [0.010529999, 5, 0.01052], // toward zero, never up to 0.01053
    [1.23456789, 4, 1.2345],
    [312.9, 0, 312],
    [-1.239, 2, -1.23], // toward zero for negatives too
    [0.5, 3, 0.5], // already on the lot
  ])("roundSizeDown(%d, %i) = %d", (size, decimals, rounded) => {
    expect(roundSizeDown(size, decimals)).toBe(rounded);
  });

  it.each([
    // notional µ$      price     szDec  size   worked by hand
    [1_000_000_000, 95_000, 5, 0.01052], // 1,000 / 95,000 = 0.0105263… -> 0.01052 (999.40 USD ≤ 1,000)
    [100_000_000, 0.32, 0, 312], //        100 / 0.32 = 312.5 -> 312
    [300_000, 0.1, 2, 3], //               0.3 / 0.1 = 3 exactly (a float division gives 2.9999999999999996)
    [9_500_000_000, 95_000, 5, 0.1], //   9,500 / 95,000 = 0.1
    [1_000_000, 95_000, 5, 0.00001], //   1 / 95,000 = 0.0000105… -> 0.00001
    [500_000, 95_000, 5, 0], //           0.5 / 95,000 is below one lot -> 0 (the caller refuses it)
  ])("sizeForNotional(%i µ$, %d, %i) = %d", (micro, price, decimals, size) => {
    expect(sizeForNotional(micro, price, decimals)).toBe(size);
    expect(mulPriceSize(price, size)).toBeLessThanOrEqual(micro);
  });

  it("refuses a bad szDecimals", () => {
    expect(() => roundSizeDown(1, -1)).toThrow(DomainError);
    expect(() => sizeForNotional(1, 1, 1.5)).toThrow(DomainError);
  });
});
