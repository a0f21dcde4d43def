/** Decision runs for the trading history: a page of summaries, one run whole, or a batch to export. */
import type { Db } from "@/server/db";
import { after, common, timeRange, type ExportCursor, type HistoryWhere, type Page } from "./filters";

export type DecisionWhere = HistoryWhere & { status?: string };

const where = (w: DecisionWhere) => ({ ...common(w), ...(w.status && { status: w.status }), decisionTimeMs: timeRange(w) });

const summary = {
  id: true, accountId: true, mode: true, asset: true, decisionTimeMs: true, status: true, reason: true, parsedAction: true,
  provider: true, model: true, cloneVersion: true, latencyMs: true, inputTokens: true, outputTokens: true, costMicroUsd: true,
} as const;

const toSummary = <T extends { decisionTimeMs: bigint; costMicroUsd: bigint }>(r: T) => ({
  ...r, decisionTimeMs: Number(r.decisionTimeMs), costMicroUsd: Number(r.costMicroUsd),
});

export async function listDecisions(db: Db, w: DecisionWhere, page: Page) {
  const [total, rows] = await Promise.all([
    db.decisionRun.count({ where: where(w) }),
    db.decisionRun.findMany({ where: where(w), orderBy: [{ decisionTimeMs: "desc" }, { id: "desc" }], ...page, select: summary }),
  ]);
  return { total, rows: rows.map(toSummary) };
}

export async function decisionsBatch(db: Db, w: DecisionWhere, cursor: ExportCursor | null, take: number) {
  const rows = await db.decisionRun.findMany({
    where: { ...where(w), ...after("decisionTimeMs", cursor) }, orderBy: [{ decisionTimeMs: "asc" }, { id: "asc" }], take, select: summary,
  });
  return rows.map(toSummary);
}

export async function findDecisionForHistory(db: Db, id: string) {
  const r = await db.decisionRun.findUnique({
    where: { id },
    select: { ...summary, cloneId: true, contextPacket: true, prompt: true, response: true, validation: true, cacheReadTokens: true, cacheWriteTokens: true },
  });
  return r && toSummary(r);
}

/** The orders a decision placed, with their fills. */
export async function ordersOfDecision(db: Db, decisionRunId: string) {
  const rows = await db.paperOrder.findMany({
    where: { decisionRunId },
    orderBy: { createdAtMs: "asc" },
    select: {
      id: true, purpose: true, side: true, sizeBase: true, status: true, reason: true, createdAtMs: true,
      fills: { select: { price: true, sizeBase: true, notionalMicro: true, feeMicro: true, slippageBps: true, timeMs: true } },
    },
  });
  return rows.map((o) => ({
    ...o, createdAtMs: Number(o.createdAtMs),
    fills: o.fills.map((f) => ({ ...f, notionalMicro: Number(f.notionalMicro), feeMicro: Number(f.feeMicro), timeMs: Number(f.timeMs) })),
  }));
}
