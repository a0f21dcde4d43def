/**
 * Inputs of the trading history (the history.* procedures and the CSV export),
 * and how a history URL's search params become those inputs: the page and the
 * export link read the same filters, so a download holds what the page shows.
 */
import { z } from "zod";

export const HISTORY_PAGE_SIZE = 25;
export const TRADING_MODES = ["PERSONAL", "AUDITION", "RACE", "BACKTEST", "DRY_RUN"] as const;
export const DECISION_STATUSES = ["ACTION", "HOLD", "REJECTED", "NO_TRADE"] as const;
export const ORDER_STATUSES = ["FILLED", "REJECTED"] as const;
export const POSITION_STATES = ["open", "closed"] as const;
export const HISTORY_KINDS = ["decisions", "orders", "fills", "positions"] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

const id = z.string().min(1).max(64);
const time = z.number().int().min(0).max(8.64e15);

export const historyFilters = z
  .object({
    cloneId: id,
    accountId: id.optional(),
    mode: z.enum(TRADING_MODES).optional(),
    asset: z.string().trim().toUpperCase().regex(/^[A-Z0-9:_-]{1,40}$/, { message: "Asset must be a symbol like BTC" }).optional(),
    /** inclusive, ms */
    from: time.optional(),
    /** exclusive, ms */
    to: time.optional(),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from < f.to, { message: "The start must be before the end", path: ["to"] });
export type HistoryFilters = z.infer<typeof historyFilters>;

const paging = { page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(100).default(HISTORY_PAGE_SIZE) };

export const decisionsInput = historyFilters.and(z.object({ status: z.enum(DECISION_STATUSES).optional(), ...paging }));
export const ordersInput = historyFilters.and(z.object({ status: z.enum(ORDER_STATUSES).optional(), ...paging }));
export const fillsInput = historyFilters.and(z.object(paging));
export const positionsInput = historyFilters.and(z.object({ state: z.enum(POSITION_STATES).optional(), ...paging }));
export const equityInput = historyFilters.and(z.object({ maxPoints: z.number().int().min(2).max(500).default(500) }));
export const decisionDetailInput = z.object({ cloneId: id, decisionId: id });
export const historyOverviewInput = z.object({ cloneId: id });

export type DecisionsInput = z.input<typeof decisionsInput>;

type SearchParams = Record<string, string | string[] | undefined>;

export interface HistoryQuery {
  tab: HistoryKind;
  page: number;
  /** rows per page, 1..100 */
  pageSize: number;
  filters: Omit<HistoryFilters, "cloneId">;
  status?: string;
  state?: (typeof POSITION_STATES)[number];
}

const DAY = 86_400_000;

/** "2026-07-01" (a whole UTC day; `end` means the day after it) or an ISO date-time, as ms. */
export function parseTimeParam(value: string | undefined, end = false): number | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const ms = Date.parse(`${value}T00:00:00Z`);
    return Number.isFinite(ms) ? ms + (end ? DAY : 0) : undefined;
  }
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const oneOf = <T extends string>(values: readonly T[], v: string | undefined) => (values as readonly string[]).includes(v ?? "") ? (v as T) : undefined;

/** A history URL's search params, leniently: anything unknown or malformed is ignored, never an error page. */
export function parseHistoryQuery(sp: SearchParams): HistoryQuery {
  const tab = oneOf(HISTORY_KINDS, one(sp.tab) ?? one(sp.kind)) ?? "decisions";
  const asset = one(sp.asset)?.toUpperCase();
  const from = parseTimeParam(one(sp.from));
  const to = parseTimeParam(one(sp.to), true);
  const statuses: readonly string[] = tab === "orders" ? ORDER_STATUSES : DECISION_STATUSES;
  const status = one(sp.status);
  return {
    tab,
    page: Math.max(1, Math.trunc(Number(one(sp.page) ?? "1")) || 1),
    pageSize: Math.min(100, Math.max(1, Math.trunc(Number(one(sp.per) ?? HISTORY_PAGE_SIZE)) || HISTORY_PAGE_SIZE)),
    filters: {
      ...(one(sp.account) && { accountId: one(sp.account)!.slice(0, 64) }),
      ...(oneOf(TRADING_MODES, one(sp.mode)) && { mode: oneOf(TRADING_MODES, one(sp.mode))! }),
      ...(asset && /^[A-Z0-9:_-]{1,40}$/.test(asset) && { asset }),
      ...(from !== undefined && { from }),
      ...(to !== undefined && (from === undefined || to > from) && { to }),
    },
    ...(status && statuses.includes(status) && { status }),
    ...(oneOf(POSITION_STATES, one(sp.state)) && { state: oneOf(POSITION_STATES, one(sp.state))! }),
  };
}
