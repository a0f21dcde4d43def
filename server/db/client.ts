/**
 * The Prisma client, on the libSQL driver adapter: a local SQLite file for
 * `file:` URLs (the embedded default) and Turso / sqld for `libsql://` URLs,
 * through the same code.
 */
import { getEnv } from "@/lib/env";
import { PrismaClient } from "./generated/client";
import { PrismaLibSqlWithReader, registerReader } from "./reader";

export type { PrismaClient };

/** How long a connection waits on another process's write lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 10_000;

export interface DbConfig {
  url: string;
  authToken?: string;
}

export function createDb(config: DbConfig): PrismaClient {
  const adapter = new PrismaLibSqlWithReader({
    url: config.url,
    authToken: config.authToken,
    timeout: config.url.startsWith("file:") ? BUSY_TIMEOUT_MS : undefined,
  });
  const db = new PrismaClient({ adapter });
  registerReader(db, adapter);
  return db;
}

const globalForDb = globalThis as unknown as { __clashDb?: PrismaClient };

/** The process-wide client (one per process, reused across Next.js hot reloads). */
export function getDb(): PrismaClient {
  if (!globalForDb.__clashDb) {
    const env = getEnv();
    globalForDb.__clashDb = createDb({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
  }
  return globalForDb.__clashDb;
}
