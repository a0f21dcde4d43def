/** URLs of the history page and its CSV export, built from the page's own search params. */
import { HISTORY_PAGE_SIZE, type HistoryKind } from "@/lib/schemas/history";

export interface HistoryParams {
  tab?: HistoryKind;
  asset?: string;
  status?: string;
  state?: string;
  mode?: string;
  account?: string;
  from?: string;
  to?: string;
  page?: number;
  /** rows per page when not the default */
  per?: number;
}

const FILTER_KEYS = ["asset", "status", "state", "mode", "account", "from", "to"] as const;

function query(params: Record<string, string | number | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "" && !(k === "page" && v === 1)) sp.set(k, String(v));
  const s = sp.toString();
  return s ? `?${s}` : "";
}

export function historyHref(cloneId: string, p: HistoryParams): string {
  return `/clones/${cloneId}/history${query({ tab: p.tab === "decisions" ? undefined : p.tab, ...pick(p), per: p.per === HISTORY_PAGE_SIZE ? undefined : p.per, page: p.page })}`;
}

export function csvHref(cloneId: string, kind: HistoryKind, p: HistoryParams): string {
  return `/api/clones/${cloneId}/history${query({ kind, ...pick(p) })}`;
}

function pick(p: HistoryParams) {
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, p[k]]));
}

export function hasFilters(p: HistoryParams): boolean {
  return FILTER_KEYS.some((k) => p[k]);
}
