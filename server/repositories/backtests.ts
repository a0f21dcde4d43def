/** Backtest runs: their inputs, status and progress while running, and the stored report. */
import type { Db } from "@/server/db";

export type BacktestStatus = "RUNNING" | "DONE" | "FAILED";

export interface BacktestRunRow {
  id: string;
  ownerId: string | null;
  cloneId: string | null;
  cloneVersion: number | null;
  templateId: string | null;
  asset: string;
  fromMs: number;
  toMs: number;
  status: BacktestStatus;
  progress: number;
  params: string;
  result: string | null;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

type Stored = Omit<BacktestRunRow, "fromMs" | "toMs" | "status"> & { fromMs: bigint; toMs: bigint; status: string };
const toRow = (r: Stored): BacktestRunRow => ({ ...r, fromMs: Number(r.fromMs), toMs: Number(r.toMs), status: r.status as BacktestStatus });

export async function insertBacktestRun(
  db: Db,
  r: { ownerId: string | null; cloneId: string | null; cloneVersion: number | null; templateId: string | null; asset: string; fromMs: number; toMs: number; params: string },
): Promise<BacktestRunRow> {
  const row = await db.backtestRun.create({ data: { ...r, fromMs: BigInt(r.fromMs), toMs: BigInt(r.toMs), status: "RUNNING", progress: 0 } });
  return toRow(row);
}

export async function findBacktestRun(db: Db, id: string): Promise<BacktestRunRow | null> {
  const row = await db.backtestRun.findUnique({ where: { id } });
  return row && toRow(row);
}

/** Progress of a run still RUNNING (a finished run is not moved back). */
export async function setBacktestProgress(db: Db, id: string, progress: number): Promise<void> {
  await db.backtestRun.updateMany({ where: { id, status: "RUNNING" }, data: { progress } });
}

export async function finishBacktestRun(db: Db, id: string, outcome: { status: "DONE"; result: string } | { status: "FAILED"; error: string }): Promise<void> {
  await db.backtestRun.updateMany({
    where: { id, status: "RUNNING" },
    data: { ...outcome, ...(outcome.status === "DONE" && { progress: 1 }), finishedAt: new Date() },
  });
}

export async function listBacktestRuns(db: Db, where: { cloneId?: string; ownerId?: string }, take = 10) {
  const rows = await db.backtestRun.findMany({ where, orderBy: { createdAt: "desc" }, take, omit: { result: true, params: true } });
  return rows.map((r) => ({ ...r, fromMs: Number(r.fromMs), toMs: Number(r.toMs), status: r.status as BacktestStatus }));
}
