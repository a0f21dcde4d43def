/** The filters every history list shares, as Prisma conditions on a time column. */
export interface HistoryWhere {
  accountIds: readonly string[];
  asset?: string;
  /** inclusive, ms */
  fromMs?: number;
  /** exclusive, ms */
  toMs?: number;
}

export interface Page {
  skip: number;
  take: number;
}

export function timeRange(w: HistoryWhere) {
  if (w.fromMs === undefined && w.toMs === undefined) return undefined;
  return {
    ...(w.fromMs !== undefined && { gte: BigInt(w.fromMs) }),
    ...(w.toMs !== undefined && { lt: BigInt(w.toMs) }),
  };
}

export function common(w: HistoryWhere) {
  return { accountId: { in: [...w.accountIds] }, ...(w.asset && { asset: w.asset }) };
}

/** Where an export batch resumes: after the last row sent (oldest first, ties by id). */
export interface ExportCursor {
  timeMs: number;
  id: string;
}

/** Keyset pagination on (time column, id): stable while new rows arrive. */
export function after(column: string, cursor: ExportCursor | null) {
  if (!cursor) return {};
  const t = BigInt(cursor.timeMs);
  return { OR: [{ [column]: { gt: t } }, { [column]: t, id: { gt: cursor.id } }] };
}
