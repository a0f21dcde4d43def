import { describe, expect, it } from "vitest";
import { adminGrantPosting, auditionFeePosting, signupGrantPosting } from "./rules";

const sum = (legs: { amountCents: number }[]) => legs.reduce((s, l) => s + l.amountCents, 0);

describe("posting rules", () => {
  it("signup grant: 1,000 credits from the signup-grants issuance account", () => {
    const p = signupGrantPosting("u1");
    expect(p.legs).toEqual([
      { account: { kind: "SIGNUP_GRANTS" }, amountCents: -100_000 },
      { account: { kind: "USER_WALLET", userId: "u1" }, amountCents: 100_000 },
    ]);
    expect(p.memo).toBe("Signup grant");
  });

  it("audition fee: 25 credits from the wallet to the treasury", () => {
    const p = auditionFeePosting("u1", "Momentum Mo");
    expect(p.legs.map((l) => [l.account.kind, l.amountCents])).toEqual([
      ["USER_WALLET", -2500],
      ["PROTOCOL_TREASURY", 2500],
    ]);
    expect(sum(p.legs)).toBe(0);
  });

  it("admin grant records the reason", () => {
    const p = adminGrantPosting("u1", 5000, "  bug bounty ");
    expect(p.memo).toBe("Admin grant: bug bounty");
    expect(sum(p.legs)).toBe(0);
  });

  it.each([
    [-100, "ok reason", "amount", "Amount must be positive"],
    [0, "ok reason", "amount", "Amount must be positive"],
    [1.5, "ok reason", "amount", "whole number"],
    [100_000_001, "ok reason", "amount", "1,000,000 credit limit"],
    [100, " x ", "reason", "at least 3"],
    [100, "y".repeat(501), "reason", "at most 500"],
  ])("admin grant of %d with %j fails on %s", (amount, reason, field, message) => {
    try {
      adminGrantPosting("u1", amount, reason);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: "VALIDATION_FAILED", field });
      expect((e as Error).message).toContain(message);
    }
  });
});
