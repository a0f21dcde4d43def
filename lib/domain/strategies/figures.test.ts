import { describe, expect, it } from "vitest";
import { fmt, intlFmt } from "./figures";

describe("fmt gives Intl's figures", () => {
  it.each([
    0, -0, 1e-7, 5e-7, 1e-6, 0.000123456789, -0.5, 0.5, 0.125, 1.005, 1.0005, 1.23456789, 2.5, 9.999995, 99.999, 99.99995, 99.999949, 0.0999999999,
    0.9999995, 100, 258.954, 999.995, -1234.5, 9_999.995, 9_999.994999, 10_000, 100_099.4, 999_999.5, -2_500_000.5, 123_456_789_012_345.5,
    4_503_599_627_370_495.5, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1e20, 1e21, NaN, Infinity, -Infinity,
  ])("%d", (n) => {
    expect(fmt(n)).toBe(intlFmt(n));
  });

  it("over 600,000 numbers: random bits, few decimals, exact halves at every place, and near every threshold", () => {
    let seed = 12_345;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32;
    const bits = new Float64Array(1);
    const words = new Uint32Array(bits.buffer);
    const thresholds = [1e-6, 0.001, 1, 10, 99.99995, 100, 9_999.995, 10_000, 2 ** 53];
    let mismatches = 0;
    for (let i = 0; i < 600_000; i++) {
      let n: number;
      switch (i % 6) {
        case 0:
          n = (random() - 0.5) * 10 ** (Math.floor(random() * 30) - 8);
          break;
        case 1:
          n = Math.round(random() * 10 ** (3 + Math.floor(random() * 6))) / 10 ** Math.floor(random() * 8);
          break;
        case 2: // a 5 right after the last digit kept, at every place
          n = (Math.floor(random() * 10 ** (2 + Math.floor(random() * 7))) + 0.5) / 10 ** Math.floor(random() * 7);
          break;
        case 3:
          words[0] = (random() * 2 ** 32) >>> 0;
          words[1] = (random() * 2 ** 32) >>> 0;
          n = bits[0]!;
          break;
        case 4: // prices as a backtest formats them
          n = 95_000 + (random() - 0.5) * 20_000 + random() * 1e-6;
          break;
        default:
          n = thresholds[Math.floor(random() * thresholds.length)]! * (1 + (random() - 0.5) * 1e-9) * (random() < 0.5 ? -1 : 1);
      }
      if (fmt(n) !== intlFmt(n)) mismatches++;
      if (mismatches > 0) expect(fmt(n), String(n)).toBe(intlFmt(n));
    }
    expect(mismatches).toBe(0);
  });
});
