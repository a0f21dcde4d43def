import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import { decisionsInput, equityInput, fillsInput, ordersInput, positionsInput } from "@/lib/schemas/history";
import { createCaller } from "@/server/api/root";
import { LocalArtifactStore } from "@/server/artifacts/local";
import { offloadPayload } from "@/server/artifacts/payload";
import type { ModelProvider } from "@/server/models/types";
import * as paper from "@/server/repositories/paper";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { cloneActivity } from "../clones/clone-activity";
import { createCloneFromTemplate } from "../clones/clones";
import { decide } from "../decisions/decide";
import { syncReplay } from "../market/sync/replay";
import { decisionDetail } from "./decision-detail";
import { historyEquity } from "./equity";
import { historyCsv } from "./export-csv";
import { listDecisionHistory } from "./list-decisions";
import { listFillHistory } from "./list-fills";
import { listOrderHistory } from "./list-orders";
import { listPositionHistory } from "./list-positions";
import { historyOverview } from "./overview";

const M = 60_000;
const T = Date.UTC(2026, 6, 1, 10, 30, 5);
const NOW = T + 29 * M;
const clock = new ManualClock(NOW);
let t: TestDb;
let artifactsDir: string;
let cloneId: string;
let accountId: string;
let owner: { id: string; role: string };
let stranger: { id: string; role: string };
let admin: { id: string; role: string };
const runs: string[] = [];

const answering = (answer: unknown): ModelProvider => ({
  name: "scripted",
  async decide() {
    return { ok: true, rawAction: answer, rawResponse: { answer }, usage: null, costMicroUsd: 1_250, latencyMs: 42, attempts: 1 };
  },
});
const SPICY = '=HYPERLINK("x"), trend "up"\nsecond line';
const long = { action: "open_long", asset: "BTC", sizePct: 10, leverage: 2, confidence: 0.7, reasoning: SPICY };

beforeAll(async () => {
  t = await createTestDb();
  artifactsDir = fs.mkdtempSync(path.join(os.tmpdir(), "clash-history-artifacts-"));
  await syncReplay(t.db, new ManualClock(T + 30 * M), { seed: "history", symbols: ["BTC"] });
  const user = (email: string, role: "USER" | "ADMIN" = "USER") => t.db.user.create({ data: { email, name: email, passwordHash: "-", role }, select: { id: true, role: true } });
  owner = await user("creator@example.test");
  stranger = await user("stranger@example.test");
  admin = await user("admin@example.test", "ADMIN");
  cloneId = (await createCloneFromTemplate(t.db, { ownerId: owner.id, templateId: "momentum", name: "Momentum Mo" })).id;
  accountId = (await paper.ensureAccount(t.db, { cloneId, mode: "PERSONAL", scopeKey: owner.id, startMicro: usdToMicro(10_000), dayStartMs: T - (T % 86_400_000) })).id;
  const script: [number, unknown][] = [
    [T, long],
    [T + M, { action: "hold", asset: "BTC", confidence: 0.5, reasoning: "No edge, waiting." }],
    [T + 2 * M, { action: "yolo", asset: "BTC" }],
    [T + 20 * M, { action: "close", asset: "BTC", confidence: 0.6, reasoning: "Taking profit." }],
    [T + 25 * M, { ...long, reasoning: "Trend resumes." }],
  ];
  for (const [time, answer] of script) runs.push((await decide(t.db, { accountId, asset: "BTC", decisionTime: time, provider: answering(answer) })).runId);
});
afterAll(async () => {
  await t.cleanup();
  fs.rmSync(artifactsDir, { recursive: true, force: true });
});

const decisions = (viewer: { id: string; role: string }, input: Record<string, unknown> = {}) => listDecisionHistory(t.db, viewer, decisionsInput.parse({ cloneId, ...input }));

