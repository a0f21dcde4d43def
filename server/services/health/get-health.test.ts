import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/server/db";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { upsertHeartbeat } from "@/server/repositories/worker-heartbeats";
import { getHealth } from "./get-health";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.cleanup());

describe("getHealth", () => {
  it("is degraded while no scheduler worker beats, ok once one does", async () => {
    const now = new Date();
    expect(await getHealth(t.db, now)).toMatchObject({ status: "degraded", database: { ok: true }, scheduler: { mode: "embedded", workers: [] } });

    await upsertHeartbeat(t.db, { id: "w1", kind: "embedded", hostname: "h", pid: 1, startedAt: now, now });
    const health = await getHealth(t.db, new Date(now.getTime() + 1_000));
    expect(health).toMatchObject({ status: "ok", scheduler: { workers: [{ id: "w1", ageMs: 1_000, healthy: true }] } });
    expect(health.version).toMatch(/^\d+\.\d+\.\d+$/);

    const later = await getHealth(t.db, new Date(now.getTime() + 120_000));
    expect(later).toMatchObject({ status: "degraded", scheduler: { workers: [{ id: "w1", healthy: false }] } });
  });

  it("is down, with the reason, when the database cannot be reached", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clash-health-"));
    fs.rmSync(dir, { recursive: true }); // the folder of the database file no longer exists
    const unreachable = createDb({ url: `file:${path.join(dir, "gone.db")}` });
    const health = await getHealth(unreachable);
    expect(health.status).toBe("down");
    expect(health.database.ok).toBe(false);
    expect(health.database.error).toBeTruthy();
  });
});
