/**
 * How decisions are stored at scale: a tick's clones with one graph share one
 * context packet (stored once, in the artifact store when it is large), runs
 * without an order are kept and written together, and a stored reference reads
 * back as the packet in the history and in the no-future-data assertion.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import { resetEnvCache } from "@/lib/env";
import { isArtifactReference, resolvePayload } from "@/server/artifacts";
import { LocalArtifactStore } from "@/server/artifacts/local";
import { createScriptedProvider } from "@/server/models/scripted";
import * as paper from "@/server/repositories/paper";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createCloneFromTemplate } from "../clones/clones";
import { decisionDetail } from "../history/decision-detail";
import { createTickMemo } from "../market/tick-memo";
import { syncReplay } from "../market/sync/replay";
import { CHECKS } from "../runtime/assertion-checks";
import { resolveScope } from "../runtime/assertion-scope";
import { decide } from "./decide";
import { DeferredRuns } from "./deferred-runs";

const M = 60_000;
const T = Date.UTC(2026, 6, 1, 10, 30);
const hold = (asset: string) => ({ action: "hold", asset, confidence: 0.5, reasoning: "No edge." });

let t: TestDb;
let dataDir: string;
let ownerId: string;
const artifacts = () => ({ store: new LocalArtifactStore(path.join(dataDir, "artifacts")), thresholdBytes: 1_024 });

beforeAll(async () => {
  // the environment's artifact store (what the history and the assertions read) in a scratch folder, offloading above 1 KB
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "clash-stored-"));
  process.env.DATA_DIR = dataDir;
  process.env.ARTIFACT_OFFLOAD_THRESHOLD_BYTES = "1024";
  resetEnvCache();
  t = await createTestDb();
  await syncReplay(t.db, new ManualClock(T + 10 * M), { seed: "stored", symbols: ["BTC"] });
  ownerId = (await t.db.user.create({ data: { email: "stored@example.test", name: "Stored", passwordHash: "-", role: "ADMIN" } })).id;
});
afterAll(async () => {
  await t.cleanup();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function account(scope: string) {
  const { id } = await createCloneFromTemplate(t.db, { ownerId, templateId: "momentum", symbol: "BTC" });
  const a = await paper.ensureAccount(t.db, { cloneId: id, mode: "PERSONAL", scopeKey: scope, startMicro: usdToMicro(10_000), dayStartMs: T - (T % 86_400_000) });
  return { cloneId: id, accountId: a.id };
}

describe("stored decisions", () => {
  it("clones with one graph share one packet per tick, stored once as an artifact; runs without an order are written at the flush", async () => {
    const clones = [await account("a"), await account("b"), await account("c")];
    const tick = createTickMemo(t.db, T);
    const deferred = new DeferredRuns();
    const results = [];
    for (const c of clones) {
      results.push(await decide(t.db, { accountId: c.accountId, asset: "BTC", decisionTime: T, provider: createScriptedProvider([hold("BTC")]), tick, deferred, artifacts: artifacts() }));
    }
    expect(results.map((r) => r.status)).toEqual(["HOLD", "HOLD", "HOLD"]);
    // nothing is written before the flush
    expect(await t.db.decisionRun.count({ where: { decisionTimeMs: BigInt(T) } })).toBe(0);
    const flushed = await deferred.flush(t.db);
    expect([...flushed.values()]).toEqual(results.map((r) => ({ runId: r.runId, replaced: null })));

    const runs = await t.db.decisionRun.findMany({ where: { decisionTimeMs: BigInt(T) }, select: { id: true, contextPacket: true, prompt: true, status: true } });
    expect(runs).toHaveLength(3);
    expect(new Set(runs.map((r) => r.contextPacket)).size).toBe(1);
    const ref = runs[0]!.contextPacket;
    expect(isArtifactReference(ref)).toBe(true);
    const packet = JSON.parse(await resolvePayload(artifacts().store, ref)) as { decisionTime: number; assets: { symbol: string }[] };
    expect(packet.decisionTime).toBe(T);
    expect(packet.assets.map((a) => a.symbol)).toEqual(["BTC"]);
    // one object in the store for the three runs
    const files = fs.readdirSync(path.join(dataDir, "artifacts"), { recursive: true }).filter((f) => String(f).match(/[0-9a-f]{64}$/));
    expect(files.filter((f) => ref.endsWith(path.basename(String(f))))).toHaveLength(1);

    // the history shows the packet itself, with where it is stored
    const detail = await decisionDetail(t.db, { id: ownerId, role: "ADMIN" }, { cloneId: clones[0]!.cloneId, decisionId: results[0]!.runId }, artifacts().store);
    expect(detail.contextPacket.artifact).toBe(ref);
    expect(JSON.parse(detail.contextPacket.text!)).toEqual(packet);
  });

  it("a flush that meets a slot stored meanwhile by another decider keeps that run and says so", async () => {
    const c = await account("race");
    const at = T + 5 * M;
    const deferred = new DeferredRuns();
    const mine = await decide(t.db, { accountId: c.accountId, asset: "BTC", decisionTime: at, provider: createScriptedProvider([hold("BTC")]), deferred, artifacts: artifacts() });
    // another worker decides the same slot and stores it first
    const theirs = await decide(t.db, { accountId: c.accountId, asset: "BTC", decisionTime: at, provider: createScriptedProvider([{ action: "yolo", asset: "BTC" }]), artifacts: artifacts() });
    expect(theirs.status).toBe("REJECTED");
    const flushed = await deferred.flush(t.db);
    expect(flushed.get(mine.runId)).toEqual({ runId: theirs.runId, replaced: { status: "REJECTED" } });
    expect(await t.db.decisionRun.count({ where: { accountId: c.accountId, decisionTimeMs: BigInt(at) } })).toBe(1);
  });

  it("the no-future-data assertion checks offloaded packets as stored, and reports one it cannot read", async () => {
    const check = async () => CHECKS["no-future-data"](t.db, await resolveScope(t.db), new ManualClock(T + 10 * M));
    const ok = await check();
    expect(ok.ok).toBe(true);
    expect(ok.details.checked).toBeGreaterThanOrEqual(4);

    // damage the stored object: the run's packet can no longer be verified
    const [run] = await t.db.decisionRun.findMany({ where: { decisionTimeMs: BigInt(T) }, take: 1 });
    const hex = run!.contextPacket.split(":").at(-1)!;
    fs.writeFileSync(path.join(dataDir, "artifacts", "sha256", hex.slice(0, 2), hex), "{}");
    const broken = await check();
    expect(broken.ok).toBe(false);
    expect(broken.message).toMatch(/unreadable context packet/);
  });
});
