/**
 * Reads of market memory as a decision at time T may see it: only points stamped
 * strictly before T (a 1-minute candle only once it has closed, see series.ts).
 * Each returns the newest first-N, oldest first.
 */
import type { Db } from "@/server/db";

const n = (v: bigint) => Number(v);

export async function fundingBefore(db: Db, assetId: string, beforeMs: number, limit: number) {
  const rows = await db.fundingRate.findMany({
    where: { assetId, timeMs: { lt: BigInt(beforeMs) } },
    orderBy: { timeMs: "desc" },
    take: limit,
    select: { timeMs: true, rate: true, premium: true },
  });
  return rows.reverse().map((r) => ({ time: n(r.timeMs), rate: r.rate, premium: r.premium }));
}

export async function contextsBefore(db: Db, assetId: string, beforeMs: number, limit: number) {
  const rows = await db.assetContext.findMany({
    where: { assetId, timeMs: { lt: BigInt(beforeMs) } },
    orderBy: { timeMs: "desc" },
    take: limit,
    omit: { assetId: true, source: true },
  });
  return rows.reverse().map(({ timeMs, ...r }) => ({ time: n(timeMs), ...r }));
}

export async function bookBefore(db: Db, assetId: string, beforeMs: number) {
  const row = await db.bookSnapshot.findFirst({
    where: { assetId, timeMs: { lt: BigInt(beforeMs) } },
    orderBy: { timeMs: "desc" },
    omit: { assetId: true, source: true },
  });
  if (!row) return null;
  const { timeMs, levels, ...rest } = row;
  return { ...rest, time: n(timeMs), levels: JSON.parse(levels) as { bids: number[][]; asks: number[][] } };
}

export async function predictionPricesBefore(db: Db, assetId: string, beforeMs: number, limit: number) {
  const rows = await db.predictionPrice.findMany({
    where: { assetId, outcome: 0, timeMs: { lt: BigInt(beforeMs) } },
    orderBy: { timeMs: "desc" },
    take: limit,
    select: { timeMs: true, price: true },
  });
  return rows.reverse().map((r) => ({ time: n(r.timeMs), price: r.price }));
}

export async function macroBefore(db: Db, assetId: string, beforeMs: number, limit: number) {
  const rows = await db.macroPoint.findMany({
    where: { assetId, timeMs: { lt: BigInt(beforeMs) } },
    orderBy: { timeMs: "desc" },
    take: limit,
    select: { timeMs: true, value: true },
  });
  return rows.reverse().map((r) => ({ time: n(r.timeMs), value: r.value }));
}

export function predictionMarketOf(db: Db, assetId: string) {
  return db.predictionMarket.findUnique({
    where: { assetId },
    select: { question: true, outcomes: true, endTimeMs: true, active: true, closed: true, volume: true, liquidity: true, updatedAt: true },
  });
}
