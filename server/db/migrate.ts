/**
 * Applies the committed Prisma migrations (prisma/migrations/<name>/migration.sql)
 * through the libSQL client, recording them in `_prisma_migrations` exactly as
 * `prisma migrate deploy` does (same table, sha-256 checksums), so `prisma migrate
 * status` agrees afterwards. One code path for local files and for Turso, where
 * Prisma's CLI cannot run migrations itself.
 */
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";
import { BUSY_TIMEOUT_MS, type DbConfig } from "./client";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export function listMigrations(dir = MIGRATIONS_DIR): { name: string; sql: string; checksum: string }[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Creates the database file's folder, switches a local file to WAL and applies pending migrations. */
export async function migrate(config: DbConfig, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  if (config.url.startsWith("file:")) {
    const file = config.url.slice("file:".length).split("?")[0]!;
    if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  const client = createClient({ url: config.url, authToken: config.authToken, timeout: BUSY_TIMEOUT_MS });
  try {
    if (config.url.startsWith("file:")) await client.execute("PRAGMA journal_mode=WAL");
    await client.execute(MIGRATIONS_TABLE);
    const result = await applyPending(client, listMigrations(dir));
    // fold the WAL into the main file, so a copy of the .db file alone is complete
    if (config.url.startsWith("file:")) await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    return result;
  } finally {
    client.close();
  }
}

async function applyPending(client: Client, migrations: ReturnType<typeof listMigrations>): Promise<MigrationResult> {
  const rows = await client.execute(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const done = new Map(rows.rows.map((r) => [String(r.migration_name), String(r.checksum)]));
  const applied: string[] = [];
  for (const m of migrations) {
    const recorded = done.get(m.name);
    if (recorded !== undefined) {
      if (recorded !== m.checksum) {
        throw new Error(`migration ${m.name} was changed after it was applied (checksum differs); add a new migration instead`);
      }
      continue;
    }
    const id = randomUUID();
    const tx = await client.transaction("write");
    try {
      await tx.executeMultiple(m.sql);
      await tx.execute({
        sql: `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
              VALUES (?, ?, current_timestamp, ?, current_timestamp, 1)`,
        args: [id, m.checksum, m.name],
      });
      await tx.commit();
    } catch (e) {
      await tx.rollback().catch(() => undefined);
      throw new Error(`migration ${m.name} failed: ${(e as Error).message}`, { cause: e });
    } finally {
      tx.close();
    }
    applied.push(m.name);
  }
  return { applied, alreadyApplied: migrations.length - applied.length };
}
