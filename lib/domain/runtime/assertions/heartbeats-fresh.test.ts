import { describe, expect, it } from "vitest";
import { checkHeartbeatsFresh, type LeasedJobRow, type WorkerRow } from "./heartbeats-fresh";

const now = Date.UTC(2026, 10, 21, 12);
const worker = (over: Partial<WorkerRow> = {}): WorkerRow => ({ id: "w1", kind: "embedded", hostname: "box", pid: 42, lastHeartbeatAtMs: now - 10_000, stoppedAtMs: null, ...over });
const job = (over: Partial<LeasedJobRow> = {}): LeasedJobRow => ({ id: "j1", name: "decisions", leaseOwner: "w1", leaseExpiresAtMs: now - 1_000, ...over });

describe("checkHeartbeatsFresh", () => {
  it.each<[string, LeasedJobRow[], WorkerRow[], string]>([
    ["a fresh worker holding a job", [job()], [worker()], ""],
    ["a heartbeat exactly 90 s old", [job()], [worker({ lastHeartbeatAtMs: now - 90_000 })], ""],
    ["a long job: old heartbeat, lease renewed", [job({ leaseExpiresAtMs: now + 30_000 })], [worker({ lastHeartbeatAtMs: now - 600_000 })], ""],
    ["a dead worker holding nothing", [], [worker({ lastHeartbeatAtMs: now - 3_600_000 })], ""],
    ["a dead worker holding a job", [job()], [worker({ lastHeartbeatAtMs: now - 300_000 })], "worker w1 (embedded on box pid 42) holds RUNNING job j1 (decisions) but its last heartbeat was 5 min ago at 2026-11-21T11:55:00Z, and its lease expired at 2026-11-21T11:59:59Z"],
    ["a heartbeat 91 s old", [job(), job({ id: "j2" })], [worker({ lastHeartbeatAtMs: now - 91_000 })], "worker w1 (embedded on box pid 42) holds RUNNING job j1 (decisions) and 1 more but its last heartbeat was 91 s ago at 2026-11-21T11:58:29Z, and its lease expired at 2026-11-21T11:59:59Z"],
    ["a stopped worker still holding a job", [job()], [worker({ lastHeartbeatAtMs: now - 200_000, stoppedAtMs: now - 200_000 })], "worker w1 (embedded on box pid 42, stopped at 2026-11-21T11:56:40Z) holds RUNNING job j1 (decisions) but its last heartbeat was 3 min ago at 2026-11-21T11:56:40Z, and its lease expired at 2026-11-21T11:59:59Z"],
    ["a lease owner with no heartbeat row", [job({ leaseOwner: "ghost" })], [], "worker ghost holds RUNNING job j1 (decisions) but has never written a heartbeat, and its lease expired at 2026-11-21T11:59:59Z"],
  ])("%s", (_name, jobs, workers, message) => {
    const result = checkHeartbeatsFresh({ nowMs: now, jobs, workers });
    expect(result.ok).toBe(message === "");
    expect(result.message).toBe(message);
  });
});
