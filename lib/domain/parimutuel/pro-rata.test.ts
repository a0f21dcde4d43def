import { describe, expect, it } from "vitest";
import { proRata } from "./pro-rata";
import { seededRandom } from "./test-random";

const reference = (num: bigint, den: bigint, s: number) => Number((num * BigInt(s)) / den);

describe("proRata", () => {
  it.each<[string, bigint, bigint, number, number]>([
    ["a whole rate", 6n, 2n, 7, 21],
    ["a fraction", 2n, 3n, 10, 6],
    ["an exact whole result", 3n, 7n, 14, 6],
    ["just below a whole number", 999_999_999_999n, 1_000_000_000_000n, 1_000_000_000_000, 999_999_999_999],
    ["a den past 2^53", 2n ** 60n - 1n, 2n ** 60n, 2 ** 52, 2 ** 52 - 1],
    ["a product past 2^53 that is whole", 1_000_000_000_000_007n, 3n, 12, 4_000_000_000_000_028],
    ["zero", 0n, 5n, 1234, 0],
  ])("%s", (_name, num, den, s, expected) => {
    expect(reference(num, den, s)).toBe(expected);
    expect(proRata(num, den).of(s)).toBe(expected);
  });

  it("refuses a rate with no denominator", () => {
    expect(() => proRata(1n, 0n)).toThrow(RangeError);
  });

  it("matches BigInt on 100,000 random and adversarial rates", () => {
    const rng = seededRandom(7);
    let checked = 0;
    for (let k = 0; k < 1_000; k++) {
      // dens of every size, and rates built to land on or next to whole numbers
      const den = BigInt(rng.int(1, rng.pick([10, 1e6, 1e12, Number.MAX_SAFE_INTEGER])));
      const maxStake = rng.int(1, rng.pick([100, 100_000, 1e9, 2 ** 40]));
      const whole = BigInt(rng.int(0, 1e6));
      const num = rng.pick([whole * den, whole * den + 1n, whole * den - 1n > 0n ? whole * den - 1n : 1n, BigInt(rng.int(0, Number.MAX_SAFE_INTEGER))]);
      const rate = proRata(num, den);
      for (let j = 0; j < 100; j++) {
        const s = rng.pick([rng.int(0, maxStake), Number(den), Number(den) * rng.int(1, 3)]);
        // the caller's promise: the result is a safe integer
        if ((num * BigInt(s)) / den > BigInt(Number.MAX_SAFE_INTEGER) || !Number.isSafeInteger(s)) continue;
        expect(rate.of(s), `${num}·${s}/${den}`).toBe(reference(num, den, s));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50_000);
  });
});
