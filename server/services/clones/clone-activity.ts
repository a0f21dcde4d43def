/**
 * A clone's page for its creator: who it is, its private PERSONAL account (equity
 * at the latest prices, open positions, fills), and its decisions with the
 * reasoning behind each. Reasoning is returned as text and shown as text.
 */
import { systemClock, type Clock } from "@/lib/domain/clock";
import type { Action } from "@/lib/domain/actions/action";
import { tradingClone, tradingPrompt } from "@/lib/domain/graph/queries";
import { equityBreakdown, unrealizedPnlMicro } from "@/lib/domain/paper/account";
import type { PrismaClient } from "@/server/db";
import { listDecisionRuns } from "@/server/repositories/decisions";
import * as paper from "@/server/repositories/paper";
import { marketAt } from "../paper/market-at";
import { getClone } from "./clones";

export const DECISIONS_PAGE_SIZE = 25;

export async function cloneActivity(db: PrismaClient, input: { viewerId: string; cloneId: string; page: number }, clock: Clock = systemClock) {
  const clone = await getClone(db, { viewerId: input.viewerId, cloneId: input.cloneId });
  const block = tradingClone(clone.graph);
  const prompt = tradingPrompt(clone.graph);
  const account = (await paper.accountsOfClone(db, clone.id)).find((a) => a.mode === "PERSONAL") ?? null;
  const identity = {
    id: clone.id, name: block.name, tagline: block.tagline, avatar: block.avatar, provider: block.provider,
    model: block.provider === "rules" ? prompt.strategy : block.model ?? "", strategy: prompt.strategy, cadence: prompt.cadence, version: clone.version,
  };
  if (!account) return { clone: identity, account: null, positions: [], fills: [], closed: [], decisions: { rows: [], total: 0, page: 1, pageCount: 1 } };

  const now = clock.now().getTime();
  const open = await paper.openPositions(db, account.id);
  const marks: Record<string, number> = {};
  for (const symbol of new Set(open.map((s) => s.position.asset))) {
    const m = await marketAt(db, symbol, now);
    if (m) marks[symbol] = m.referencePrice;
  }
  const breakdown = equityBreakdown(account, open.map((s) => s.position), marks);
  const total = (await listDecisionRuns(db, account.id, { skip: 0, take: 0 })).total;
  const pageCount = Math.max(1, Math.ceil(total / DECISIONS_PAGE_SIZE));
  const page = Math.min(Math.max(1, input.page), pageCount);
  const runs = await listDecisionRuns(db, account.id, { skip: (page - 1) * DECISIONS_PAGE_SIZE, take: DECISIONS_PAGE_SIZE });
  return {
    clone: identity,
    account: { ...breakdown, mode: account.mode },
    positions: open.map(({ id, position: p }) => ({
      id, asset: p.asset, side: p.side, sizeBase: p.sizeBase, entryPrice: p.entryPrice, leverage: p.leverage, state: p.state,
      stopLoss: p.stopLoss ?? null, takeProfit: p.takeProfit ?? null, mark: marks[p.asset] ?? p.lastPrice,
      unrealizedMicro: unrealizedPnlMicro(p, marks[p.asset] ?? p.lastPrice), openedAt: p.openedAt,
    })),
    fills: await paper.recentFills(db, account.id, 20),
    closed: (await paper.closedPositions(db, account.id, 10)).map(({ id, position: p }) => ({
      id, asset: p.asset, side: p.side, entryPrice: p.entryPrice, exitPrice: p.exitPrice ?? null, exitReason: p.exitReason ?? null,
      realizedMicro: p.realizedPnlMicro - p.feesMicro + p.fundingMicro, closedAt: p.closedAt ?? null,
    })),
    decisions: {
      rows: runs.rows.map((r) => {
        const action = r.parsedAction ? (JSON.parse(r.parsedAction) as Action) : null;
        return { id: r.id, asset: r.asset, time: r.decisionTimeMs, status: r.status, reason: r.reason, action: action?.action ?? null, sizePct: action?.sizePct ?? null, leverage: action?.leverage ?? null, reasoning: action?.reasoning ?? null, confidence: action?.confidence ?? null, latencyMs: r.latencyMs };
      }),
      total, page, pageCount,
    },
  };
}
