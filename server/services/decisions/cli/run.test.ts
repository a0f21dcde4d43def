/**
 * `npm run decide` in-process: a real SQLite file with replay market data, the
 * command run as an operator would run it, its output and the stored rows read back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import { createScriptedProvider, type Script } from "@/server/models/scripted";
import * as paper from "@/server/repositories/paper";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createCloneFromTemplate } from "../../clones/clones";
import { syncReplay } from "../../market/sync/replay";
import type { DecideCliDeps } from "./context";
import { CLI_USER_EMAIL } from "./prepare";
import type { DecisionReport } from "./report";
import { runDecideCli } from "./run";

const M = 60_000;
const T = Date.UTC(2026, 6, 1, 10, 30);
const NOW = T + 90 * M;
const at = (ms: number) => new Date(ms).toISOString();
let t: TestDb;
let cloneId: string;
let personalAccountId: string;

function deps(script?: Script) {
  const out = { stdout: "", stderr: "" };
  const d: DecideCliDeps = {
    db: t.db, clock: new ManualClock(NOW), anthropic: {},
    stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) },
    ...(script && { providerFor: () => createScriptedProvider(script) }),
  };
  return { deps: d, out };
}

async function decideJson(argv: string[], script?: Script) {
  const { deps: d, out } = deps(script);
  const code = await runDecideCli([...argv, "--json"], d);
  expect(out.stderr).toBe("");
  return { code, report: JSON.parse(out.stdout) as DecisionReport };
}

beforeAll(async () => {
  t = await createTestDb();
  // minute by minute, as the embedded sync does, so a snapshot (open interest) precedes each T
  for (let m = -2; m <= 30; m++) await syncReplay(t.db, new ManualClock(T + m * M), { seed: "decide-cli", symbols: ["BTC"] });
  const owner = await t.db.user.create({ data: { email: "creator@example.test", name: "Creator", passwordHash: "-" } });
  cloneId = (await createCloneFromTemplate(t.db, { ownerId: owner.id, templateId: "momentum", name: "Momentum Mo" })).id;
  personalAccountId = (await paper.ensureAccount(t.db, { cloneId, mode: "PERSONAL", scopeKey: owner.id, startMicro: usdToMicro(10_000), dayStartMs: 0 })).id;
});
afterAll(async () => t.cleanup());

describe("npm run decide (in-process)", () => {
  it("--template decides for a throwaway clone on replay data and stores the run whole", async () => {
    const { deps: d, out } = deps();
    expect(await runDecideCli(["--template", "momentum", "--asset", "BTC", "--at", at(T)], d)).toBe(0);
    const runId = /^Decision run (\S+): /.exec(out.stdout)?.[1];
    const run = await t.db.decisionRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ mode: "DRY_RUN", asset: "BTC", provider: "rules", model: "momentum", decisionTimeMs: BigInt(T) });
    const account = await t.db.paperAccount.findUniqueOrThrow({ where: { id: run.accountId } });
    expect(account).toMatchObject({ mode: "DRY_RUN", scopeKey: `cli:${T}` });
    const clone = await t.db.clone.findUniqueOrThrow({ where: { id: run.cloneId } });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: clone.ownerId } })).email).toBe(CLI_USER_EMAIL);
    expect(out.stdout).toContain('THROWAWAY clone made for this run from template "momentum", owned by the system user cli@clash.local');
    expect(out.stdout).toMatch(/candles-1 +candles +5m +ok, as of 2026-07-01T10:30:00.000Z +\d+ +ema\(12\)=[\d.]+ +ema\(48\)=/);
    expect(out.stdout).toContain("--- prompt ---\nYou are Momentum BTC");
    expect(out.stdout).toMatch(new RegExp(`\\nOutcome +${run.status}`));
  });

  it("--json prints the run as one JSON document: digest, prompt, response, action, validation, fill", async () => {
    const T2 = T + 5 * M;
    const long = { action: "open_long", asset: "BTC", sizePct: 10, leverage: 2, confidence: 0.7, reasoning: "Trend up." };
    const { code, report } = await decideJson(["--clone", cloneId, "--asset", "BTC", "--at", at(T2)], [long]);
    expect(code).toBe(0);
    expect(report).toMatchObject({
      replayed: false, status: "ACTION", reason: null, asset: "BTC", decisionTime: at(T2), provider: "scripted",
      clone: { id: cloneId, name: "Momentum Mo", version: 1, throwaway: false }, account: { mode: "DRY_RUN", scopeKey: "cli" },
      action: long, validation: { stage: "gates", ok: true }, response: long,
    });
    expect(report.context.streams[0]).toMatchObject({ dataset: "candles", granularity: "5m", freshness: { status: "ok", asOf: at(T2) } });
    expect(report.context.streams[0]!.points).toBeGreaterThan(0);
    expect(Object.keys(report.context.streams[0]!.indicators)).toEqual(["ema(12)", "ema(48)", "rsi(14)", "atr(14)"]);
    const [fill] = report.fills;
    // 10% of 10,000 USD as margin at 2x: about 2,000 USD of BTC (sized at the reference price, filled a little above it)
    expect(fill).toMatchObject({ side: "buy", time: at(T2) });
    expect(fill!.notionalUsd).toBeGreaterThan(1_990);
    expect(fill!.notionalUsd).toBeLessThan(2_001);
    expect(fill!.feeUsd).toBeGreaterThan(0);
    expect(fill!.feeUsd).toBeLessThan(fill!.notionalUsd * 0.001);
    expect(report.dryRunOrders).toHaveLength(1);
    // a CLI run never trades the creator's own account
    expect(await t.db.paperOrder.count({ where: { accountId: personalAccountId } })).toBe(0);
  });

  it("the same slot again prints the stored run and decides nothing", async () => {
    const { report } = await decideJson(["--clone", cloneId, "--asset", "BTC", "--at", at(T + 5 * M)], [{ action: "close", asset: "BTC", confidence: 1, reasoning: "-" }]);
    expect(report).toMatchObject({ replayed: true, status: "ACTION", action: { action: "open_long" } });
    expect(report.fills).toHaveLength(1);
  });

  it("positions are brought up to date before deciding: a tight exit plan is closed by the monitor", async () => {
    const T3 = T + 6 * M;
    const first = await decideJson(["--template", "momentum", "--asset", "BTC", "--at", at(T3)], [{ action: "hold", asset: "BTC", confidence: 0.5, reasoning: "-" }]);
    const price = first.report.context.lastPrice!;
    const tight = { action: "open_long", asset: "BTC", sizePct: 5, leverage: 1, stopLoss: price * 0.998, takeProfit: price * 1.002, confidence: 0.5, reasoning: "Scalp." };
    const opened = await decideJson(["--clone", first.report.clone.id, "--asset", "BTC", "--at", at(T3)], [tight]);
    expect(opened.report.status).toBe("ACTION");
    const later = await decideJson(["--clone", first.report.clone.id, "--asset", "BTC", "--at", at(T3 + 20 * M)], [{ action: "hold", asset: "BTC", confidence: 0.5, reasoning: "Flat." }]);
    expect(later.report.monitor.exits).toEqual([expect.objectContaining({ reason: expect.stringMatching(/stop|take/i) })]);
    expect(later.report.status).toBe("HOLD");
  });

  it.each([
    ["a gate refusal", { action: "open_short", asset: "BTC", sizePct: 10, leverage: 40, confidence: 0.5, reasoning: "-" }, "REJECTED", /^Safety gate leverage: /],
    ["a malformed answer", { action: "moon", asset: "BTC" }, "REJECTED", /^Malformed action: /],
    ["a timeout", { ok: false, kind: "timeout", reason: "The model did not answer within 60 s", rawResponse: null, usage: null, costMicroUsd: 0, latencyMs: 60_000, attempts: 3 }, "NO_TRADE", /did not answer/],
  ])("%s is a normal outcome: exit 0 and the reason printed", async (_name, answer, status, reason) => {
    const { deps: d, out } = deps([answer]);
    expect(await runDecideCli(["--template", "mean-reversion", "--asset", "BTC", "--at", at(T + 10 * M)], d)).toBe(0);
    const outcome = /\nOutcome +(\S+): (.*)\n$/.exec(out.stdout);
    expect(outcome?.[1]).toBe(status);
    expect(outcome?.[2]).toMatch(reason);
    expect(out.stdout).toContain("Fill       none");
  });

  it("an anthropic clone without an API key records an explained no-trade", async () => {
    const { code, report } = await decideJson(["--template", "llm-discretionary", "--asset", "BTC", "--at", at(T + 20 * M)]);
    expect(code).toBe(0);
    expect(report).toMatchObject({ provider: "anthropic", model: "claude-sonnet-4-6", status: "NO_TRADE", reason: expect.stringMatching(/No ANTHROPIC_API_KEY/) });
    expect(report.prompt).toContain("Decide for BTC at 2026-07-01T10:50:00.000Z");
  });

  it("--at defaults to the last completed minute", async () => {
    const { deps: d, out } = deps();
    (d.clock as ManualClock).set(T + 25 * M + 42_000);
    expect(await runDecideCli(["--template", "volume-spike", "--asset", "BTC", "--json"], d)).toBe(0);
    expect((JSON.parse(out.stdout) as DecisionReport).decisionTime).toBe(at(T + 25 * M));
  });

  it.each([
    [["--template", "momentum"], "--asset is required"],
    [["--template", "momentum", "--clone", "x", "--asset", "BTC"], "give exactly one of --clone ID or --template ID (both were given)"],
    [["--template", "nope", "--asset", "BTC"], '--template "nope" is not a template'],
    [["--template", "momentum", "--asset", "BTC", "--at", "yesterday"], '--at "yesterday" is not an ISO date-time'],
    [["--template", "momentum", "--asset", "BTC", "--at", "2026-12-31T00:00Z"], "--at 2026-12-31T00:00:00.000Z is in the future"],
    [["--template", "momentum", "--asset", "btc"], "--asset \"btc\": asset block 'asset-1', symbol: 'btc' is not a Hyperliquid symbol"],
    [["--clone", "no-such-clone", "--asset", "BTC"], '--clone "no-such-clone": no clone has this id'],
    [["--clone", "<clone>", "--asset", "ETH"], '--asset "ETH" is not traded by clone <clone> (its assets: BTC)'],
  ])("%j exits 2 with one line naming the argument", async (argv, message) => {
    const before = await t.db.decisionRun.count();
    const { deps: d, out } = deps();
    const code = await runDecideCli(argv.map((a) => a.replace("<clone>", cloneId)), d);
    expect(code).toBe(2);
    expect(out.stdout).toBe("");
    const expected = `decide: ${message.replace("<clone>", cloneId)}`;
    expect(out.stderr.slice(0, expected.length)).toBe(expected);
    expect(out.stderr).toMatch(/; see `npm run decide -- --help`\n$/);
    expect(out.stderr.split("\n")).toHaveLength(2);
    expect(await t.db.decisionRun.count()).toBe(before);
  });
});
