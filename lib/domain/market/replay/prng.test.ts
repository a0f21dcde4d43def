import { describe, expect, it } from "vitest";
import { Rng, cyrb128, hashDigits, hashHex, inverseNormalCdf } from "./prng";

describe("Rng", () => {
  it("pins the stream of a seed, so a change of algorithm cannot pass unnoticed", () => {
    const rng = new Rng("clash");
    const first = [rng.uint32(), rng.uint32(), rng.uint32()];
    expect(first).toEqual(PINNED_CLASH);
    expect(cyrb128("")).toHaveLength(4);
  });

  it("gives the same stream for the same seed and another for another seed", () => {
    const draw = (seed: string) => {
      const rng = new Rng(seed);
      return Array.from({ length: 50 }, () => rng.normal());
    };
    expect(draw("a")).toEqual(draw("a"));
    expect(draw("a")).not.toEqual(draw("b"));
  });

  it("draws uniforms in [0, 1) and standard normals", () => {
    const rng = new Rng("moments");
    const u = Array.from({ length: 100_000 }, () => rng.next());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(mean(u)).toBeCloseTo(0.5, 2);
    const z = Array.from({ length: 100_000 }, () => rng.normal());
    expect(mean(z)).toBeCloseTo(0, 1);
    expect(mean(z.map((x) => x * x))).toBeCloseTo(1, 1);
    expect(z.filter((x) => Math.abs(x) > 1.96).length / z.length).toBeCloseTo(0.05, 2);
  });
});

describe("inverseNormalCdf", () => {
  it.each([
    [0.5, 0],
    [0.975, 1.959964],
    [0.025, -1.959964],
    [0.8413447, 1],
    [0.001, -3.090232],
    [0.999, 3.090232],
  ])("Φ⁻¹(%s) = %s", (p, z) => {
    expect(inverseNormalCdf(p)).toBeCloseTo(z, 5);
  });
});

describe("hash strings", () => {
  it("makes decimal and hex strings of the asked length, stable per text", () => {
    const d = hashDigits("x", 77);
    expect(d).toMatch(/^[1-9]\d{76}$/);
    expect(hashDigits("x", 77)).toBe(d);
    expect(hashDigits("y", 77)).not.toBe(d);
    expect(hashHex("x", 64)).toMatch(/^[0-9a-f]{64}$/);
  });
});

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const PINNED_CLASH = [2537120774, 4070818064, 4040750521];
