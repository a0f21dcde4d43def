import type { Db } from "@/server/db";

/** A round trip to the database; throws when it is unreachable. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
