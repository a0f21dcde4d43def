import type { Db } from "@/server/db";

export function insertClone(db: Db, data: { ownerId: string; name: string }) {
  return db.clone.create({ data: { ...data, currentVersion: 1 }, select: { id: true } });
}

export function insertCloneVersion(db: Db, data: { cloneId: string; version: number; graph: string; createdById: string }) {
  return db.cloneVersion.create({ data, select: { id: true, version: true, createdAt: true } });
}

export function setCurrentVersion(db: Db, cloneId: string, p: { version: number; name: string; expectedCurrent: number }) {
  // compare-and-set on the current version: two concurrent saves cannot both win
  return db.clone.updateMany({
    where: { id: cloneId, currentVersion: p.expectedCurrent },
    data: { currentVersion: p.version, name: p.name },
  });
}

export function findClone(db: Db, id: string) {
  return db.clone.findUnique({
    where: { id },
    select: { id: true, ownerId: true, name: true, currentVersion: true, createdAt: true, updatedAt: true },
  });
}

export function findCloneVersion(db: Db, cloneId: string, version: number) {
  return db.cloneVersion.findUnique({
    where: { cloneId_version: { cloneId, version } },
    select: { version: true, graph: true, createdAt: true, createdById: true },
  });
}

export function listCloneVersions(db: Db, cloneId: string) {
  return db.cloneVersion.findMany({
    where: { cloneId },
    orderBy: { version: "desc" },
    select: { version: true, createdAt: true, createdById: true },
  });
}

export function listClonesOfOwner(db: Db, ownerId: string) {
  return db.clone.findMany({
    where: { ownerId },
    orderBy: { updatedAt: "desc" },
    select: { id: true, name: true, currentVersion: true, createdAt: true, updatedAt: true },
  });
}

/** Clones with an open paper account (they decide on a schedule), with their owner: for the runtime controls page. */
export function listRunningClones(db: Db) {
  return db.clone.findMany({
    where: { accounts: { some: { closedAt: null } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, ownerId: true, accounts: { where: { closedAt: null }, select: { mode: true } } },
  });
}
