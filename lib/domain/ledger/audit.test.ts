import { describe, expect, it } from "vitest";
import { auditLedger, type AccountTotals } from "./audit";

const acct = (over: Partial<AccountTotals>): AccountTotals => ({
  accountId: "a",
  code: "wallet:u",
  allowNegative: false,
  storedCents: 100,
  entriesCents: 100,
  ...over,
});

describe("auditLedger", () => {
  it.each([
    ["consistent", [acct({}), acct({ accountId: "g", code: "issuance:signup-grants", allowNegative: true, storedCents: -100, entriesCents: -100 })], 0, true, []],
    ["entries do not sum to zero", [acct({})], 100, false, []],
    ["stored balance drifted", [acct({ storedCents: 90 })], 0, false, ["BALANCE_MISMATCH"]],
    ["wallet below zero", [acct({ storedCents: -5, entriesCents: -5 })], 0, false, ["NEGATIVE_BALANCE"]],
  ] as const)("%s", (_n, accounts, sum, ok, problems) => {
    const r = auditLedger([...accounts], sum);
    expect(r.ok).toBe(ok);
    expect(r.problems.map((p) => p.problem)).toEqual(problems);
  });
});
