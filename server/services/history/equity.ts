/**
 * A paper account's equity curve for the chart (lib/domain/history/equity-series.ts
 * says how each point is computed; sample-times.ts which times are sampled).
 *
 * The account: the one the filters name, else the clone's PERSONAL account, else its
 * newest. The curve runs from the account's first decision (or fill) to now, or over
 * the requested range inside that. Open positions are marked at each sample time with
 * the close of the last 1-minute candle before it (or a later fill's price), and the
 * final point at now with the same price the clone page's headline equity uses, so
 * the curve ends where the headline stands. At most 500 points, whatever the age.
 */
import { systemClock, type Clock } from "@/lib/domain/clock";
import { equitySeries, type PricePoint } from "@/lib/domain/history/equity-series";
import { equitySampleTimes } from "@/lib/domain/history/sample-times";
import type { equityInput } from "@/lib/schemas/history";
import type { PrismaClient } from "@/server/db";
import { candleCloses, firstDecisionMs, fillsForEquity, positionsForEquity } from "@/server/repositories/history/equity";
import type { z } from "zod";
import { marketAt } from "../paper/market-at";
import { historyScope, type HistoryViewer } from "./scope";

const M = 60_000;

export async function historyEquity(db: PrismaClient, viewer: HistoryViewer, input: z.output<typeof equityInput>, clock: Clock = systemClock) {
  const scope = await historyScope(db, viewer, input);
  const account = scope.selected.find((a) => a.mode === "PERSONAL") ?? scope.selected.at(-1);
  if (!account) return { account: null, points: [] };
  const summary = { id: account.id, mode: account.mode, startMicro: account.startMicro };
  const now = clock.now().getTime();
  return { account: summary, points: await accountEquityCurve(db, account, { from: input.from, to: Math.min(now, input.to ?? now), now, maxPoints: input.maxPoints }) };
}

/**
 * One account's equity curve over [from, to] (from defaults to its first decision or
 * fill), at most maxPoints points. `now` is when an open position is marked at the
 * latest price instead of a candle close (the curve ends at the headline equity).
 */
export async function accountEquityCurve(db: PrismaClient, account: { id: string; startMicro: number }, range: { from?: number; to: number; now: number; maxPoints?: number }) {
  const { now } = range;
  const [positions, fills, firstDecision] = await Promise.all([positionsForEquity(db, account.id), fillsForEquity(db, account.id), firstDecisionMs(db, account.id)]);
  const began = Math.min(firstDecision ?? Infinity, fills[0]?.time ?? Infinity);
  if (!Number.isFinite(began)) return [];
  const from = Math.max(began, range.from ?? began);
  const to = range.to;
  if (to < from) return [];
  const events = [...fills.map((f) => f.time), ...positions.flatMap((p) => (p.closedAt === undefined ? [] : [p.closedAt]))];
  const times = equitySampleTimes({ from, to, events, maxPoints: range.maxPoints });

  const prices: Record<string, PricePoint[]> = {};
  for (const asset of new Set(positions.map((p) => p.asset))) {
    const held = positions.filter((p) => p.asset === asset);
    const needed = times.filter((t) => held.some((p) => p.openedAt <= t && (p.closedAt === undefined || t < p.closedAt)));
    if (needed.length === 0) continue;
    const minutes = [...new Set(needed.map((t) => Math.floor(t / M) * M - M))];
    const closes = (await candleCloses(db, asset, minutes)).map((c) => ({ time: c.openTimeMs + M, price: c.close }));
    const atFills = fills.filter((f) => f.asset === asset).map((f) => ({ time: f.time, price: f.price }));
    const openNow = to === now && held.some((p) => p.closedAt === undefined);
    const latest = openNow ? await marketAt(db, asset, now) : null;
    prices[asset] = [...closes, ...atFills, ...(latest ? [{ time: now, price: latest.referencePrice }] : [])].sort((a, b) => a.time - b.time);
  }
  return equitySeries({ startMicro: account.startMicro, positions, fills, prices, times });
}
