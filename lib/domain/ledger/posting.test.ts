import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { validatePosting, type Posting } from "./posting";
import { accountCode } from "./accounts";

const wallet = { kind: "USER_WALLET", userId: "u1" } as const;
const treasury = { kind: "PROTOCOL_TREASURY" } as const;

describe("validatePosting", () => {
  const cases: [string, Posting["legs"], string | null][] = [
    ["balanced pair", [{ account: wallet, amountCents: -100 }, { account: treasury, amountCents: 100 }], null],
    ["unbalanced", [{ account: wallet, amountCents: -100 }, { account: treasury, amountCents: 99 }], "sum to -1"],
    ["single leg", [{ account: wallet, amountCents: 0 }], "at least two legs"],
    ["zero leg", [{ account: wallet, amountCents: 0 }, { account: treasury, amountCents: 0 }], "cannot be zero"],
    ["fractional cents", [{ account: wallet, amountCents: -0.5 }, { account: treasury, amountCents: 0.5 }], "whole number"],
    ["same account twice", [{ account: wallet, amountCents: -1 }, { account: wallet, amountCents: 1 }], "appears twice"],
  ];
  it.each(cases)("%s", (_name, legs, error) => {
    const posting: Posting = { kind: "AUDITION_FEE", memo: "test", legs };
    if (error === null) expect(validatePosting(posting)).toBe(posting);
    else expect(() => validatePosting(posting)).toThrow(error);
  });

  it("throws DomainErrors", () => {
    expect(() => validatePosting({ kind: "AUDITION_FEE", memo: " ", legs: [] })).toThrow(DomainError);
  });
});

describe("accountCode", () => {
  it.each([
    [{ kind: "USER_WALLET", userId: "u1" } as const, "wallet:u1"],
    [{ kind: "CREATOR_ROYALTIES", userId: "u1" } as const, "royalties:u1"],
    [{ kind: "RACE_POOL_ESCROW", raceId: "r9" } as const, "escrow:r9"],
    [{ kind: "PROTOCOL_TREASURY" } as const, "treasury"],
    [{ kind: "SIGNUP_GRANTS" } as const, "issuance:signup-grants"],
    [{ kind: "ADMIN_GRANTS" } as const, "issuance:admin-grants"],
  ])("%j -> %s", (ref, code) => expect(accountCode(ref)).toBe(code));
});
