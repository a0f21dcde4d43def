/**
 * equity-identity: account equity = start + realized + unrealized − fees + funding,
 * from the records.
 *
 * The account stores running totals (lib/domain/paper/account.ts bookDelta); the
 * records they must equal are the positions and fills:
 * - realizedMicro = Σ positions' realizedPnlMicro (gross price PnL, set at close);
 * - feesMicro     = Σ fills' feeMicro (every fee is a fill's taker fee);
 * - fundingMicro  = Σ positions' fundingMicro (each funding hour booked to both);
 * - and Σ positions' feesMicro = Σ fills' feeMicro (each fill belongs to one
 *   position: its entry or its exit).
 * Unrealized PnL is computed from the open positions, never stored, so when these
 * hold, equity computed from the account equals equity computed from the records.
 * All amounts are whole micro-dollars: compared exactly.
 */
import { micro, outcome, type AssertionOutcome, type Problem } from "./outcome";

export interface AccountTotalsRow {
  accountId: string;
  stored: { realizedMicro: number; feesMicro: number; fundingMicro: number };
  positions: { count: number; realizedMicro: number; feesMicro: number; fundingMicro: number };
  fills: { count: number; feesMicro: number };
}

export function checkEquityIdentity(input: { accounts: readonly AccountTotalsRow[] }): AssertionOutcome {
  const problems: Problem[] = [];
  for (const a of input.accounts) {
    const { stored, positions, fills } = a;
    const ofPositions = `its ${positions.count} position${positions.count === 1 ? "" : "s"}`;
    const ofFills = `its ${fills.count} fill${fills.count === 1 ? "" : "s"}`;
    // how far equity computed from the stored totals is from equity computed from the records
    const lines: [string, number, number, string, 1 | -1][] = [
      ["realized", stored.realizedMicro, positions.realizedMicro, ofPositions, 1],
      ["fees", stored.feesMicro, fills.feesMicro, ofFills, -1],
      ["funding", stored.fundingMicro, positions.fundingMicro, ofPositions, 1],
    ];
    for (const [name, storedValue, records, source, sign] of lines) {
      if (storedValue === records) continue;
      const off = sign * (storedValue - records);
      problems.push({
        message: `account ${a.accountId}: stored ${name} ${micro(storedValue)} but ${source} total ${micro(records)}, so its equity is ${off > 0 ? "over" : "under"}stated by ${micro(Math.abs(off))}`,
        record: { accountId: a.accountId, total: name, stored: storedValue, fromRecords: records, equityOffMicro: off },
      });
    }
    if (positions.feesMicro !== fills.feesMicro) {
      problems.push({
        message: `account ${a.accountId}: ${ofPositions} carry fees of ${micro(positions.feesMicro)} but ${ofFills} charged ${micro(fills.feesMicro)}`,
        record: { accountId: a.accountId, total: "position fees", stored: positions.feesMicro, fromRecords: fills.feesMicro, equityOffMicro: 0 },
      });
    }
  }
  return outcome(input.accounts.length, problems);
}
