import { describe, expect, it } from "vitest";
import { fmt } from "./common";

describe("fmt formats like toLocaleString with the same options (it keeps its formatters)", () => {
  it.each([0, 0.000123456789, -0.5, 1.23456789, 99.999, 100, 258.954, -1234.5, 9_999.995, 10_000, 100_099.4, -2_500_000.5])("%d", (n) => {
    const size = Math.abs(n);
    const options = size >= 10_000 ? { maximumFractionDigits: 0 } : size >= 100 ? { maximumFractionDigits: 2 } : { maximumSignificantDigits: 6 };
    expect(fmt(n)).toBe(n.toLocaleString("en-US", options));
  });
});
