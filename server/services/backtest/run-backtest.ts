/**
 * A backtest: which graph (a clone's current version or a template), checked like
 * the runner would run it (a rules clone, an enabled Hyperliquid asset of the
 * graph, the runtime controls' global caps), over a window of market memory loaded
 * once, through the in-memory engine (lib/domain/backtest), progress reported
 * between steps of a day. The kill switch is not applied: a backtest trades nothing.
 */
import { createBacktest } from "@/lib/domain/backtest/engine";
import type { BacktestResult } from "@/lib/domain/backtest/result";
import { backtestWindow } from "@/lib/domain/backtest/window";
import { DomainError } from "@/lib/domain/errors";
import { assetsOf, tradingClone } from "@/lib/domain/graph/queries";
import type { CloneGraph } from "@/lib/domain/graph/schema";
import { templateGraph, type TemplateId } from "@/lib/domain/graph/templates";
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import type { GlobalLimits } from "@/lib/domain/runtime/controls";
import type { PrismaClient } from "@/server/db";
import { findClone, findCloneVersion } from "@/server/repositories/clones";
import { candleCoverage } from "@/server/repositories/market/backtest-series";
import { getClone } from "../clones/clones";
import { readRuntimeControls } from "../runtime/controls";
import { loadBacktestMarket } from "./load-market";

const M = 60_000;
const DAY_MINUTES = 1_440;
/** A backtest starts where a creator's PERSONAL account starts. */
export const BACKTEST_START_USD = 10_000;

export type BacktestTarget = { kind: "clone"; cloneId: string; viewerId?: string } | { kind: "template"; templateId: TemplateId };

export interface BacktestInput {
  target: BacktestTarget;
  asset: string;
  from: number;
  to: number;
  now: number;
  startUsd?: number;
}

export interface PreparedBacktest {
  graph: CloneGraph;
  /** as the graph spells it */
  asset: string;
  from: number;
  to: number;
  startMicro: number;
  /** the runtime controls' global caps now in force: the runner applies them to every live decision */
  limits: GlobalLimits;
  clone: { id: string; version: number } | null;
  templateId: TemplateId | null;
  /** the window's stored minutes (a window with none is refused) */
  coverage: { minutes: number; expected: number };
}

export async function prepareBacktest(db: PrismaClient, input: BacktestInput): Promise<PreparedBacktest> {
  const { from, to } = backtestWindow(input.from, input.to, input.now);
  const { graph, clone } = await targetGraph(db, input.target, input.asset);
  const block = assetsOf(graph).find((a) => a.symbol === input.asset) ?? assetsOf(graph).find((a) => a.symbol.toUpperCase() === input.asset.toUpperCase());
  if (!block) throw new DomainError("VALIDATION_FAILED", `${input.asset} is not an asset of this clone (its assets: ${assetsOf(graph).map((a) => a.symbol).join(", ")})`, "asset");
  if (block.venue !== "HYPERLIQUID") throw new DomainError("VALIDATION_FAILED", `${block.symbol} is a ${block.venue} asset; paper trading (and so a backtest) is on Hyperliquid perps`, "asset");
  if (!block.enabled) throw new DomainError("VALIDATION_FAILED", `${block.symbol} is paused in this clone: the runner makes no decisions for it`, "asset");
  const provider = tradingClone(graph).provider;
  if (provider !== "rules") {
    const slots = Math.round((to - from) / M);
    throw new DomainError("VALIDATION_FAILED", `backtests run rules clones; this one's provider is ${provider} (a model call at every decision slot, up to ${slots.toLocaleString("en-US")} of them)`, input.target.kind === "clone" ? "cloneId" : "templateId");
  }
  const coverage = await candleCoverage(db, block.symbol, from, to);
  if (coverage.count === 0) {
    const iso = (ms: number) => new Date(ms).toISOString();
    throw new DomainError("VALIDATION_FAILED", `market memory has no ${block.symbol} minutes between ${iso(from)} and ${iso(to)}: backfill them first (npm run market -- backfill --source replay --asset ${block.symbol} --interval 1m --from ${iso(from)} --to ${iso(to)})`, "from");
  }
  return {
    graph, asset: block.symbol, from, to, startMicro: usdToMicro(input.startUsd ?? BACKTEST_START_USD), clone, limits: (await readRuntimeControls(db)).limits,
    templateId: input.target.kind === "template" ? input.target.templateId : null,
    coverage: { minutes: coverage.count, expected: (to - from) / M },
  };
}

async function targetGraph(db: PrismaClient, target: BacktestTarget, asset: string): Promise<{ graph: CloneGraph; clone: PreparedBacktest["clone"] }> {
  if (target.kind === "template") return { graph: templateGraph(target.templateId, { symbol: asset }), clone: null };
  if (target.viewerId !== undefined) {
    // someone else's clone is reported as missing, as everywhere in the Studio
    const view = await getClone(db, { viewerId: target.viewerId, cloneId: target.cloneId });
    return { graph: view.graph, clone: { id: view.id, version: view.version } };
  }
  const clone = await findClone(db, target.cloneId);
  const row = clone && (await findCloneVersion(db, clone.id, clone.currentVersion));
  if (!clone || !row) throw new DomainError("NOT_FOUND", `no clone has the id ${target.cloneId}`, "cloneId");
  return { graph: JSON.parse(row.graph) as CloneGraph, clone: { id: clone.id, version: clone.currentVersion } };
}

export interface RunOptions {
  /** 0 to 1, after each step of the engine; awaited, so a caller may write it down */
  onProgress?: (fraction: number) => unknown;
  /** minutes of the window per step (default a day) */
  stepMinutes?: number;
}

export interface BacktestRunOutcome {
  result: BacktestResult;
  /** reading market memory, and the engine itself (the pauses for progress excluded) */
  timings: { loadMs: number; engineMs: number };
}

export async function runBacktest(db: PrismaClient, prepared: PreparedBacktest, options: RunOptions = {}): Promise<BacktestRunOutcome> {
  const loadStart = performance.now();
  const market = await loadBacktestMarket(db, prepared.graph, prepared.asset, prepared.from, prepared.to);
  const loadMs = performance.now() - loadStart;
  let engineMs = 0;
  const timed = <T>(fn: () => T): T => {
    const start = performance.now();
    try {
      return fn();
    } finally {
      engineMs += performance.now() - start;
    }
  };
  const backtest = timed(() =>
    createBacktest({ graph: prepared.graph, asset: prepared.asset, from: prepared.from, to: prepared.to, startMicro: prepared.startMicro, market, limits: prepared.limits }),
  );
  const step = options.stepMinutes ?? DAY_MINUTES;
  while (!backtest.done) {
    timed(() => backtest.advance(step));
    await options.onProgress?.(backtest.progress);
    // the engine is synchronous: let the process answer other requests between steps
    await new Promise((resolve) => setImmediate(resolve));
  }
  const result = timed(() => backtest.result());
  await options.onProgress?.(1);
  return { result, timings: { loadMs, engineMs } };
}
