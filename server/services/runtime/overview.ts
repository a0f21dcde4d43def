/**
 * What the admin runtime page shows: the kill switch, global limits, clone and
 * source-family pauses, and the audit trail of every change.
 */
import { GLOBAL_LIMIT_NAMES, GLOBAL_LIMITS, KILL_SWITCH_KEY, clonePausedKey, limitKey } from "@/lib/domain/runtime/controls";
import type { Db } from "@/server/db";
import { listRunningClones } from "@/server/repositories/clones";
import { allControls, listControlChanges } from "@/server/repositories/runtime-controls";
import { findUsersByIds } from "@/server/repositories/users";
import { sourcePauses } from "../market/source-controls";
import { readRuntimeControls } from "./controls";

export const CHANGES_PAGE_SIZE = 20;

export async function runtimeControlsOverview(db: Db) {
  const [controls, rows, running, sources] = await Promise.all([
    readRuntimeControls(db, { maxAgeMs: 0 }),
    allControls(db),
    listRunningClones(db),
    sourcePauses(db),
  ]);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const kill = byKey.get(KILL_SWITCH_KEY);
  const owners = new Map((await findUsersByIds(db, [...new Set(running.map((c) => c.ownerId))])).map((u) => [u.id, u.email]));
  return {
    killSwitch: { level: controls.killSwitch, reason: kill?.reason ?? null, updatedAt: kill?.updatedAt ?? null },
    limits: GLOBAL_LIMIT_NAMES.map((name) => {
      const row = byKey.get(limitKey(name));
      return { name, ...GLOBAL_LIMITS[name], value: controls.limits[name], reason: row?.reason ?? null, updatedAt: row?.updatedAt ?? null };
    }),
    clones: running.map((c) => {
      const row = byKey.get(clonePausedKey(c.id));
      return {
        cloneId: c.id, name: c.name, owner: owners.get(c.ownerId) ?? c.ownerId, modes: [...new Set(c.accounts.map((a) => a.mode))],
        paused: controls.pausedClones.has(c.id), reason: row?.reason ?? null, updatedAt: row?.updatedAt ?? null,
      };
    }),
    sources,
  };
}

export async function runtimeControlChanges(db: Db, p: { page: number }) {
  const [items, total] = await listControlChanges(db, { skip: (p.page - 1) * CHANGES_PAGE_SIZE, take: CHANGES_PAGE_SIZE });
  return { items, total, page: p.page, pageSize: CHANGES_PAGE_SIZE };
}
