/**
 * Decision pipeline overhead without the model: the full decide() (context,
 * prompt, gates, paper execution, the stored run) with a scripted provider that
 * answers at once, over distinct slots (account, asset, minute) on replay data.
 * The pipeline's parts are then timed alone, on the same slots in the same run,
 * as the baseline components the total is read against.
 */
import { ManualClock } from "@/lib/domain/clock";
import { contextPrompt, systemPrompt } from "@/lib/domain/decisions/prompt";
import { indicatorWarmupBars } from "@/lib/domain/graph/indicators";
import { lookbackMs } from "@/lib/domain/graph/data-stream";
import { assetsOf, streamsOf, tradingClone, tradingPrompt } from "@/lib/domain/graph/queries";
import type { CloneGraph } from "@/lib/domain/graph/schema";
import { templateGraph, type TemplateId } from "@/lib/domain/graph/templates";
import { GRANULARITY_MS } from "@/lib/domain/graph/vocabulary";
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import { checkGates } from "@/lib/domain/risk/gates";
import type { PrismaClient } from "@/server/db";
import { createScriptedProvider } from "@/server/models/scripted";
import type { DecisionRequest } from "@/server/models/types";
import * as decisions from "@/server/repositories/decisions";
import { findAsset } from "@/server/repositories/market/assets";
import { latestCandlesBefore } from "@/server/repositories/market/series";
import { barsBefore } from "@/server/repositories/market/bars";
import * as paper from "@/server/repositories/paper";
import { createClone } from "@/server/services/clones/clones";
import { decide } from "@/server/services/decisions/decide";
import { resolveContext } from "@/server/services/decisions/resolve-context";
import { syncReplay } from "@/server/services/market/sync/replay";
import { marketAt } from "@/server/services/paper/market-at";
import { fmt, printTable, scratchDatabase, type Benchmark } from "./harness";

const M = 60_000;
const H = 60 * M;
const SYMBOLS = ["BTC", "ETH", "SOL", "DOGE"];
const ACCOUNTS_PER_SYMBOL = 10;
const GOAL_P50_MS = 2;
const T0 = Date.UTC(2026, 6, 1, 12, 0);

interface Slot { accountId: string; graph: CloneGraph; asset: string; T: number }
interface Stats { n: number; p50: number; p90: number; p99: number; mean: number; perSecond: number }

function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? 0;
  const total = s.reduce((a, b) => a + b, 0);
  return { n: s.length, p50: q(0.5), p90: q(0.9), p99: q(0.99), mean: total / (s.length || 1), perSecond: (s.length / total) * 1000 };
}

async function timeEach<T>(items: readonly T[], fn: (item: T) => Promise<unknown> | unknown): Promise<number[]> {
  const ms: number[] = [];
  for (const item of items) {
    const started = performance.now();
    await fn(item);
    ms.push(performance.now() - started);
  }
  return ms;
}

/** Opens every tenth minute, closes five minutes later, holds otherwise: about one decision in five orders. */
function tradingScript(request: DecisionRequest) {
  const minute = Math.floor(request.packet.decisionTime / M);
  const base = { asset: request.asset, confidence: 0.5, reasoning: "bench" };
  if (!request.position && minute % 10 === 0) return { ...base, action: "open_long", sizePct: 10, leverage: 2 };
  if (request.position && minute % 10 === 5) return { ...base, action: "close" };
  return { ...base, action: "hold" };
}

