/**
 * A real SQLite file per test file, with the committed migrations applied.
 * The first call migrates a template once per process; later calls copy it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type PrismaClient } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";

let template: Promise<string> | undefined;

async function migratedTemplate(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clash-template-"));
  const file = path.join(dir, "template.db");
  await migrate({ url: `file:${file}` });
  return file;
}

export interface TestDb {
  db: PrismaClient;
  url: string;
  file: string;
  /** Another client on the same file, as a second process would have. */
  connectAgain(): PrismaClient;
  cleanup(): Promise<void>;
}

export async function createTestDb(): Promise<TestDb> {
  template ??= migratedTemplate();
  const source = await template;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clash-test-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(source, file);
  const url = `file:${file}`;
  const clients: PrismaClient[] = [];
  const connect = () => {
    const c = createDb({ url });
    clients.push(c);
    return c;
  };
  const db = connect();
  return {
    db,
    url,
    file,
    connectAgain: connect,
    async cleanup() {
      await Promise.all(clients.map((c) => c.$disconnect()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
