/**
 * The wiring of `npm run decide`: the script reads DATABASE_URL, --json prints
 * pure JSON on stdout (the DRY_RUN log line goes to stderr), and bad arguments
 * exit 2 with one line on stderr before the database is opened.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { createDb, type PrismaClient } from "@/server/db";
import { migrate } from "@/server/db/migrate";
import { syncReplay } from "../../market/sync/replay";
import type { DecisionReport } from "./report";

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../../../..");
const T = Date.UTC(2026, 6, 1, 10, 30);
let dir: string;
let url: string;
let db: PrismaClient;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "clash-decide-cli-"));
  url = `file:${path.join(dir, "decide.db")}`;
  await migrate({ url });
  db = createDb({ url });
  await syncReplay(db, new ManualClock(T), { seed: "decide-script", symbols: ["BTC"] });
});
afterAll(async () => {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

function decideCli(...args: string[]) {
  const env = { ...process.env, DATABASE_URL: url, NODE_ENV: "test" as const, ANTHROPIC_API_KEY: "" };
  return exec("npx", ["tsx", "scripts/decide.ts", ...args], { cwd: ROOT, env }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}
const withoutNpmNoise = (text: string) => text.split("\n").filter((l) => l && !l.startsWith("npm warn"));

describe("scripts/decide.ts", () => {
  it("--template … --json runs one decision on the database file and prints only its JSON", async () => {
    const r = await decideCli("--template", "momentum", "--asset", "BTC", "--at", "2026-07-01T10:30:00Z", "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as DecisionReport;
    expect(report).toMatchObject({ asset: "BTC", decisionTime: "2026-07-01T10:30:00.000Z", provider: "rules", clone: { throwaway: true, templateId: "momentum" }, account: { mode: "DRY_RUN" } });
    // the replay seed is fixed, so the momentum rule's answer at T is too: an entry, filled
    expect(report.status).toBe("ACTION");
    expect(report.fills).toHaveLength(1);
    const run = await db.decisionRun.findUniqueOrThrow({ where: { id: report.runId } });
    expect(run.prompt).toBe(report.prompt);
    expect(withoutNpmNoise(r.stderr)).toEqual([expect.stringMatching(new RegExp(`^\\[dry-run\\] decision ${report.runId} would send \\(not sent\\): `))]);
  });

  it("bad arguments exit 2 with one line naming the argument, and nothing on stdout", async () => {
    const r = await decideCli("--template", "momentum", "--asset", "BTC", "--at", "soon");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(withoutNpmNoise(r.stderr)).toEqual(['decide: --at "soon" is not an ISO date-time (e.g. 2026-07-01T10:30:00Z); see `npm run decide -- --help`']);
  });
});
