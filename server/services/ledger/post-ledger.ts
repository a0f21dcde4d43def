/**
 * Posts one balanced transaction to the ledger, exactly once per idempotency key.
 *
 * - The posting is validated (legs sum to zero) before anything is written.
 * - A debit from an account that may not go negative is a conditional update, so
 *   concurrent debits can never overdraw it; a refused debit rolls everything back.
 * - A retried request (same key, same posting) returns the first result and posts
 *   nothing; the same key with a different posting is refused.
 */
import { createHash } from "node:crypto";
import { DomainError } from "@/lib/domain/errors";
import { formatCredits } from "@/lib/domain/money";
import { accountCode, accountOwnerId, allowsNegative } from "@/lib/domain/ledger/accounts";
import { postingFingerprint, validatePosting, type Posting } from "@/lib/domain/ledger/posting";
import { isUniqueViolation, transaction, type PrismaClient, type Tx } from "@/server/db";
import * as ledger from "@/server/repositories/ledger";

export interface PostLedgerRequest {
  posting: Posting;
  idempotencyKey: string;
  actorId?: string | null;
}

export interface PostedTransaction {
  transactionId: string;
  /** true when the key had been posted before and nothing new was written */
  replayed: boolean;
}

export async function postLedger(db: PrismaClient, request: PostLedgerRequest): Promise<PostedTransaction> {
  try {
    return await transaction(db, (tx) => postLedgerInTx(tx, request));
  } catch (e) {
    // Another process posted the same key between our check and our insert.
    if (isUniqueViolation(e)) return replay(db, request);
    throw e;
  }
}

/** For use cases that post inside a larger transaction (e.g. sign-up). */
export async function postLedgerInTx(tx: Tx, request: PostLedgerRequest): Promise<PostedTransaction> {
  const key = request.idempotencyKey.trim();
  if (!key) throw new DomainError("VALIDATION_FAILED", "an idempotency key is required", "idempotencyKey");
  const posting = validatePosting(request.posting);
  const requestHash = hash(posting);

  const existing = await ledger.findTransactionByKey(tx, key);
  if (existing) return checkReplay(existing, requestHash);

  const txRow = await ledger.insertTransaction(tx, {
    idempotencyKey: key,
    requestHash,
    kind: posting.kind,
    memo: posting.memo,
    actorId: request.actorId ?? null,
  });

  const entries = [];
  for (const leg of posting.legs) {
    const account = await ledger.ensureAccount(tx, {
      code: accountCode(leg.account),
      kind: leg.account.kind,
      userId: accountOwnerId(leg.account),
      allowNegative: allowsNegative(leg.account.kind),
    });
    let balanceAfterCents: number;
    if (leg.amountCents < 0 && !account.allowNegative) {
      const balance = await ledger.debitIfCovered(tx, account.id, -leg.amountCents);
      if (balance === null) {
        const available = await ledger.getBalance(tx, account.id);
        throw new DomainError(
          "INSUFFICIENT_FUNDS",
          `Not enough credits: ${formatCredits(-leg.amountCents)} needed, ${formatCredits(available)} available`,
          "amount",
        );
      }
      balanceAfterCents = balance;
    } else {
      balanceAfterCents = await ledger.adjustBalance(tx, account.id, leg.amountCents);
    }
    entries.push({ transactionId: txRow.id, accountId: account.id, amountCents: leg.amountCents, balanceAfterCents });
  }
  await ledger.insertEntries(tx, entries);
  return { transactionId: txRow.id, replayed: false };
}

async function replay(db: PrismaClient, request: PostLedgerRequest): Promise<PostedTransaction> {
  const existing = await ledger.findTransactionByKey(db, request.idempotencyKey.trim());
  if (!existing) throw new DomainError("CONFLICT", "the posting conflicted with another one; try again");
  return checkReplay(existing, hash(validatePosting(request.posting)));
}

function checkReplay(existing: { id: string; requestHash: string }, requestHash: string): PostedTransaction {
  if (existing.requestHash !== requestHash) {
    throw new DomainError(
      "IDEMPOTENCY_CONFLICT",
      "this request id was already used for a different transaction",
      "idempotencyKey",
    );
  }
  return { transactionId: existing.id, replayed: true };
}

function hash(posting: Posting): string {
  return createHash("sha256").update(postingFingerprint(posting)).digest("hex");
}
