import type { PrismaClient } from "@/server/db";
import { getDb } from "@/server/db";
import { findUserById } from "@/server/repositories/users";

export function findSessionUser(id: string, db: PrismaClient = getDb()) {
  return findUserById(db, id);
}
