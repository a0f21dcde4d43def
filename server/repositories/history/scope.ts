/** Reads for the trading history: the clone and its paper accounts. */
import type { Db } from "@/server/db";
import type { TradingMode } from "@/server/db/generated/client";

export function findCloneForHistory(db: Db, cloneId: string) {
  return db.clone.findUnique({ where: { id: cloneId }, select: { id: true, ownerId: true, name: true, currentVersion: true } });
}

export interface HistoryAccount {
  id: string;
  mode: TradingMode;
  scopeKey: string;
  startMicro: number;
  createdAtMs: number;
  closed: boolean;
}

export async function accountsForHistory(db: Db, cloneId: string): Promise<HistoryAccount[]> {
  const rows = await db.paperAccount.findMany({
    where: { cloneId },
    orderBy: { createdAt: "asc" },
    select: { id: true, mode: true, scopeKey: true, startMicro: true, createdAt: true, closedAt: true },
  });
  return rows.map((r) => ({ id: r.id, mode: r.mode, scopeKey: r.scopeKey, startMicro: Number(r.startMicro), createdAtMs: r.createdAt.getTime(), closed: r.closedAt !== null }));
}

/** Assets the accounts have decided or traded on, for the filter's choices. */
export async function assetsOfAccounts(db: Db, accountIds: readonly string[]): Promise<string[]> {
  const [decided, traded] = await Promise.all([
    db.decisionRun.groupBy({ by: ["asset"], where: { accountId: { in: [...accountIds] } } }),
    db.paperOrder.groupBy({ by: ["asset"], where: { accountId: { in: [...accountIds] } } }),
  ]);
  return [...new Set([...decided, ...traded].map((r) => r.asset))].sort();
}
