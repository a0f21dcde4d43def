import { accountCode } from "@/lib/domain/ledger/accounts";
import type { PrismaClient } from "@/server/db";
import * as ledger from "@/server/repositories/ledger";

export const WALLET_PAGE_SIZE = 20;

export interface WalletView {
  balanceCents: number;
  entries: Awaited<ReturnType<typeof ledger.listAccountEntries>>;
  page: number;
  pageCount: number;
  total: number;
}

/** A user's wallet balance and one page of its history, newest first. */
export async function getWallet(db: PrismaClient, userId: string, page = 1, pageSize = WALLET_PAGE_SIZE): Promise<WalletView> {
  const account = await ledger.findAccountByCode(db, accountCode({ kind: "USER_WALLET", userId }));
  if (!account) return { balanceCents: 0, entries: [], page: 1, pageCount: 1, total: 0 };
  const total = await ledger.countAccountEntries(db, account.id);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.trunc(page)), pageCount);
  const entries = await ledger.listAccountEntries(db, account.id, { skip: (current - 1) * pageSize, take: pageSize });
  return { balanceCents: account.balanceCents, entries, page: current, pageCount, total };
}
