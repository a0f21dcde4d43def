import type { Db } from "@/server/db";
import type { LedgerAccountKind, LedgerTransactionKind } from "@/server/db/generated/client";
import { toCents } from "./cents";

const accountFields = { id: true, code: true, allowNegative: true } as const;

/** The account with this code, created on first use (find first: accounts exist far more often than not). */
export async function ensureAccount(
  db: Db,
  data: { code: string; kind: LedgerAccountKind; userId: string | null; allowNegative: boolean },
) {
  return (
    (await db.ledgerAccount.findUnique({ where: { code: data.code }, select: accountFields })) ??
    db.ledgerAccount.create({ data, select: accountFields })
  );
}

/**
 * Takes `amount` out of an account only if it holds at least that much, returning
 * the new balance, or null when it does not. Check and write are one statement
 * (UPDATE ... WHERE balance >= amount RETURNING), so nothing can overdraw the account.
 */
export async function debitIfCovered(db: Db, accountId: string, amountCents: number): Promise<number | null> {
  try {
    const row = await db.ledgerAccount.update({
      where: { id: accountId, balanceCents: { gte: BigInt(amountCents) } },
      data: { balanceCents: { decrement: BigInt(amountCents) } },
      select: { balanceCents: true },
    });
    return toCents(row.balanceCents);
  } catch (e) {
    if ((e as { code?: string }).code === "P2025") return null; // no row matched: not covered
    throw e;
  }
}

export async function adjustBalance(db: Db, accountId: string, deltaCents: number): Promise<number> {
  const row = await db.ledgerAccount.update({
    where: { id: accountId },
    data: { balanceCents: { increment: BigInt(deltaCents) } },
    select: { balanceCents: true },
  });
  return toCents(row.balanceCents);
}

export async function getBalance(db: Db, accountId: string): Promise<number> {
  const row = await db.ledgerAccount.findUniqueOrThrow({ where: { id: accountId }, select: { balanceCents: true } });
  return toCents(row.balanceCents);
}

export async function findAccountByCode(db: Db, code: string) {
  const row = await db.ledgerAccount.findUnique({ where: { code }, select: { id: true, balanceCents: true } });
  return row && { id: row.id, balanceCents: toCents(row.balanceCents) };
}

export function findTransactionByKey(db: Db, idempotencyKey: string) {
  return db.ledgerTransaction.findUnique({
    where: { idempotencyKey },
    select: { id: true, requestHash: true, kind: true, memo: true, createdAt: true },
  });
}

export function insertTransaction(
  db: Db,
  data: { idempotencyKey: string; requestHash: string; kind: LedgerTransactionKind; memo: string; actorId: string | null },
) {
  return db.ledgerTransaction.create({ data, select: { id: true, kind: true, memo: true, createdAt: true } });
}

export async function insertEntries(
  db: Db,
  entries: { transactionId: string; accountId: string; amountCents: number; balanceAfterCents: number }[],
) {
  await db.ledgerEntry.createMany({
    data: entries.map((e) => ({
      transactionId: e.transactionId,
      accountId: e.accountId,
      amountCents: BigInt(e.amountCents),
      balanceAfterCents: BigInt(e.balanceAfterCents),
    })),
  });
}

export function countAccountEntries(db: Db, accountId: string) {
  return db.ledgerEntry.count({ where: { accountId } });
}

/** An account's entries, newest first, with what each was for. */
export async function listAccountEntries(db: Db, accountId: string, opts: { skip: number; take: number }) {
  const rows = await db.ledgerEntry.findMany({
    where: { accountId },
    orderBy: { id: "desc" },
    skip: opts.skip,
    take: opts.take,
    select: {
      id: true,
      amountCents: true,
      balanceAfterCents: true,
      createdAt: true,
      transaction: { select: { id: true, kind: true, memo: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    transactionId: r.transaction.id,
    kind: r.transaction.kind,
    memo: r.transaction.memo,
    amountCents: toCents(r.amountCents),
    balanceAfterCents: toCents(r.balanceAfterCents),
    createdAt: r.createdAt,
  }));
}

/** Per account: the stored balance and the sum of its entries, for the ledger audit. */
export async function accountTotals(db: Db) {
  const [accounts, sums] = await Promise.all([
    db.ledgerAccount.findMany({ select: { id: true, code: true, allowNegative: true, balanceCents: true } }),
    db.ledgerEntry.groupBy({ by: ["accountId"], _sum: { amountCents: true } }),
  ]);
  const byAccount = new Map(sums.map((s) => [s.accountId, s._sum.amountCents ?? 0n]));
  return accounts.map((a) => ({
    accountId: a.id,
    code: a.code,
    allowNegative: a.allowNegative,
    storedCents: toCents(a.balanceCents),
    entriesCents: toCents(byAccount.get(a.id) ?? 0n),
  }));
}

export async function sumAllEntries(db: Db): Promise<number> {
  const agg = await db.ledgerEntry.aggregate({ _sum: { amountCents: true } });
  return toCents(agg._sum.amountCents ?? 0n);
}

export function countTransactions(db: Db) {
  return db.ledgerTransaction.count();
}

export function insertAudit(
  db: Db,
  data: { ok: boolean; entriesSumCents: number; accountsChecked: number; transactions: number; problems: unknown[]; durationMs: number },
) {
  return db.ledgerAudit.create({
    data: { ...data, entriesSumCents: BigInt(data.entriesSumCents), problems: JSON.stringify(data.problems) },
    select: { id: true, ranAt: true, ok: true },
  });
}

export async function latestAudit(db: Db) {
  const row = await db.ledgerAudit.findFirst({ orderBy: { ranAt: "desc" } });
  return (
    row && {
      ranAt: row.ranAt,
      ok: row.ok,
      entriesSumCents: toCents(row.entriesSumCents),
      accountsChecked: row.accountsChecked,
      transactions: row.transactions,
      problems: JSON.parse(row.problems) as unknown[],
      durationMs: row.durationMs,
    }
  );
}

/** Passing audits older than `before`; failed ones are kept as the incident record. */
export async function deletePassingAuditsBefore(db: Db, before: Date): Promise<number> {
  const { count } = await db.ledgerAudit.deleteMany({ where: { ok: true, ranAt: { lt: before } } });
  return count;
}
