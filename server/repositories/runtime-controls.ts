import type { Db } from "@/server/db";

export function getControl(db: Db, key: string) {
  return db.runtimeControl.findUnique({ where: { key }, select: { key: true, value: true, reason: true, updatedById: true, updatedAt: true } });
}

export function listControls(db: Db, prefix: string) {
  return db.runtimeControl.findMany({ where: { key: { startsWith: prefix } }, orderBy: { key: "asc" } });
}

export function setControl(db: Db, p: { key: string; value: string; reason: string; updatedById: string | null }) {
  return db.runtimeControl.upsert({
    where: { key: p.key },
    create: p,
    update: { value: p.value, reason: p.reason, updatedById: p.updatedById },
    select: { key: true, value: true },
  });
}
