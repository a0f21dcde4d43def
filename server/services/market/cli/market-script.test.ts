/**
 * The wiring of `npm run market`: the script reads DATABASE_URL, `show --json`
 * prints pure JSON on stdout, and bad arguments exit 2 with one line on stderr.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { parseCommand, type Command } from "./args";
import { backfill } from "./backfill";
import { show } from "./show";
import { capture, cliDeps } from "./test-io";

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../../../..");
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  const c = parseCommand(["backfill", "--source", "replay", "--asset", "SOL", "--interval", "1m", "--from", "2026-03-01", "--to", "2026-03-01T06:00"]) as Command;
  if (c.name !== "backfill") throw new Error("expected a backfill");
  expect(await backfill(c.args, cliDeps(t.db, { now: Date.UTC(2026, 3, 1) }).deps)).toBe(0);
});
afterAll(async () => t.cleanup());

function market(...args: string[]) {
  return exec("npx", ["tsx", "scripts/market.ts", ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: "test" } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe("scripts/market.ts", () => {
  it("show --json prints only the candles' JSON on stdout", async () => {
    const argv = ["show", "--asset", "SOL", "--interval", "15m", "--from", "2026-03-01T01:00Z", "--to", "2026-03-01T02:00Z", "--json"];
    const r = await market(...argv);
    expect(r.code).toBe(0);
    const c = parseCommand(argv) as Command;
    if (c.name !== "show") throw new Error("expected show");
    const inProcess = capture();
    await show(c.args, { db: t.db, stdout: inProcess, stderr: capture() });
    expect(JSON.parse(r.stdout)).toHaveLength(4);
    expect(r.stdout).toBe(inProcess.text);
  });

  it("bad arguments exit 2 with one line naming the argument, and nothing on stdout", async () => {
    const r = await market("show", "--asset", "SOL", "--interval", "15m", "--from", "soon", "--to", "2026-03-01");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n").filter((l) => !l.startsWith("npm warn"))).toEqual([
      'market show: --from "soon" is not an ISO date (e.g. 2026-03-01 or 2026-03-01T12:00:00Z); see `npm run market -- help`',
    ]);
  });
});
