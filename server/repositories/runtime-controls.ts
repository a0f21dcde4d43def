import type { Db } from "@/server/db";

export function getControl(db: Db, key: string) {
  return db.runtimeControl.findUnique({ where: { key }, select: { key: true, value: true, reason: true, updatedById: true, updatedAt: true } });
}

export function listControls(db: Db, prefix: string) {
  return db.runtimeControl.findMany({ where: { key: { startsWith: prefix } }, orderBy: { key: "asc" } });
}

/** Every control row: the runner reads the whole (small) table once per tick. */
export function allControls(db: Db) {
  return db.runtimeControl.findMany({ select: { key: true, value: true, reason: true, updatedAt: true }, orderBy: { key: "asc" } });
}

export function setControl(db: Db, p: { key: string; value: string; reason: string; updatedById: string | null }) {
  return db.runtimeControl.upsert({
    where: { key: p.key },
    create: p,
    update: { value: p.value, reason: p.reason, updatedById: p.updatedById },
    select: { key: true, value: true, updatedAt: true },
  });
}

export function insertControlChange(
  db: Db,
  p: { key: string; oldValue: string | null; newValue: string; reason: string; changedById: string | null; changedBy: string },
) {
  return db.runtimeControlChange.create({ data: p, select: { id: true, createdAt: true } });
}

export function listControlChanges(db: Db, p: { skip: number; take: number; keyPrefix?: string }) {
  const where = p.keyPrefix ? { key: { startsWith: p.keyPrefix } } : {};
  return Promise.all([
    db.runtimeControlChange.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: p.skip,
      take: p.take,
      select: { id: true, key: true, oldValue: true, newValue: true, reason: true, changedBy: true, createdAt: true },
    }),
    db.runtimeControlChange.count({ where }),
  ]);
}
