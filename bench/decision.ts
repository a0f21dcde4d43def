/**
 * Decision pipeline overhead without the model: the full decide() (context,
 * prompt, gates, paper execution, the stored run) with a scripted provider that
 * answers at once, over distinct slots (account, asset, minute) on replay data.
 * The pipeline's parts are then timed alone, on the same slots in the same run,
 * as the baseline components the total is read against.
 *
 * In-process state is what a long-running scheduler has, no more: each pass runs
 * on its own database client (so no pass inherits another's copies), and its
 * warm-up accounts decide the minutes BEFORE the measured ones, so the first
 * decision of each measured (asset, minute) reads that minute from the database,
 * as it would right after the minute was appended. Ten accounts share each asset
 * and minute, as many clones of a race do. The second pass also shares one
 * TickMemo per minute across those accounts (a runner's option).
 */
import { ManualClock } from "@/lib/domain/clock";
import { contextPrompt } from "@/lib/domain/decisions/prompt";
import { assetsOf, streamsOf } from "@/lib/domain/graph/queries";
import type { CloneGraph } from "@/lib/domain/graph/schema";
import { templateGraph, type TemplateId } from "@/lib/domain/graph/templates";
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import { checkGates } from "@/lib/domain/risk/gates";
import { createDb, type PrismaClient } from "@/server/db";
import { createScriptedProvider } from "@/server/models/scripted";
import type { DecisionRequest } from "@/server/models/types";
import { decisionInputs } from "@/server/repositories/decision-inputs";
import * as decisions from "@/server/repositories/decisions";
import { findAsset } from "@/server/repositories/market/assets";
import { perpAt } from "@/server/repositories/market/perp-at";
import { latestCandlesBefore } from "@/server/repositories/market/series";
import * as paper from "@/server/repositories/paper";
import { createClone } from "@/server/services/clones/clones";
import { decide } from "@/server/services/decisions/decide";
import { candleMinutes, resolveContext } from "@/server/services/decisions/resolve-context";
import { closedMinuteStats, perpAtT } from "@/server/services/market/closed-minutes";
import { syncReplay } from "@/server/services/market/sync/replay";
import { createTickMemo, type TickMemo } from "@/server/services/market/tick-memo";
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

interface Pass { warmup: Slot[]; slots: Slot[] }

/** Accounts for one pass: per symbol, one that warms the code paths up and ten that are measured. */
async function accountsFor(db: PrismaClient, ownerId: string, templateId: TemplateId, scope: string) {
  const accounts: { id: string; graph: CloneGraph; asset: string }[] = [];
  for (const symbol of SYMBOLS) {
    const graph = templateGraph(templateId, { symbol });
    for (let i = 0; i <= ACCOUNTS_PER_SYMBOL; i++) {
      const { id } = await createClone(db, { ownerId, graph });
      const account = await paper.ensureAccount(db, { cloneId: id, mode: "BACKTEST", scopeKey: scope, startMicro: usdToMicro(10_000), dayStartMs: T0 - (T0 % 86_400_000) });
      accounts.push({ id: account.id, graph, asset: symbol });
    }
  }
  return accounts;
}

/** Minute after minute, as a scheduler decides; the warm-up decides the minutes before the measured ones. */
function pass(accounts: { id: string; graph: CloneGraph; asset: string }[], count: number): Pass {
  const warm = accounts.filter((_a, i) => i % (ACCOUNTS_PER_SYMBOL + 1) === 0);
  const measured = accounts.filter((_a, i) => i % (ACCOUNTS_PER_SYMBOL + 1) !== 0);
  const minutes = Math.ceil(count / measured.length);
  const slots = (list: typeof accounts, firstT: number): Slot[] =>
    Array.from({ length: minutes }, (_m, m) => list.map((a) => ({ accountId: a.id, graph: a.graph, asset: a.asset, T: firstT + m * M }))).flat();
  return { warmup: slots(warm, T0 - 2 * minutes * M), slots: slots(measured, T0 - minutes * M).slice(0, count) };
}

async function setUp(db: PrismaClient, templateId: TemplateId, count: number) {
  // two syncs: the replay fills 6 hours on its first start, the indicators' warm-up needs more
  for (const at of [T0 - 6 * H, T0]) await syncReplay(db, new ManualClock(at), { seed: "bench", symbols: SYMBOLS });
  const owner = await db.user.create({ data: { email: "bench-decision@clash.local", name: "Bench", passwordHash: "!" } });
  const plain = pass(await accountsFor(db, owner.id, templateId, "bench"), count);
  const shared = pass(await accountsFor(db, owner.id, templateId, "bench-tick"), count);
  return { plain, shared, owner: owner.id };
}