describe("history lists", () => {
  it("decisions come newest first with the parsed action, its reasoning as text, latency and cost", async () => {
    const page = await decisions(owner);
    expect(page).toMatchObject({ total: 5, page: 1, pageCount: 1 });
    expect(page.rows.map((r) => r.status)).toEqual(["ACTION", "ACTION", "REJECTED", "HOLD", "ACTION"]);
    expect(page.rows.at(-1)).toMatchObject({ action: "open_long", sizePct: 10, leverage: 2, reasoning: SPICY, latencyMs: 42, costMicroUsd: 1_250, mode: "PERSONAL", asset: "BTC" });
    expect(page.rows[2]).toMatchObject({ action: null, reasoning: null, reason: expect.stringMatching(/^Malformed action/) });
  });

  it.each([
    ["status", { status: "REJECTED" }, 1],
    ["asset", { asset: "eth" }, 0],
    ["mode", { mode: "PERSONAL" }, 5],
    ["another mode", { mode: "RACE" }, 0],
    ["time range", { from: T + M, to: T + 20 * M }, 2],
    ["account", () => ({ accountId }), 5],
  ])("decisions filter by %s", async (_name, filter, total) => {
    expect((await decisions(owner, typeof filter === "function" ? filter() : filter)).total).toBe(total);
  });

  it("paginates, and a page past the end shows the last one", async () => {
    expect(await decisions(owner, { pageSize: 2, page: 2 })).toMatchObject({ total: 5, page: 2, pageCount: 3, rows: [{ status: "REJECTED" }, { status: "HOLD" }] });
    expect(await decisions(owner, { pageSize: 2, page: 99 })).toMatchObject({ page: 3, rows: [{ status: "ACTION", action: "open_long" }] });
  });

  it("orders, fills and positions: open and closed, with the decision that placed them", async () => {
    const orders = await listOrderHistory(t.db, owner, ordersInput.parse({ cloneId }));
    expect(orders.rows.map((o) => [o.purpose, o.status, o.decisionRunId])).toEqual([["OPEN", "FILLED", runs[4]], ["CLOSE_SIGNAL", "FILLED", runs[3]], ["OPEN", "FILLED", runs[0]]]);
    expect(orders.rows.every((o) => typeof o.fillPrice === "number")).toBe(true);
    const fills = await listFillHistory(t.db, owner, fillsInput.parse({ cloneId }));
    expect(fills.rows.map((f) => f.purpose)).toEqual(["OPEN", "CLOSE_SIGNAL", "OPEN"]);
    const closed = await listPositionHistory(t.db, owner, positionsInput.parse({ cloneId, state: "closed" }));
    const open = await listPositionHistory(t.db, owner, positionsInput.parse({ cloneId, state: "open" }));
    expect([closed.total, open.total]).toEqual([1, 1]);
    const c = closed.rows[0]!;
    expect(c).toMatchObject({ state: "CLOSED", exitReason: "CLOSE_SIGNAL", netPnlMicro: c.realizedPnlMicro - c.feesMicro + c.fundingMicro });
    expect(open.rows[0]).toMatchObject({ state: "MONITORING", netPnlMicro: expect.any(Number), closedAtMs: null });
  });

  it("only the creator or an admin reads a clone's history; others learn nothing", async () => {
    await expect(decisions(stranger)).rejects.toMatchObject({ code: "NOT_FOUND", field: "cloneId" });
    expect((await decisions(admin)).total).toBe(5);
    await expect(decisions(owner, { accountId: "someone-elses" })).rejects.toMatchObject({ code: "NOT_FOUND", field: "accountId" });
    await expect(historyOverview(t.db, stranger, { cloneId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await historyOverview(t.db, owner, { cloneId })).toMatchObject({ clone: { name: "Momentum Mo" }, accounts: [{ id: accountId, mode: "PERSONAL" }], assets: ["BTC"] });
  });

  it("through tRPC: signed out is UNAUTHORIZED, a stranger NOT_FOUND", async () => {
    const as = (sessionUserId: string | null) => createCaller({ db: t.db, sessionUserId }).history;
    await expect(as(null).decisions({ cloneId })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(as(stranger.id).decisions({ cloneId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await as(owner.id).decisions({ cloneId, status: "HOLD" })).total).toBe(1);
  });
});

describe("decision detail", () => {
  it("shows the prompt, response, packet and validation, resolving artifact references", async () => {
    const store = new LocalArtifactStore(artifactsDir);
    const stored = await t.db.decisionRun.findUniqueOrThrow({ where: { id: runs[0] }, select: { prompt: true } });
    const ref = await offloadPayload(store, stored.prompt, 1_024);
    expect(ref).toMatch(/^artifact:sha256:/);
    await t.db.decisionRun.update({ where: { id: runs[0] }, data: { prompt: ref, response: `artifact:sha256:${"e".repeat(64)}` } });

    const detail = await decisionDetail(t.db, owner, { cloneId, decisionId: runs[0]! }, store);
    expect(detail.prompt).toEqual({ text: stored.prompt, artifact: ref, error: null });
    expect(detail.prompt.text).toContain("You are Momentum Mo");
    expect(detail.response).toMatchObject({ text: null, error: expect.stringMatching(/is not in the local artifact store/) });
    expect(JSON.parse(detail.contextPacket.text!).decisionTime).toBe(T);
    expect(JSON.parse(detail.validation.text!)).toBeTruthy();
    expect(detail.orders).toMatchObject([{ purpose: "OPEN", status: "FILLED", fills: [{ timeMs: expect.any(Number) }] }]);
  });

  it("a decision of another clone is not found through this one", async () => {
    const other = (await createCloneFromTemplate(t.db, { ownerId: owner.id, templateId: "momentum", name: "Other" })).id;
    await expect(decisionDetail(t.db, owner, { cloneId: other, decisionId: runs[0]! })).rejects.toMatchObject({ code: "NOT_FOUND", field: "decisionId" });
  });
});

describe("equity", () => {
  it("runs from the first decision to now in at most 500 points and ends at the headline equity", async () => {
    const { account, points } = await historyEquity(t.db, owner, equityInput.parse({ cloneId }), clock);
    expect(account).toMatchObject({ id: accountId, mode: "PERSONAL", startMicro: usdToMicro(10_000) });
    expect(points.length).toBeGreaterThan(20);
    expect(points.length).toBeLessThanOrEqual(500);
    expect(points[0]).toMatchObject({ time: T, equityMicro: usdToMicro(10_000) - points[0]!.feesMicro, unrealizedMicro: 0 });
    expect(points.at(-1)!.time).toBe(NOW);
    const headline = await cloneActivity(t.db, { viewerId: owner.id, cloneId, page: 1 }, clock);
    expect(points.at(-1)!.equityMicro).toBe(headline.account!.equityMicro);
    expect(points.every((p, i) => i === 0 || p.time > points[i - 1]!.time)).toBe(true);
    // while the first long was open its unrealized PnL moved with the 1-minute closes
    expect(new Set(points.filter((p) => p.time > T && p.time < T + 20 * M).map((p) => p.unrealizedMicro)).size).toBeGreaterThan(3);
  });

  it("respects the range and the point budget; no account for the mode is an empty curve", async () => {
    const { points } = await historyEquity(t.db, owner, equityInput.parse({ cloneId, from: T + 5 * M, to: T + 15 * M, maxPoints: 6 }), clock);
    expect(points.length).toBeLessThanOrEqual(6);
    expect([points[0]!.time, points.at(-1)!.time]).toEqual([T + 5 * M, T + 15 * M]);
    expect(await historyEquity(t.db, owner, equityInput.parse({ cloneId, mode: "RACE" }), clock)).toEqual({ account: null, points: [] });
  });
});

describe("CSV export", () => {
  const read = async (chunks: AsyncIterable<string>) => {
    let text = "";
    for await (const c of chunks) text += c;
    return text;
  };

  it("streams a header and every matching row oldest first, across batches, with reasoning escaped and neutralised", async () => {
    const { filename, chunks } = await historyCsv(t.db, owner, { kind: "decisions", filters: { cloneId } }, 2);
    expect(filename).toMatch(/^momentum-mo-decisions-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await read(chunks);
    expect(text.startsWith("time_utc,decision_id,mode,account_id,asset,status,action,")).toBe(true);
    const ids = runs.map((id) => text.indexOf(id));
    expect(ids.every((i, k) => i > 0 && (k === 0 || i > ids[k - 1]!))).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""x""), trend ""up""\nsecond line"`);
    expect(text).toContain(",0.00125,"); // 1,250 µ$ of model cost
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(1 + 5);
  });

  it.each([
    ["fills", {}, 3, "time_utc,fill_id,order_id,mode,"],
    ["orders", { status: "FILLED" }, 3, "time_utc,order_id,mode,"],
    ["positions", { state: "closed" as const }, 1, "opened_utc,closed_utc,position_id,"],
  ] as const)("%s", async (kind, extra, rows, header) => {
    const text = await read((await historyCsv(t.db, owner, { kind, filters: { cloneId }, ...extra })).chunks);
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0]!.startsWith(header)).toBe(true);
    expect(lines).toHaveLength(1 + rows);
  });

  it("is refused before the first byte to someone who may not read the clone", async () => {
    await expect(historyCsv(t.db, stranger, { kind: "fills", filters: { cloneId } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