async function setUp(db: PrismaClient, templateId: TemplateId, count: number) {
  // two syncs: the replay fills 6 hours on its first start, the indicators' warm-up needs more
  for (const at of [T0 - 6 * H, T0]) await syncReplay(db, new ManualClock(at), { seed: "bench", symbols: SYMBOLS });
  const owner = await db.user.create({ data: { email: "bench-decision@clash.local", name: "Bench", passwordHash: "!" } });
  const accounts: { id: string; graph: CloneGraph; asset: string }[] = [];
  for (const symbol of SYMBOLS) {
    const graph = templateGraph(templateId, { symbol });
    for (let i = 0; i <= ACCOUNTS_PER_SYMBOL; i++) {
      const { id } = await createClone(db, { ownerId: owner.id, graph });
      const account = await paper.ensureAccount(db, { cloneId: id, mode: "BACKTEST", scopeKey: "bench", startMicro: usdToMicro(10_000), dayStartMs: T0 - (T0 % 86_400_000) });
      accounts.push({ id: account.id, graph, asset: symbol });
    }
  }
  // one account per symbol warms the code paths up; the others are measured, minute after minute as a scheduler would
  const warm = accounts.filter((_a, i) => i % (ACCOUNTS_PER_SYMBOL + 1) === 0);
  const measured = accounts.filter((_a, i) => i % (ACCOUNTS_PER_SYMBOL + 1) !== 0);
  const minutes = Math.ceil(count / measured.length);
  const slots = (list: typeof accounts, n: number): Slot[] =>
    Array.from({ length: minutes }, (_m, m) => list.map((a) => ({ accountId: a.id, graph: a.graph, asset: a.asset, T: T0 - (minutes - m) * M }))).flat().slice(0, n);
  return { warmup: slots(warm, warm.length * minutes), slots: slots(measured, count), owner: owner.id };
}

/** How many 1-minute candles the resolver reads for the asset's candle streams (its own formula). */
function candleMinutes(graph: CloneGraph): number {
  const [asset] = assetsOf(graph);
  return streamsOf(graph, asset!).filter((s) => s.dataset === "candles").reduce((sum, s) => {
    const step = GRANULARITY_MS[s.granularity];
    const bars = s.retrievalDepth + Math.max(0, ...s.indicators.map(indicatorWarmupBars));
    return sum + Math.min((bars + 1) * (step / M), Math.floor(lookbackMs(s.lookback) / M) + step / M);
  }, 0);
}

/** The bar size of the graph's candle stream (the first one). */
function barMs(graph: CloneGraph): number {
  const [asset] = assetsOf(graph);
  const stream = streamsOf(graph, asset!).find((s) => s.dataset === "candles");
  return stream ? GRANULARITY_MS[stream.granularity] : M;
}