interface Timed { total: number[]; statuses: string[]; minuteReads: { whole: number; validated: number } }

/**
 * Both passes, each on its own client: the warm-ups, then minute by minute each
 * pass's slots of that minute, the order alternating every minute, so that neither
 * pass gets the quieter half of the run. With `shareTicks`, a pass shares one
 * TickMemo per minute across its accounts.
 */
async function runPasses(passes: { db: PrismaClient; pass: Pass; shareTicks: boolean }[]): Promise<Timed[]> {
  const provider = createScriptedProvider(tradingScript);
  const runners = passes.map(({ db, pass, shareTicks }) => {
    const ticks = new Map<number, TickMemo>();
    const tickOf = (T: number) => {
      if (!shareTicks) return undefined;
      if (!ticks.has(T)) ticks.set(T, createTickMemo(db, T));
      return ticks.get(T);
    };
    const timed: Timed = { total: [], statuses: [], minuteReads: { whole: 0, validated: 0 } };
    const run = (s: Slot) => decide(db, { accountId: s.accountId, asset: s.asset, decisionTime: s.T, provider, tick: tickOf(s.T) }).then((r) => timed.statuses.push(r.status));
    return { pass, run, timed };
  });
  for (const r of runners) {
    await timeEach(r.pass.warmup, r.run);
    r.timed.statuses.length = 0;
  }
  const minutes = [...new Set(passes.flatMap(({ pass }) => pass.slots.map((s) => s.T)))].sort((a, b) => a - b);
  for (const [i, T] of minutes.entries()) {
    for (const r of i % 2 ? [...runners].reverse() : runners) {
      const before = { ...closedMinuteStats };
      r.timed.total.push(...(await timeEach(r.pass.slots.filter((s) => s.T === T), r.run)));
      r.timed.minuteReads.whole += closedMinuteStats.whole - before.whole;
      r.timed.minuteReads.validated += closedMinuteStats.validated - before.validated;
    }
  }
  return runners.map((r) => r.timed);
}

/** The first candle stream of the graph (the resolver reads `candleMinutes` of it). */
function candleStream(graph: CloneGraph) {
  const [asset] = assetsOf(graph);
  return streamsOf(graph, asset!).find((s) => s.dataset === "candles")!;
}

