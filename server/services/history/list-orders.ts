/** A page of a clone's paper orders, newest first (FILLED with the fill price, or REJECTED with the reason). */
import type { ordersInput } from "@/lib/schemas/history";
import type { PrismaClient } from "@/server/db";
import { listOrders } from "@/server/repositories/history/trades";
import type { z } from "zod";
import { historyScope, historyWhere, paged, type HistoryViewer } from "./scope";

export async function listOrderHistory(db: PrismaClient, viewer: HistoryViewer, input: z.output<typeof ordersInput>) {
  const scope = await historyScope(db, viewer, input);
  const where = { ...historyWhere(scope, input), ...(input.status && { status: input.status }) };
  return paged((p) => listOrders(db, where, p), input.page, input.pageSize);
}
