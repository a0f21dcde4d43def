import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createClient } from "@libsql/client";
import { afterAll, describe, expect, it } from "vitest";
import { listMigrations, migrate } from "./migrate";

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clash-migrate-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("migrate", () => {
  const url = `file:${path.join(dir, "fresh.db")}`;

  it("applies every committed migration to a new file, in WAL mode, then nothing the second time", async () => {
    const names = listMigrations().map((m) => m.name);
    expect(await migrate({ url })).toEqual({ applied: names, alreadyApplied: 0 });
    expect(await migrate({ url })).toEqual({ applied: [], alreadyApplied: names.length });
    const client = createClient({ url });
    const mode = await client.execute("PRAGMA journal_mode");
    const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table'");
    client.close();
    expect(mode.rows[0]?.journal_mode).toBe("wal");
    expect(tables.rows.map((r) => r.name)).toEqual(expect.arrayContaining(["User", "LedgerAccount", "LedgerEntry", "Job", "WorkerHeartbeat"]));
  });

  it("records migrations so that Prisma's own `migrate status` agrees", async () => {
    const prisma = path.resolve(import.meta.dirname, "../../node_modules/.bin/prisma");
    const { stdout } = await run(prisma, ["migrate", "status"], {
      env: { ...process.env, DATABASE_URL: url },
      cwd: path.resolve(import.meta.dirname, "../.."),
    });
    expect(stdout).toContain("Database schema is up to date!");
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const migrations = path.join(dir, "migrations");
    fs.mkdirSync(path.join(migrations, "0001_a"), { recursive: true });
    fs.writeFileSync(path.join(migrations, "0001_a", "migration.sql"), "CREATE TABLE a (id INTEGER);");
    const edited = `file:${path.join(dir, "edited.db")}`;
    await migrate({ url: edited }, migrations);
    fs.writeFileSync(path.join(migrations, "0001_a", "migration.sql"), "CREATE TABLE a (id INTEGER, x TEXT);");
    await expect(migrate({ url: edited }, migrations)).rejects.toThrow("0001_a was changed after it was applied");
  });

  it("rolls a failing migration back whole and records nothing", async () => {
    const migrations = path.join(dir, "broken");
    fs.mkdirSync(path.join(migrations, "0001_b"), { recursive: true });
    fs.writeFileSync(path.join(migrations, "0001_b", "migration.sql"), "CREATE TABLE b (id INTEGER);\nCREATE TABLE b (id INTEGER);");
    const target = `file:${path.join(dir, "broken.db")}`;
    await expect(migrate({ url: target }, migrations)).rejects.toThrow("migration 0001_b failed");
    const client = createClient({ url: target });
    const tables = await client.execute("SELECT name FROM sqlite_master WHERE name = 'b'");
    const recorded = await client.execute('SELECT COUNT(*) AS n FROM "_prisma_migrations"');
    client.close();
    expect(tables.rows).toEqual([]);
    expect(Number(recorded.rows[0]?.n)).toBe(0);
  });
});
