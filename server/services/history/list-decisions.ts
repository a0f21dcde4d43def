/** A page of a clone's decisions, newest first, filtered by account or mode, asset, status and time. */
import type { decisionsInput } from "@/lib/schemas/history";
import type { PrismaClient } from "@/server/db";
import { listDecisions } from "@/server/repositories/history/decisions";
import type { z } from "zod";
import { toDecisionRow } from "./decision-row";
import { historyScope, historyWhere, paged, type HistoryViewer } from "./scope";

export async function listDecisionHistory(db: PrismaClient, viewer: HistoryViewer, input: z.output<typeof decisionsInput>) {
  const scope = await historyScope(db, viewer, input);
  const where = { ...historyWhere(scope, input), ...(input.status && { status: input.status }) };
  const page = await paged((p) => listDecisions(db, where, p), input.page, input.pageSize);
  return { ...page, rows: page.rows.map(toDecisionRow) };
}
