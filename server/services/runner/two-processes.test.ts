/**
 * The runner's acceptance test: two OS processes against one database file, a few
 * hundred due slots. Every slot is decided exactly once (no decision is replayed,
 * i.e. no worker ever reached a slot the other had decided), and both workers did
 * some of the work.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import { MONITOR_ASSET } from "@/lib/domain/runner/slots";
import * as paper from "@/server/repositories/paper";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createCloneFromTemplate } from "../clones/clones";
import { syncReplay } from "../market/sync/replay";

const SYMBOLS = ["BTC", "ETH", "SOL"];
const CLONES_PER_SYMBOL = 100;
const T = Date.UTC(2026, 6, 1, 10, 30);
const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
const SCRIPT = path.join(import.meta.dirname, "testing/runner-process.ts");

let t: TestDb;
const children: ChildProcess[] = [];
beforeAll(async () => {
  t = await createTestDb();
  await syncReplay(t.db, new ManualClock(T + 60_000), { seed: "two-runners", symbols: SYMBOLS });
  const owner = await t.db.user.create({ data: { email: "two@example.test", name: "Two", passwordHash: "-" } });
  for (const symbol of SYMBOLS) {
    for (let i = 0; i < CLONES_PER_SYMBOL; i++) {
      const { id } = await createCloneFromTemplate(t.db, { ownerId: owner.id, templateId: "volume-spike", name: `${symbol} ${i}`, symbol });
      await paper.ensureAccount(t.db, { cloneId: id, mode: "PERSONAL", scopeKey: `${symbol}-${i}`, startMicro: usdToMicro(10_000), dayStartMs: T - (T % 86_400_000) });
    }
  }
}, 120_000);
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  await t.cleanup();
});

function spawnRunner(name: string, goFile: string) {
  const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, t.url, name, String(T + 3_000), goFile], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes("ready\n")) resolve();
    });
    void exited.then((code) => reject(new Error(`${name} exited (${code}) before it was ready:\n${stderr}`)));
  });
  const report = () => JSON.parse(stdout.split("\n").filter(Boolean).at(-1)!) as { claimed: number; decided: number; replayed: number; monitored: number; errors: string[] };
  return { ready, exited, report, stderr: () => stderr };
}

describe("two runner processes on one database", () => {
  it("decide every due slot exactly once between them", { timeout: 120_000 }, async () => {
    const goFile = path.join(path.dirname(t.file), "go");
    const runners = [spawnRunner("runner-a", goFile), spawnRunner("runner-b", goFile)];
    await Promise.all(runners.map((r) => r.ready));
    fs.writeFileSync(goFile, "");
    const codes = await Promise.all(runners.map((r) => r.exited));
    expect(codes, runners.map((r) => r.stderr()).join("\n")).toEqual([0, 0]);
    const [a, b] = runners.map((r) => r.report());
    const slots = SYMBOLS.length * CLONES_PER_SYMBOL;

    expect(a!.errors.concat(b!.errors)).toEqual([]);
    expect(a!.decided + b!.decided).toBe(slots);
    expect(a!.replayed + b!.replayed).toBe(0);
    expect(a!.monitored + b!.monitored).toBe(slots);
    expect(a!.claimed).toBeGreaterThan(0);
    expect(b!.claimed).toBeGreaterThan(0);

    const decisionSlots = await t.db.decisionSlot.findMany({ where: { asset: { not: MONITOR_ASSET } } });
    expect(decisionSlots).toHaveLength(slots);
    expect(decisionSlots.every((s) => s.status === "DONE" && s.attempts === 1 && s.slotMs === BigInt(T))).toBe(true);
    expect(await t.db.decisionRun.count()).toBe(slots);
    const runIds = new Set(decisionSlots.map((s) => s.decisionRunId));
    expect(runIds.size).toBe(slots);
    expect([...new Set(decisionSlots.map((s) => s.leaseOwner))].sort()).toEqual(["runner-a", "runner-b"]);
  });
});
