import { describe, expect, it } from "vitest";
import { formatCredits, formatSignedCredits, parseCredits } from "./money";

describe("parseCredits", () => {
  it.each([
    ["25", 2500],
    ["12.5", 1250],
    ["12.50", 1250],
    ["0.01", 1],
    ["1,000.00", 100000],
    ["  7 ", 700],
  ])("%j -> %i cents", (input, cents) => {
    expect(parseCredits(input)).toEqual({ ok: true, cents });
  });

  it.each([
    ["", "Enter an amount"],
    ["-5", "Amount must be positive"],
    ["0", "Amount must be positive"],
    ["0.00", "Amount must be positive"],
    ["1.234", "Enter a number of credits with at most 2 decimals"],
    ["abc", "Enter a number of credits with at most 2 decimals"],
    ["1e5", "Enter a number of credits with at most 2 decimals"],
  ])("%j is refused: %s", (input, message) => {
    expect(parseCredits(input)).toEqual({ ok: false, message });
  });
});

describe("formatCredits", () => {
  it.each([
    [0, "0.00", "0.00"],
    [1, "0.01", "+0.01"],
    [100000, "1,000.00", "+1,000.00"],
    [-2500, "-25.00", "-25.00"],
    [123456789, "1,234,567.89", "+1,234,567.89"],
  ])("%i cents -> %s / %s", (cents, plain, signed) => {
    expect(formatCredits(cents)).toBe(plain);
    expect(formatSignedCredits(cents)).toBe(signed);
  });
});
