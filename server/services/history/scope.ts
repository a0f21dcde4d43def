/**
 * Who may read a clone's trading history, and which of its paper accounts a
 * request covers. The clone's creator reads it; an admin may read any clone's.
 * Anyone else is told the clone does not exist (its existence is not theirs to learn).
 */
import { DomainError } from "@/lib/domain/errors";
import type { HistoryFilters } from "@/lib/schemas/history";
import type { PrismaClient } from "@/server/db";
import { accountsForHistory, findCloneForHistory, type HistoryAccount } from "@/server/repositories/history/scope";
import type { HistoryWhere, Page } from "@/server/repositories/history/filters";

export interface HistoryViewer {
  id: string;
  role: string;
}

export interface HistoryScope {
  clone: { id: string; ownerId: string; name: string; currentVersion: number };
  accounts: HistoryAccount[];
  /** the accounts the filters select (all of the clone's when none is given) */
  selected: HistoryAccount[];
}

export async function historyScope(db: PrismaClient, viewer: HistoryViewer, f: Pick<HistoryFilters, "cloneId" | "accountId" | "mode">): Promise<HistoryScope> {
  const clone = await findCloneForHistory(db, f.cloneId);
  if (!clone || (clone.ownerId !== viewer.id && viewer.role !== "ADMIN")) throw new DomainError("NOT_FOUND", "No clone of yours has this id", "cloneId");
  const accounts = await accountsForHistory(db, clone.id);
  if (f.accountId && !accounts.some((a) => a.id === f.accountId)) throw new DomainError("NOT_FOUND", "This clone has no paper account with this id", "accountId");
  const selected = accounts.filter((a) => (!f.accountId || a.id === f.accountId) && (!f.mode || a.mode === f.mode));
  return { clone, accounts, selected };
}

export function historyWhere(scope: HistoryScope, f: HistoryFilters): HistoryWhere {
  return {
    accountIds: scope.selected.map((a) => a.id),
    ...(f.asset && { asset: f.asset }),
    ...(f.from !== undefined && { fromMs: f.from }),
    ...(f.to !== undefined && { toMs: f.to }),
  };
}

export interface Paged<T> {
  rows: T[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

/** A page of a list; a page past the end shows the last one. */
export async function paged<T>(fetch: (page: Page) => Promise<{ total: number; rows: T[] }>, page: number, pageSize: number): Promise<Paged<T>> {
  let result = await fetch({ skip: (page - 1) * pageSize, take: pageSize });
  const pageCount = Math.max(1, Math.ceil(result.total / pageSize));
  const shown = Math.min(page, pageCount);
  if (shown !== page) result = await fetch({ skip: (shown - 1) * pageSize, take: pageSize });
  return { rows: result.rows, total: result.total, page: shown, pageCount, pageSize };
}
