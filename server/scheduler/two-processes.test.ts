/**
 * The acceptance test of the leases: two OS processes, one database file, a few
 * hundred jobs. Every job must run exactly once and both workers must have run
 * some, so the claims really contended.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transaction } from "@/server/db";
import { countJobsByStatus, listRecentJobs } from "@/server/repositories/jobs";
import { listWorkers } from "@/server/repositories/worker-heartbeats";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { enqueueJob } from "./enqueue";

const JOBS = 300;
const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
const WORKER_SCRIPT = path.join(import.meta.dirname, "testing/worker-process.ts");

let t: TestDb;
const children: ChildProcess[] = [];

beforeAll(async () => {
  t = await createTestDb();
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  await t.cleanup();
});

interface Worker {
  ready: Promise<void>;
  exited: Promise<number | null>;
  stderr: () => string;
}

function spawnWorker(logFile: string, name: string, goFile: string): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER_SCRIPT, t.url, logFile, name, goFile], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes("ready\n")) resolve();
    });
    void exited.then((code) => reject(new Error(`${name} exited (${code}) before it was ready:\n${stderr}`)));
  });
  return { ready, exited, stderr: () => stderr };
}

describe("two scheduler processes on one database", () => {
  it("run every job exactly once between them", { timeout: 45_000 }, async () => {
    const ids = await transaction(t.db, async (tx) => {
      const out: string[] = [];
      for (let i = 0; i < JOBS; i++) {
        const { job } = await enqueueJob(tx, { name: "test.append", payload: { i }, runAt: new Date(Date.now() - 1_000) });
        out.push(job.id);
      }
      return out;
    });

    const dir = path.dirname(t.file);
    const logFile = path.join(dir, "runs.log");
    const goFile = path.join(dir, "go");
    fs.writeFileSync(logFile, "");
    const workers = [spawnWorker(logFile, "worker-a", goFile), spawnWorker(logFile, "worker-b", goFile)];
    await Promise.all(workers.map((w) => w.ready));
    fs.writeFileSync(goFile, "");
    const codes = await Promise.all(workers.map((w) => w.exited));
    expect(codes, workers.map((w) => w.stderr()).join("\n")).toEqual([0, 0]);

    const lines = fs.readFileSync(logFile, "utf8").split("\n").filter(Boolean);
    const runsById = new Map<string, number>();
    const runsByWorker = new Map<string, number>();
    for (const line of lines) {
      const [id = "", worker = ""] = line.split(" ");
      runsById.set(id, (runsById.get(id) ?? 0) + 1);
      runsByWorker.set(worker, (runsByWorker.get(worker) ?? 0) + 1);
    }
    expect(lines).toHaveLength(JOBS);
    expect(new Set(runsById.keys())).toEqual(new Set(ids));
    expect([...runsById.values()].every((n) => n === 1)).toBe(true);
    expect(runsByWorker.get("worker-a") ?? 0).toBeGreaterThan(0);
    expect(runsByWorker.get("worker-b") ?? 0).toBeGreaterThan(0);

    expect(await countJobsByStatus(t.db)).toEqual({ PENDING: 0, RUNNING: 0, SUCCEEDED: JOBS, FAILED: 0 });
    const jobs = await listRecentJobs(t.db, { limit: JOBS });
    expect(jobs.every((j) => j.attempts === 1 && j.leaseOwner === null)).toBe(true);

    const workersRows = await listWorkers(t.db);
    expect(workersRows.map((w) => w.id).sort()).toEqual(["worker-a", "worker-b"]);
    expect(workersRows.every((w) => w.stoppedAt !== null)).toBe(true);
    for (const w of workersRows) expect(w.jobsSucceeded).toBe(runsByWorker.get(w.id));
  });
});
