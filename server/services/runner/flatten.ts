/**
 * Kill switch at Flatten: every open position on a running account is closed at the
 * next available price, through the one exit path (order purpose FLATTEN, exit
 * reason CLOSE_SIGNAL: an operator's close signal). One transaction per position;
 * the client key makes a second flatten of the same position (another worker, the
 * next tick) order nothing twice. A position with no price yet stays open and is
 * reported: flatten never invents a price.
 */
import { transaction, type PrismaClient } from "@/server/db";
import * as paper from "@/server/repositories/paper";
import { closePosition } from "../paper/execute";
import { marketAt } from "../paper/market-at";

export interface FlattenReport {
  closed: number;
  left: { positionId: string; asset: string; reason: string }[];
}

export async function flattenOpenPositions(db: PrismaClient, now: number): Promise<FlattenReport> {
  const report: FlattenReport = { closed: 0, left: [] };
  for (const { accountId, positionId, asset } of await paper.openPositionsToFlatten(db)) {
    const market = await marketAt(db, asset, now);
    if (!market) {
      report.left.push({ positionId, asset, reason: `no ${asset} price before ${new Date(now).toISOString()}` });
      continue;
    }
    const closed = await transaction(db, async (tx) => {
      // re-read inside the transaction: a stop or a close signal may have exited it meanwhile
      const account = await paper.findAccount(tx, accountId);
      const stored = (await paper.openPositions(tx, accountId)).find((s) => s.id === positionId);
      if (!account || !stored || stored.position.state !== "MONITORING") return null;
      return closePosition(tx, { account, stored, reason: "CLOSE_SIGNAL", market, time: now, decisionRunId: null, clientKey: `${positionId}:flatten`, purpose: "FLATTEN" });
    });
    if (closed?.ok) report.closed++;
    else if (closed) report.left.push({ positionId, asset, reason: closed.reason });
  }
  if (report.closed || report.left.length) console.warn(`[runner] flatten: closed ${report.closed} position(s)${report.left.length ? `, ${report.left.length} left open: ${report.left.map((l) => `${l.asset} (${l.reason})`).join("; ")}` : ""}`);
  return report;
}
