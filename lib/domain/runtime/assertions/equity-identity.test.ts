import { describe, expect, it } from "vitest";
import { checkEquityIdentity, type AccountTotalsRow } from "./equity-identity";

const healthy = (): AccountTotalsRow => ({
  accountId: "acc",
  stored: { realizedMicro: 12_500_000, feesMicro: 1_800_000, fundingMicro: -40_000 },
  positions: { count: 2, realizedMicro: 12_500_000, feesMicro: 1_800_000, fundingMicro: -40_000 },
  fills: { count: 3, feesMicro: 1_800_000 },
});
const edit = (f: (a: AccountTotalsRow) => void) => {
  const a = healthy();
  f(a);
  return a;
};

describe("checkEquityIdentity", () => {
  it.each<[string, AccountTotalsRow, string]>([
    ["totals equal the records", healthy(), ""],
    ["a fresh account", { accountId: "new", stored: { realizedMicro: 0, feesMicro: 0, fundingMicro: 0 }, positions: { count: 0, realizedMicro: 0, feesMicro: 0, fundingMicro: 0 }, fills: { count: 0, feesMicro: 0 } }, ""],
    ["fees bumped on the account", edit((a) => (a.stored.feesMicro += 1_000)), "account acc: stored fees 1,801,000 µ$ but its 3 fills total 1,800,000 µ$, so its equity is understated by 1,000 µ$"],
    ["realized drifted", edit((a) => (a.stored.realizedMicro -= 7)), "account acc: stored realized 12,499,993 µ$ but its 2 positions total 12,500,000 µ$, so its equity is understated by 7 µ$"],
    ["funding booked twice", edit((a) => (a.stored.fundingMicro -= 40_000)), "account acc: stored funding -80,000 µ$ but its 2 positions total -40,000 µ$, so its equity is understated by 40,000 µ$"],
    ["funding missing on the account", edit((a) => (a.stored.fundingMicro = 0)), "account acc: stored funding 0 µ$ but its 2 positions total -40,000 µ$, so its equity is overstated by 40,000 µ$"],
    ["a position's fee edited", edit((a) => (a.positions.feesMicro = 1_700_000)), "account acc: its 2 positions carry fees of 1,700,000 µ$ but its 3 fills charged 1,800,000 µ$"],
  ])("%s", (_name, account, message) => {
    const result = checkEquityIdentity({ accounts: [account] });
    expect(result.ok).toBe(message === "");
    expect(result.message).toBe(message);
  });
});
