/** The history page's frame: the clone, its paper accounts, and the assets it has decided on (the filters' choices). */
import type { PrismaClient } from "@/server/db";
import { assetsOfAccounts } from "@/server/repositories/history/scope";
import { historyScope, type HistoryViewer } from "./scope";

export async function historyOverview(db: PrismaClient, viewer: HistoryViewer, input: { cloneId: string }) {
  const scope = await historyScope(db, viewer, input);
  return {
    clone: { id: scope.clone.id, name: scope.clone.name, version: scope.clone.currentVersion },
    accounts: scope.accounts.map((a) => ({ id: a.id, mode: a.mode, scopeKey: a.scopeKey, startMicro: a.startMicro, closed: a.closed })),
    assets: await assetsOfAccounts(db, scope.accounts.map((a) => a.id)),
  };
}
