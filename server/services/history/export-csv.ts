/**
 * A clone's history as CSV, for the download links: the same authorization and
 * filters as the history procedures, every matching row oldest first, read in
 * batches by keyset (stable while new decisions arrive) and yielded as text
 * chunks, so a long history streams without being held in memory.
 *
 * The scope is checked before the first byte: a caller that may not read the clone
 * gets the DomainError, not a half-written file.
 */
import { csvRow } from "@/lib/domain/history/csv";
import type { HistoryFilters, HistoryKind } from "@/lib/schemas/history";
import type { PrismaClient } from "@/server/db";
import { decisionsBatch } from "@/server/repositories/history/decisions";
import type { ExportCursor } from "@/server/repositories/history/filters";
import { fillsBatch, ordersBatch, positionsBatch } from "@/server/repositories/history/trades";
import { DECISION_COLUMNS, FILL_COLUMNS, ORDER_COLUMNS, POSITION_COLUMNS, type CsvColumns } from "./csv-columns";
import { historyScope, historyWhere, type HistoryViewer } from "./scope";

export const CSV_BATCH = 1_000;

export interface HistoryCsvRequest {
  kind: HistoryKind;
  filters: HistoryFilters;
  status?: string;
  state?: "open" | "closed";
}

export async function historyCsv(db: PrismaClient, viewer: HistoryViewer, req: HistoryCsvRequest, batch = CSV_BATCH) {
  const scope = await historyScope(db, viewer, req.filters);
  const where = historyWhere(scope, req.filters);
  const modes = new Map(scope.accounts.map((a) => [a.id, a.mode as string]));
  const mode = (accountId: string) => modes.get(accountId) ?? "";
  const stamp = new Date().toISOString().slice(0, 10);
  const slug = scope.clone.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "clone";
  const filename = `${slug}-${req.kind}-${stamp}.csv`;

  async function* rows<R extends { id: string }>(columns: CsvColumns<R>, fetch: (cursor: ExportCursor | null) => Promise<R[]>, time: (r: R) => number) {
    yield csvRow(columns.header);
    let cursor: ExportCursor | null = null;
    for (;;) {
      const page = await fetch(cursor);
      if (page.length === 0) return;
      yield page.map((r) => csvRow(columns.cells(r, mode))).join("");
      if (page.length < batch) return;
      const last = page.at(-1)!;
      cursor = { timeMs: time(last), id: last.id };
    }
  }

  const chunks = (() => {
    switch (req.kind) {
      case "decisions": return rows(DECISION_COLUMNS, (c) => decisionsBatch(db, { ...where, ...(req.status && { status: req.status }) }, c, batch), (r) => r.decisionTimeMs);
      case "orders": return rows(ORDER_COLUMNS, (c) => ordersBatch(db, { ...where, ...(req.status && { status: req.status }) }, c, batch), (r) => r.createdAtMs);
      case "fills": return rows(FILL_COLUMNS, (c) => fillsBatch(db, where, c, batch), (r) => r.timeMs);
      case "positions": return rows(POSITION_COLUMNS, (c) => positionsBatch(db, { ...where, ...(req.state && { state: req.state }) }, c, batch), (r) => r.openedAtMs);
    }
  })();
  return { filename, chunks };
}
