/**
 * A posting is one balanced double-entry transaction: legs that sum to zero.
 * The rules that build postings for each use case live in ./rules.ts; this file
 * says what every posting must satisfy, whoever built it.
 */
import { DomainError } from "../errors";
import { assertCents, type Cents } from "../money";
import { accountCode, type AccountRef } from "./accounts";

export const LEDGER_TRANSACTION_KINDS = ["SIGNUP_GRANT", "ADMIN_GRANT", "AUDITION_FEE", "TICKET_PURCHASE", "RACE_SETTLEMENT", "RACE_REFUND"] as const;
export type LedgerTransactionKind = (typeof LEDGER_TRANSACTION_KINDS)[number];

export interface Leg {
  account: AccountRef;
  /** positive: the account's balance goes up; negative: it goes down */
  amountCents: Cents;
}

export interface Posting {
  kind: LedgerTransactionKind;
  /** what the entry was for, as the wallet history shows it */
  memo: string;
  legs: Leg[];
}

export function validatePosting(posting: Posting): Posting {
  if (posting.legs.length < 2) {
    throw new DomainError("INVARIANT_VIOLATED", "a posting needs at least two legs");
  }
  const seen = new Set<string>();
  let sum = 0;
  for (const leg of posting.legs) {
    assertCents(leg.amountCents);
    if (leg.amountCents === 0) throw new DomainError("INVARIANT_VIOLATED", "a posting leg cannot be zero");
    const code = accountCode(leg.account);
    if (seen.has(code)) throw new DomainError("INVARIANT_VIOLATED", `account ${code} appears twice in one posting`);
    seen.add(code);
    sum += leg.amountCents;
  }
  if (sum !== 0) throw new DomainError("INVARIANT_VIOLATED", `posting legs sum to ${sum}, not 0`);
  if (!posting.memo.trim()) throw new DomainError("INVARIANT_VIOLATED", "a posting needs a memo");
  return posting;
}

/** A stable fingerprint of a posting request, to tell a retry from a reused key. */
export function postingFingerprint(posting: Posting): string {
  return JSON.stringify({
    kind: posting.kind,
    memo: posting.memo,
    legs: posting.legs.map((l) => [accountCode(l.account), l.amountCents]),
  });
}
