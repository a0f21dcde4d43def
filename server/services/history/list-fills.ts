/** A page of a clone's paper fills, newest first, with the purpose and decision of their order. */
import type { fillsInput } from "@/lib/schemas/history";
import type { PrismaClient } from "@/server/db";
import { listFills } from "@/server/repositories/history/trades";
import type { z } from "zod";
import { historyScope, historyWhere, paged, type HistoryViewer } from "./scope";

export async function listFillHistory(db: PrismaClient, viewer: HistoryViewer, input: z.output<typeof fillsInput>) {
  const scope = await historyScope(db, viewer, input);
  return paged((p) => listFills(db, historyWhere(scope, input), p), input.page, input.pageSize);
}
