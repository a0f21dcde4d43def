import type { PrismaClient } from "@/server/db";
import { toCents } from "@/server/repositories/cents";
import * as ledger from "@/server/repositories/ledger";
import { countUsers, listUsersWithWallets } from "@/server/repositories/users";
import * as jobs from "@/server/repositories/jobs";
import * as workers from "@/server/repositories/worker-heartbeats";

export const ADMIN_USERS_PAGE_SIZE = 25;
/** A worker whose last heartbeat is older than this is shown as stale. */
export const HEARTBEAT_STALE_MS = 30_000;

export async function listUsersForAdmin(db: PrismaClient, input: { search?: string; page: number }) {
  const total = await countUsers(db, input.search);
  const pageCount = Math.max(1, Math.ceil(total / ADMIN_USERS_PAGE_SIZE));
  const page = Math.min(input.page, pageCount);
  const users = await listUsersWithWallets(db, {
    search: input.search,
    skip: (page - 1) * ADMIN_USERS_PAGE_SIZE,
    take: ADMIN_USERS_PAGE_SIZE,
  });
  return { users: users.map((u) => ({ ...u, walletCents: toCents(u.walletCents) })), page, pageCount, total };
}

export async function getAdminOverview(db: PrismaClient, now = new Date()) {
  const [audit, workerRows, jobCounts, recentFailures] = await Promise.all([
    ledger.latestAudit(db),
    workers.listWorkers(db),
    jobs.countJobsByStatus(db),
    jobs.listRecentJobs(db, { status: "FAILED", limit: 10 }),
  ]);
  return {
    audit,
    workers: workerRows.map((w) => ({
      ...w,
      ageMs: now.getTime() - w.lastHeartbeatAt.getTime(),
      healthy: !w.stoppedAt && now.getTime() - w.lastHeartbeatAt.getTime() < HEARTBEAT_STALE_MS,
    })),
    jobCounts,
    recentFailures,
  };
}
