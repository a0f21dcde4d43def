/**
 * Stored backtest runs. A run is recorded with its exact inputs (the graph, asset,
 * window, start equity) before it starts, reports its progress while RUNNING and
 * keeps its whole report when DONE (fills and trades included: see the note in
 * lib/domain/backtest/result.ts on why they are not paper-account rows).
 *
 * From the Studio a run is started and runs on in this process while the caller
 * polls it; a process that stops mid-run leaves it RUNNING without progress, which
 * get reports as FAILED after a while.
 */
import type { BacktestResult } from "@/lib/domain/backtest/result";
import { DomainError } from "@/lib/domain/errors";
import type { PrismaClient } from "@/server/db";
import * as runs from "@/server/repositories/backtests";
import { prepareBacktest, runBacktest, type BacktestRunOutcome, type PreparedBacktest, type RunOptions } from "./run-backtest";

/** A RUNNING run whose progress has not moved for this long was interrupted. */
export const STALLED_AFTER_MS = 2 * 60_000;

export interface StoredResult extends BacktestResult {
  timings: BacktestRunOutcome["timings"];
  coverage: PreparedBacktest["coverage"];
}

export async function recordBacktest(db: PrismaClient, prepared: PreparedBacktest, ownerId: string | null) {
  return runs.insertBacktestRun(db, {
    ownerId, cloneId: prepared.clone?.id ?? null, cloneVersion: prepared.clone?.version ?? null, templateId: prepared.templateId,
    asset: prepared.asset, fromMs: prepared.from, toMs: prepared.to,
    params: JSON.stringify({ graph: prepared.graph, asset: prepared.asset, from: prepared.from, to: prepared.to, startMicro: prepared.startMicro, limits: prepared.limits, coverage: prepared.coverage }),
  });
}

/** Runs a recorded backtest to its end, writing progress (each 1%) and then the report or the error. */
export async function executeBacktest(db: PrismaClient, runId: string, prepared: PreparedBacktest, options: RunOptions = {}): Promise<StoredResult> {
  let written = 0;
  try {
    const outcome = await runBacktest(db, prepared, {
      ...options,
      onProgress: async (fraction) => {
        await options.onProgress?.(fraction);
        if (fraction - written >= 0.01 && fraction < 1) {
          written = fraction;
          await runs.setBacktestProgress(db, runId, fraction);
        }
      },
    });
    const stored: StoredResult = { ...outcome.result, timings: outcome.timings, coverage: prepared.coverage };
    await runs.finishBacktestRun(db, runId, { status: "DONE", result: JSON.stringify(stored) });
    return stored;
  } catch (e) {
    await runs.finishBacktestRun(db, runId, { status: "FAILED", error: e instanceof Error ? e.message : String(e) }).catch(() => undefined);
    throw e;
  }
}

/** The Studio's start: the owner's clone, checked, recorded, then run on in the background. */
export async function startBacktestRun(db: PrismaClient, input: { ownerId: string; cloneId: string; asset: string; from: number; to: number; now: number }) {
  const prepared = await prepareBacktest(db, { target: { kind: "clone", cloneId: input.cloneId, viewerId: input.ownerId }, asset: input.asset, from: input.from, to: input.to, now: input.now });
  const run = await recordBacktest(db, prepared, input.ownerId);
  void executeBacktest(db, run.id, prepared).catch((e: unknown) => console.error(`[backtest] run ${run.id} failed:`, e));
  return { id: run.id, coverage: prepared.coverage };
}

export interface BacktestView {
  id: string;
  status: runs.BacktestStatus;
  progress: number;
  cloneId: string | null;
  cloneVersion: number | null;
  asset: string;
  from: number;
  to: number;
  error: string | null;
  result: StoredResult | null;
}

/** A run of the viewer's (anyone else's is reported as missing). */
export async function getBacktestRun(db: PrismaClient, input: { viewerId: string; id: string; now: number }): Promise<BacktestView> {
  const run = await runs.findBacktestRun(db, input.id);
  if (!run || run.ownerId !== input.viewerId) throw new DomainError("NOT_FOUND", "No backtest of yours has this id", "id");
  let { status, error } = run;
  if (status === "RUNNING" && input.now - run.updatedAt.getTime() > STALLED_AFTER_MS) {
    error = "the run stopped making progress (the server restarted while it ran?); start it again";
    await runs.finishBacktestRun(db, run.id, { status: "FAILED", error });
    status = "FAILED";
  }
  return {
    id: run.id, status, progress: run.progress, cloneId: run.cloneId, cloneVersion: run.cloneVersion, asset: run.asset, from: run.fromMs, to: run.toMs,
    error, result: run.result ? (JSON.parse(run.result) as StoredResult) : null,
  };
}