export const decisionBenchmark: Benchmark = {
  name: "decision",
  description: "decide() overhead without the model (scripted provider): p50/p90/p99 per decision, and its parts",
  async run(args) {
    const count = Number(args[0] ?? 2_000);
    const templateId = (args[1] ?? "momentum") as TemplateId;
    const { db: setupDb, url, cleanup } = await scratchDatabase();
    const db = createDb({ url });
    const tickDb = createDb({ url });
    try {
      const { plain, shared, owner } = await setUp(setupDb, templateId, count);
      const withStatus = (r: Timed) => ({ ...r, byStatus: (status: string) => r.total.filter((_ms, i) => r.statuses[i] === status) });
      const [plainRun, tickRun] = await runPasses([{ db, pass: plain, shareTicks: false }, { db: tickDb, pass: shared, shareTicks: true }]);
      const own = withStatus(plainRun!);
      const withTick = withStatus(tickRun!);
      for (const [name, r] of [["decide()", own], ["decide() + TickMemo", withTick]] as const) {
        const skipped = [r.byStatus("NO_TRADE").length, r.byStatus("REJECTED").length];
        if (skipped[0]! + skipped[1]! > 0) console.log(`note (${name}): ${skipped[0]} no-trade and ${skipped[1]} rejected decisions (stale data or gates)`);
        console.log(`${name}: closed minutes read whole ${r.minuteReads.whole} times (no copy, or invalidated), validated against the in-process copy ${r.minuteReads.validated} times`);
      }

      // the parts, alone, on the same slots, with the in-process state the pass left (as the next minute would find it)
      const slots = plain.slots;
      const stream = candleStream(slots[0]!.graph);
      const minutes = candleMinutes(stream);
      const context = await timeEach(slots, (s) => resolveContext(db, s.graph, s.T));
      const validated = await timeEach(slots, (s) => perpAtT(db, s.asset, s.T, minutes));
      const assetIds = new Map<string, string>();
      for (const symbol of SYMBOLS) assetIds.set(symbol, (await findAsset(db, "HYPERLIQUID", symbol))!.id);
      const whole = await timeEach(slots, (s) => perpAt(db, assetIds.get(s.asset)!, s.T, minutes));
      const candleRead = await timeEach(slots, (s) => latestCandlesBefore(db, assetIds.get(s.asset)!, s.T, minutes));
      const inputs = await timeEach(slots, (s) => decisionInputs(db, s.accountId, s.asset, s.T));
      const packets = await Promise.all(slots.slice(0, 200).map((s) => resolveContext(db, s.graph, s.T)));
      const snapshot = { equityUsd: 10_000, startUsd: 10_000, freeMarginUsd: 10_000, dayPnlPct: 0, openPositions: [] };
      const promptMs = await timeEach(slots, (s) => {
        const packet = packets[slots.indexOf(s) % packets.length]!;
        return [contextPrompt(packet, s.asset, snapshot), JSON.stringify(packet)];
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

      const all = stats(own.total);
      const allTick = stats(withTick.total);
      const rows: [string, number[]][] = [
        ["decide(): all decisions", own.total],
        ["decide(): HOLD (no order)", own.byStatus("HOLD")],
        ["decide(): ACTION (order, fill, position)", own.byStatus("ACTION")],
        ["decide() + TickMemo per minute: all decisions", withTick.total],
        ["decide() + TickMemo per minute: HOLD", withTick.byStatus("HOLD")],
        ["decide() + TickMemo per minute: ACTION", withTick.byStatus("ACTION")],
        ["part: resolveContext (its own memo)", context],
        [`  of which: perp at T, ${minutes} minutes validated against the copy`, validated],
        [`  cold: the same ${minutes} minutes read whole (no copy)`, whole],
        [`  baseline: the same ${minutes} 1m rows read through Prisma`, candleRead],
        ["part: account, positions, version, slot check", inputs],
        ["part: prompt + packet JSON (CPU)", promptMs],
        ["part: safety gates (CPU)", gates],
        ["part: insert the decision run", insert],
      ];
      printTable(rows.map(([what, ms]) => {
        const s = stats(ms);
        return { what, n: s.n, "p50 ms": fmt(s.p50, 3), "p90 ms": fmt(s.p90, 3), "p99 ms": fmt(s.p99, 3), "mean ms": fmt(s.mean, 3), "per s": fmt(s.perSecond, 0) };
      }));
      const ctx = stats(context);
      console.log(`\ndecide() p50 ${fmt(all.p50, 2)} ms (goal ≤ ${GOAL_P50_MS} ms): ${all.p50 <= GOAL_P50_MS ? "met" : "MISSED"}; ` +
        `with a TickMemo shared per minute ${fmt(allTick.p50, 2)} ms. The context resolver alone is ${fmt((ctx.p50 / all.p50) * 100, 0)}% of it at the median ` +
        `(template ${templateId}, ${minutes} 1m candles per decision). Shared in-process by both passes, as in a scheduler: parsed clone versions, ` +
        `and a copy of each asset's closed minutes that every decision validates in its one market statement; ${ACCOUNTS_PER_SYMBOL} accounts share each asset and minute.`);
      const round = (n: number) => Number(n.toFixed(3));
      const part = (ms: number[]) => round(stats(ms).p50);
      return {
        benchmark: "decision", template: templateId, decisions: all.n,
        p50Ms: round(all.p50), p90Ms: round(all.p90), p99Ms: round(all.p99), meanMs: round(all.mean), decisionsPerSecond: Math.round(all.perSecond),
        holdP50Ms: part(own.byStatus("HOLD")), actionP50Ms: part(own.byStatus("ACTION")), actions: own.byStatus("ACTION").length,
        withTickMemo: {
          p50Ms: round(allTick.p50), p90Ms: round(allTick.p90), p99Ms: round(allTick.p99), meanMs: round(allTick.mean),
          holdP50Ms: part(withTick.byStatus("HOLD")), actionP50Ms: part(withTick.byStatus("ACTION")), actions: withTick.byStatus("ACTION").length,
        },
        minuteReads: { own: own.minuteReads, withTickMemo: withTick.minuteReads },
        partsP50Ms: {
          resolveContext: part(context), perpValidated: part(validated), perpWhole: part(whole), rawMinuteRead: part(candleRead),
          decisionInputs: part(inputs), prompt: part(promptMs), gates: part(gates), insertRun: part(insert),
        },
        resolverShareOfP50: round(ctx.p50 / all.p50), goalP50Ms: GOAL_P50_MS, goalMet: all.p50 <= GOAL_P50_MS,
      };
    } finally {
      await Promise.all([db.$disconnect(), tickDb.$disconnect()]);
      await cleanup();
    }
  },
};