export const decisionBenchmark: Benchmark = {
  name: "decision",
  description: "decide() overhead without the model (scripted provider): p50/p90/p99 per decision, and its parts",
  async run(args) {
    const count = Number(args[0] ?? 2_000);
    const templateId = (args[1] ?? "momentum") as TemplateId;
    const { db, cleanup } = await scratchDatabase();
    try {
      const { warmup, slots, owner } = await setUp(db, templateId, count);
      const provider = createScriptedProvider(tradingScript);
      const statuses: string[] = [];
      const run = (s: Slot) => decide(db, { accountId: s.accountId, asset: s.asset, decisionTime: s.T, provider }).then((r) => statuses.push(r.status));
      await timeEach(warmup, run);
      statuses.length = 0;
      const total = await timeEach(slots, run);
      const byStatus = (status: string) => total.filter((_ms, i) => statuses[i] === status);
      if (byStatus("NO_TRADE").length + byStatus("REJECTED").length > 0) console.log(`note: ${byStatus("NO_TRADE").length} no-trade and ${byStatus("REJECTED").length} rejected decisions (stale data or gates)`);

      // the parts, alone, on the same slots
      const context = await timeEach(slots, (s) => resolveContext(db, s.graph, s.T));
      const assetIds = new Map<string, string>();
      for (const symbol of SYMBOLS) assetIds.set(symbol, (await findAsset(db, "HYPERLIQUID", symbol))!.id);
      const minutes = candleMinutes(slots[0]!.graph);
      const candleRead = await timeEach(slots, (s) => latestCandlesBefore(db, assetIds.get(s.asset)!, s.T, minutes));
      const barsRead = await timeEach(slots, (s) => barsBefore(db, assetIds.get(s.asset)!, s.T, minutes, barMs(slots[0]!.graph)));
      const reads = await timeEach(slots, async (s) => {
        const account = (await paper.findAccount(db, s.accountId))!;
        await decisions.findDecisionRun(db, s.accountId, s.asset, s.T);
        await decisions.findCloneVersionGraph(db, account.cloneId);
        await paper.openPositions(db, s.accountId);
        await marketAt(db, s.asset, s.T);
      });
      const packets = await Promise.all(slots.slice(0, 200).map((s) => resolveContext(db, s.graph, s.T)));
      const snapshot = { equityUsd: 10_000, startUsd: 10_000, freeMarginUsd: 10_000, dayPnlPct: 0, openPositions: [] };
      const promptMs = await timeEach(slots, (s) => {
        const packet = packets[slots.indexOf(s) % packets.length]!;
        return [systemPrompt(tradingClone(s.graph), tradingPrompt(s.graph)), contextPrompt(packet, s.asset, snapshot), JSON.stringify(packet)];
      });
      const action = { action: "open_long", asset: "BTC", sizePct: 10, leverage: 2, confidence: 0.5, reasoning: "bench" } as const;
      const gateCtx = {
        limits: { maxPositionPct: 20, maxLeverage: 3, maxDailyLossPct: 4, allowedActions: ["open_long", "open_short", "close", "hold"] as const, allowedAssets: ["BTC"] },
        account: { equityCents: 1_000_000, startEquityCents: 1_000_000, dayStartEquityCents: 1_000_000, peakEquityCents: 1_000_000, openPositions: [] },
        market: { BTC: { stale: false, price: 100_000 } }, killSwitch: "none" as const,
      };
      const gates = await timeEach(slots, () => checkGates(action, gateCtx));
      const { id: cloneId } = await createClone(db, { ownerId: owner, graph: slots[0]!.graph });
      const sink = await paper.ensureAccount(db, { cloneId, mode: "BACKTEST", scopeKey: "sink", startMicro: usdToMicro(10_000), dayStartMs: 0 });
      const insert = await timeEach(slots, (s) => decisions.insertDecisionRun(db, {
        cloneId, cloneVersion: 1, accountId: sink.id, mode: "BACKTEST", asset: s.asset, decisionTimeMs: s.T + slots.indexOf(s), provider: "scripted", model: "m",
        status: "HOLD", reason: null, contextPacket: JSON.stringify(packets[0]), prompt: "p".repeat(4_000), response: "null", parsedAction: null, validation: "{}",
        latencyMs: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costMicroUsd: 0,
      }));

      const all = stats(total);
      const rows: [string, number[]][] = [
        ["decide(): all decisions", total],
        ["decide(): HOLD (no order)", byStatus("HOLD")],
        ["decide(): ACTION (order, fill, position)", byStatus("ACTION")],
        ["part: resolveContext (baseline)", context],
        [`  of which: bars bucketed in SQL from ${minutes} minutes`, barsRead],
        [`  baseline: the same ${minutes} 1m rows read through Prisma`, candleRead],
        ["part: account, positions, market at T", reads],
        ["part: prompt + packet JSON (CPU)", promptMs],
        ["part: safety gates (CPU)", gates],
        ["part: insert the decision run", insert],
      ];
      printTable(rows.map(([what, ms]) => {
        const s = stats(ms);
        return { what, n: s.n, "p50 ms": fmt(s.p50, 3), "p90 ms": fmt(s.p90, 3), "p99 ms": fmt(s.p99, 3), "mean ms": fmt(s.mean, 3), "per s": fmt(s.perSecond, 0) };
      }));
      const ctx = stats(context);
      console.log(`\ndecide() p50 ${fmt(all.p50, 2)} ms (goal ≤ ${GOAL_P50_MS} ms): ${all.p50 <= GOAL_P50_MS ? "met" : "MISSED"}. ` +
        `The context resolver alone is ${fmt((ctx.p50 / all.p50) * 100, 0)}% of it at the median (template ${templateId}, ${minutes} 1m candles per decision).`);
      const round = (n: number) => Number(n.toFixed(3));
      const part = (ms: number[]) => round(stats(ms).p50);
      return {
        benchmark: "decision", template: templateId, decisions: all.n,
        p50Ms: round(all.p50), p90Ms: round(all.p90), p99Ms: round(all.p99), meanMs: round(all.mean), decisionsPerSecond: Math.round(all.perSecond),
        holdP50Ms: part(byStatus("HOLD")), actionP50Ms: part(byStatus("ACTION")), actions: byStatus("ACTION").length,
        partsP50Ms: { resolveContext: part(context), barsRead: part(barsRead), rawMinuteRead: part(candleRead), accountReads: part(reads), prompt: part(promptMs), gates: part(gates), insertRun: part(insert) },
        resolverShareOfP50: round(ctx.p50 / all.p50), goalP50Ms: GOAL_P50_MS, goalMet: all.p50 <= GOAL_P50_MS,
      };
    } finally {
      await cleanup();
    }
  },
};
