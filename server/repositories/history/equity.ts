/** What an equity curve is rebuilt from: an account's positions and fills, and 1-minute closes as marks. */
import type { Db } from "@/server/db";

export async function positionsForEquity(db: Db, accountId: string) {
  const rows = await db.paperPosition.findMany({
    where: { accountId },
    select: {
      asset: true, side: true, sizeBase: true, entryPrice: true, entryNotionalMicro: true, openedAtMs: true, closedAtMs: true,
      realizedPnlMicro: true, fundingMicro: true, fundingThroughHour: true,
    },
  });
  return rows.map((r) => ({
    asset: r.asset, side: r.side as "long" | "short", sizeBase: r.sizeBase, entryPrice: r.entryPrice, entryNotionalMicro: Number(r.entryNotionalMicro),
    openedAt: Number(r.openedAtMs), ...(r.closedAtMs !== null && { closedAt: Number(r.closedAtMs) }),
    realizedPnlMicro: Number(r.realizedPnlMicro), fundingMicro: Number(r.fundingMicro), fundingThroughHour: Number(r.fundingThroughHour),
  }));
}

export async function fillsForEquity(db: Db, accountId: string) {
  const rows = await db.paperFill.findMany({ where: { accountId }, orderBy: { timeMs: "asc" }, select: { asset: true, price: true, feeMicro: true, timeMs: true } });
  return rows.map((r) => ({ asset: r.asset, price: r.price, feeMicro: Number(r.feeMicro), time: Number(r.timeMs) }));
}

/** When the account first decided: where its curve starts. */
export async function firstDecisionMs(db: Db, accountId: string): Promise<number | null> {
  const r = await db.decisionRun.aggregate({ where: { accountId }, _min: { decisionTimeMs: true } });
  return r._min.decisionTimeMs === null ? null : Number(r._min.decisionTimeMs);
}

/** Closes of the given 1-minute candles of a Hyperliquid perp (missing minutes are left out). */
export async function candleCloses(db: Db, symbol: string, openTimesMs: readonly number[]) {
  if (openTimesMs.length === 0) return [];
  const asset = await db.marketAsset.findUnique({ where: { venue_symbol: { venue: "HYPERLIQUID", symbol } }, select: { id: true } });
  if (!asset) return [];
  const rows = await db.candle.findMany({
    where: { assetId: asset.id, openTimeMs: { in: openTimesMs.map((t) => BigInt(t)) } },
    orderBy: { openTimeMs: "asc" },
    select: { openTimeMs: true, close: true },
  });
  return rows.map((r) => ({ openTimeMs: Number(r.openTimeMs), close: r.close }));
}
