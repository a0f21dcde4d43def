/**
 * The ledger's invariants, checked from what is stored: all entries sum to zero,
 * each account's stored balance equals the sum of its entries, and no account that
 * may not go negative is negative.
 */
export interface AccountTotals {
  accountId: string;
  code: string;
  allowNegative: boolean;
  storedCents: number;
  entriesCents: number;
}

export interface LedgerProblem {
  accountId: string;
  code: string;
  problem: "BALANCE_MISMATCH" | "NEGATIVE_BALANCE";
  storedCents: number;
  entriesCents: number;
}

export interface LedgerAuditResult {
  ok: boolean;
  entriesSumCents: number;
  problems: LedgerProblem[];
}

export function auditLedger(accounts: AccountTotals[], entriesSumCents: number): LedgerAuditResult {
  const problems: LedgerProblem[] = [];
  for (const a of accounts) {
    if (a.storedCents !== a.entriesCents) problems.push({ ...pick(a), problem: "BALANCE_MISMATCH" });
    if (!a.allowNegative && a.storedCents < 0) problems.push({ ...pick(a), problem: "NEGATIVE_BALANCE" });
  }
  return { ok: problems.length === 0 && entriesSumCents === 0, entriesSumCents, problems };
}

function pick(a: AccountTotals) {
  return { accountId: a.accountId, code: a.code, storedCents: a.storedCents, entriesCents: a.entriesCents };
}
