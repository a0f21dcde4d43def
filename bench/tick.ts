/**
 * One runner tick at scale: 1,000 rules clones, each trading 4 perps, all due at
 * the same minute (an hour boundary, where every cadence is due): 4,000 decisions
 * plus 1,000 accounts' monitoring, through runDecisionTick exactly as the
 * scheduler runs it (leases, tick memo, controls). Goal: one tick ≤ 10 s.
 *
 * Two ticks are timed: the first on cold process caches (parsed clone versions,
 * closed minutes), the second an hour later with the caches a running worker has.
 * Baseline in the same run: the same number of decision-run-sized rows inserted
 * one by one through the raw driver, the floor for storing 4,000 decisions.
 */
import { createClient } from "@libsql/client";
import { ManualClock } from "@/lib/domain/clock";
import { templateGraph, type TemplateId } from "@/lib/domain/graph/templates";
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import type { PrismaClient } from "@/server/db";
import * as paper from "@/server/repositories/paper";
import { createClone } from "@/server/services/clones/clones";
import { syncReplay } from "@/server/services/market/sync/replay";
import { runDecisionTick, type TickReport } from "@/server/services/runner/run-tick";
import { fmt, printTable, scratchDatabase, type Benchmark } from "./harness";

const H = 3_600_000;
const SYMBOLS = ["BTC", "ETH", "SOL", "DOGE"];
const TEMPLATES: TemplateId[] = ["momentum", "mean-reversion", "volume-spike", "funding-carry"];
const GOAL_MS = 10_000;
const T0 = Date.UTC(2026, 6, 1, 12, 0);

async function setUp(db: PrismaClient, clones: number) {
  // enough history for the longest warm-up (funding-carry reads days of funding)
  for (const at of [T0 - 6 * H, T0 + H + 60_000]) await syncReplay(db, new ManualClock(at), { seed: "bench-tick", symbols: SYMBOLS });
  const owner = await db.user.create({ data: { email: "bench-tick@clash.local", name: "Bench", passwordHash: "!" } });
  const graphs = TEMPLATES.map((id) => templateGraph(id, { symbols: SYMBOLS }));
  for (let i = 0; i < clones; i++) {
    const { id } = await createClone(db, { ownerId: owner.id, graph: graphs[i % graphs.length]! });
    await paper.ensureAccount(db, { cloneId: id, mode: "PERSONAL", scopeKey: `bench-${i}`, startMicro: usdToMicro(10_000), dayStartMs: T0 - (T0 % 86_400_000) });
  }
}

async function rawInsertBaseline(url: string, rows: number): Promise<number> {
  const client = createClient({ url });
  await client.execute(`CREATE TABLE "BaselineRun" ("id" TEXT PRIMARY KEY, "accountId" TEXT, "asset" TEXT, "t" INTEGER, "packet" TEXT, "prompt" TEXT)`);
  const packet = "x".repeat(12_000);
  const prompt = "p".repeat(4_000);
  const started = performance.now();
  for (let i = 0; i < rows; i++) {
    await client.execute({ sql: `INSERT INTO "BaselineRun" VALUES (?, ?, ?, ?, ?, ?)`, args: [`r${i}`, `a${i % 1000}`, SYMBOLS[i % 4]!, T0 + i, packet, prompt] });
  }
  const ms = performance.now() - started;
  client.close();
  return ms;
}

export const tickBenchmark: Benchmark = {
  name: "tick",
  description: "one runner tick: 1,000 rules clones × 4 assets with the rules provider (goal ≤ 10 s)",
  async run(args) {
    const clones = Number(args[0] ?? 1_000);
    const { db, url, cleanup } = await scratchDatabase();
    try {
      process.stderr.write(`setting up ${clones} clones × ${SYMBOLS.length} assets...\n`);
      await setUp(db, clones);
      const ticks: { label: string; report: TickReport; ms: number }[] = [];
      for (const [label, at] of [["tick 1 (cold caches)", T0], ["tick 2, an hour later (warm caches)", T0 + H]] as const) {
        const started = performance.now();
        const report = await runDecisionTick(db, new ManualClock(at + 1_000), { workerId: "bench" });
        ticks.push({ label, report, ms: performance.now() - started });
      }
      const decisions = (r: TickReport) => r.decided.ACTION + r.decided.HOLD + r.decided.REJECTED + r.decided.NO_TRADE;
      const baselineMs = await rawInsertBaseline(url, decisions(ticks[0]!.report));
      printTable([
        ...ticks.map(({ label, report, ms }) => ({
          what: label, "ms": fmt(ms, 0), decisions: decisions(report), actions: report.decided.ACTION, "no-trade": report.decided.NO_TRADE,
          rejected: report.decided.REJECTED, monitored: report.monitored, errors: report.errors.length, "ms/decision": fmt(ms / Math.max(1, decisions(report)), 2),
        })),
        { what: "baseline: the same number of ~16 KB rows, raw INSERT one by one", ms: fmt(baselineMs, 0), decisions: decisions(ticks[0]!.report), actions: "", "no-trade": "", rejected: "", monitored: "", errors: "", "ms/decision": fmt(baselineMs / Math.max(1, decisions(ticks[0]!.report)), 2) },
      ]);
      const worst = Math.max(...ticks.map((t) => t.ms));
      console.log(`\nslowest tick ${fmt(worst / 1000, 2)} s (goal ≤ ${GOAL_MS / 1000} s): ${worst <= GOAL_MS ? "met" : "MISSED"}; ${fmt(worst / baselineMs, 2)}× the raw insert baseline.`);
      return {
        benchmark: "tick", clones, assetsPerClone: SYMBOLS.length,
        ticks: ticks.map(({ label, report, ms }) => ({ label, ms: Math.round(ms), decisions: decisions(report), actions: report.decided.ACTION, noTrade: report.decided.NO_TRADE, rejected: report.decided.REJECTED, monitored: report.monitored, errors: report.errors.length })),
        baselineInsertMs: Math.round(baselineMs), ratioToBaseline: Number((worst / baselineMs).toFixed(2)), goalMs: GOAL_MS, goalMet: worst <= GOAL_MS,
      };
    } finally {
      await cleanup();
    }
  },
};
