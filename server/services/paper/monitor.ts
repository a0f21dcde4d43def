/**
 * Watching open positions between decisions: every stored 1-minute bar since the
 * position was last updated goes through the stop-loss / take-profit / trailing
 * stop rules, and every funding hour crossed books its payment, in time order, so
 * nothing accrues after an exit. One transaction per position.
 */
import { applyFunding } from "@/lib/domain/paper/funding";
import { HOUR_MS, onPrice } from "@/lib/domain/paper/position";
import { transaction, type PrismaClient } from "@/server/db";
import { findAsset } from "@/server/repositories/market/assets";
import { bookBefore, fundingBefore } from "@/server/repositories/market/before";
import { candlesInRange } from "@/server/repositories/market/series";
import * as paper from "@/server/repositories/paper";
import { book, closePosition } from "./execute";

const M = 60_000;

export interface MonitorResult {
  exits: { positionId: string; reason: string; price: number }[];
  fundingHours: number;
}

export async function monitorAccount(db: PrismaClient, accountId: string, until: number): Promise<MonitorResult> {
  const result: MonitorResult = { exits: [], fundingHours: 0 };
  for (const stored of await paper.openPositions(db, accountId)) {
    if (stored.position.state !== "MONITORING") continue;
    const asset = await findAsset(db, "HYPERLIQUID", stored.position.asset);
    if (!asset) continue;
    const meta = JSON.parse(asset.meta) as { szDecimals?: number };
    // bars that opened after the last update: the entry minute's earlier prices never trigger anything
    const from = Math.ceil((stored.position.updatedAt + 1) / M) * M;
    const bars = await candlesInRange(db, asset.id, from, Math.floor(until / M) * M);
    await transaction(db, async (tx) => {
      const account = await paper.findAccount(tx, accountId);
      if (!account) return;
      let position = stored.position;
      const applyFundingUpTo = async (time: number) => {
        for (let h = position.fundingThroughHour + HOUR_MS; h <= time; h += HOUR_MS) {
          const [rate] = await fundingBefore(tx, asset.id, h + 1, 1);
          if (!rate || rate.time !== h) break; // that hour's rate is not in market memory yet: try again later
          const [mark] = await candlesInRange(tx, asset.id, h - M, h);
          const applied = applyFunding(position, { hour: h, markPrice: mark?.close ?? position.lastPrice, hourlyRate: rate.rate });
          if (!applied.ok) break;
          position = applied.position;
          await book(tx, account, applied.delta);
          result.fundingHours++;
        }
      };
      for (const bar of bars) {
        await applyFundingUpTo(bar.openTime);
        const update = onPrice(position, { time: bar.openTime + M - 1, open: bar.open, high: bar.high, low: bar.low, close: bar.close });
        position = update.position;
        if (!update.trigger) continue;
        const time = bar.openTime + M - 1;
        const bookAt = await bookBefore(tx, asset.id, time);
        const exit = await closePosition(tx, {
          account, stored: { id: stored.id, position }, reason: update.trigger.reason, trigger: update.trigger, time,
          market: { referencePrice: update.trigger.referencePrice, priceTime: time, szDecimals: meta.szDecimals ?? 4, ...(bookAt && { bestBid: bookAt.bestBid, bestAsk: bookAt.bestAsk, bidDepthUsd: bookAt.bidDepthUsd, askDepthUsd: bookAt.askDepthUsd }) },
          decisionRunId: null, clientKey: `${stored.id}:exit`, purpose: update.trigger.kind.toUpperCase(),
        });
        if (exit.ok) result.exits.push({ positionId: stored.id, reason: update.trigger.reason, price: exit.fill.price });
        return;
      }
      await applyFundingUpTo(until);
      await paper.savePosition(tx, stored.id, position);
    });
  }
  return result;
}
