/**
 * A page of a clone's positions, newest opened first; open or closed. Net PnL is
 * the price PnL less fees plus funding received: realized for a closed position,
 * unrealized at the last price the position saw for an open one (updated by the
 * monitor every bar, so at most a minute or so old).
 */
import { mulPriceSize } from "@/lib/domain/paper/money-micro";
import { pricePnlMicro } from "@/lib/domain/paper/position";
import type { positionsInput } from "@/lib/schemas/history";
import type { PrismaClient } from "@/server/db";
import { listPositions } from "@/server/repositories/history/trades";
import type { z } from "zod";
import { historyScope, historyWhere, paged, type HistoryViewer } from "./scope";

export async function listPositionHistory(db: PrismaClient, viewer: HistoryViewer, input: z.output<typeof positionsInput>) {
  const scope = await historyScope(db, viewer, input);
  const where = { ...historyWhere(scope, input), ...(input.state && { state: input.state }) };
  const page = await paged((p) => listPositions(db, where, p), input.page, input.pageSize);
  return {
    ...page,
    rows: page.rows.map((r) => {
      const closed = r.state === "CLOSED";
      const priceMicro = closed ? r.realizedPnlMicro : pricePnlMicro({ side: r.side as "long" | "short", entryNotionalMicro: r.entryNotionalMicro }, mulPriceSize(r.lastPrice, r.sizeBase));
      return { ...r, netPnlMicro: priceMicro - r.feesMicro + r.fundingMicro };
    }),
  };
}
