import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EquityChart } from "@/components/charts/equity-chart";
import { DecisionList } from "@/components/history/decision-list";
import { label, tone, usd } from "@/components/history/format";
import { HistoryFilters } from "@/components/history/history-filters";
import { HistoryTabs } from "@/components/history/history-tabs";
import { csvHref, hasFilters, historyHref, type HistoryParams } from "@/components/history/links";
import { FillTable, OrderTable, PositionTable } from "@/components/history/trade-tables";
import { Badge } from "@/components/ui/badge";
import { buttonClasses, LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { DECISION_STATUSES, ORDER_STATUSES, parseHistoryQuery, type HistoryKind } from "@/lib/schemas/history";
import { isNotFound } from "@/server/api/errors";
import { api } from "@/server/api/server-caller";
import { requireUser } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Trading history" };

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

const NOUNS: Record<HistoryKind, [string, string]> = {
  decisions: ["decision", "decisions"], orders: ["order", "orders"], fills: ["fill", "fills"], positions: ["position", "positions"],
};
const EMPTY: Record<HistoryKind, { title: string; body: string }> = {
  decisions: { title: "No decision yet", body: "The clone decides at every cadence slot of its enabled assets; the first decision shows up here within a minute or so of it starting to run." },
  orders: { title: "No order yet", body: "An order is placed when a decision opens or closes a position, or when a stop-loss, take-profit or flatten fires. Holds and rejected actions place none." },
  fills: { title: "No fill yet", body: "Fills are the paper executions of orders, priced at the next available price with slippage and taker fees." },
  positions: { title: "No position yet", body: "A position opens when a decision's open_long or open_short is filled, and is listed here until long after it closes." },
};

export default async function HistoryPage({ params, searchParams }: { params: Promise<{ cloneId: string }>; searchParams: Promise<SearchParams> }) {
  const { cloneId } = await params;
  const sp = await searchParams;
  await requireUser(`/clones/${cloneId}/history`);
  const caller = await api();
  const overview = await caller.history.overview({ cloneId }).catch((e: unknown) => {
    if (isNotFound(e)) notFound();
    throw e;
  });

  const q = parseHistoryQuery(sp);
  const { tab } = q;
  // an account id from the URL that is not this clone's is ignored rather than an error page
  const accountId = overview.accounts.some((a) => a.id === q.filters.accountId) ? q.filters.accountId : undefined;
  const filters = { cloneId, ...q.filters, accountId };
  const raw: HistoryParams = {
    tab, asset: q.filters.asset, status: q.status, state: q.state, mode: q.filters.mode, account: accountId,
    from: q.filters.from !== undefined ? one(sp.from) : undefined, to: q.filters.to !== undefined ? one(sp.to) : undefined, per: q.pageSize,
  };
  const list = { ...filters, page: q.page, pageSize: q.pageSize };
  const decisionStatus = DECISION_STATUSES.find((s) => s === q.status);
  const orderStatus = ORDER_STATUSES.find((s) => s === q.status);
  const [equity, decisions, orders, fills, positions] = await Promise.all([
    caller.history.equity({ ...filters, asset: undefined }),
    tab === "decisions" ? caller.history.decisions({ ...list, status: decisionStatus }) : null,
    tab === "orders" ? caller.history.orders({ ...list, status: orderStatus }) : null,
    tab === "fills" ? caller.history.fills(list) : null,
    tab === "positions" ? caller.history.positions({ ...list, state: q.state }) : null,
  ]);
  const page = decisions ?? orders ?? fills ?? positions!;
  const modes = new Map(overview.accounts.map((a) => [a.id, a.mode as string]));
  const modeOf = overview.accounts.length > 1 ? (id: string) => modes.get(id) : null;
  const last = equity.points.at(-1);
  const change = equity.account && last ? last.equityMicro - equity.account.startMicro : 0;
  const [singular, plural] = NOUNS[tab];

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow="Trading history"
        title={<span data-testid="history-clone-name">{overview.clone.name}</span>}
        subtitle="Every decision with the reasoning behind it, every order, fill and position, and the equity they add up to."
        actions={<LinkButton href={`/clones/${cloneId}`} variant="secondary">Back to the clone</LinkButton>}
      />

      <Card>
        <CardHeader>
          <div className="min-w-0">
            <CardTitle>Equity</CardTitle>
            <CardDescription>
              {equity.account ? (
                <>
                  <Badge className="mr-2 align-middle">{label(equity.account.mode)}</Badge>
                  started at {usd(equity.account.startMicro)}
                  {last ? <> · now <span className="tabular text-fg">{usd(last.equityMicro)}</span> <span className={tone(change)}>({change >= 0 ? "+" : ""}{usd(change)})</span></> : null}
                </>
              ) : "No paper account matches these filters."}
            </CardDescription>
          </div>
        </CardHeader>
        <CardBody>
          {equity.account && equity.points.length > 1 ? (
            <>
              <EquityChart points={equity.points} startMicro={equity.account.startMicro} />
              <p className="mt-3 text-xs text-fg-subtle">
                Start + realized − fees + funding + unrealized at each time: fees and realized PnL from the fills and closed positions, open positions marked at the
                last 1-minute close before each point; funding spread over the hours it was paid. The dashed line is the starting equity. At most 500 points.
              </p>
            </>
          ) : (
            <EmptyState
              title={equity.account ? "No equity curve yet" : "No account"}
              body={equity.account ? "The curve starts at the clone's first decision; it needs two points in the chosen range to draw a line." : "This clone has no paper account in the chosen mode. Clear the mode filter to see its other accounts."}
            />
          )}
        </CardBody>
      </Card>

      <Card>
        <div className="border-b border-line px-4 sm:px-5"><HistoryTabs cloneId={cloneId} tab={tab} params={raw} /></div>
        <CardBody className="flex flex-col gap-4 border-b border-line">
          <HistoryFilters cloneId={cloneId} tab={tab} params={raw} assets={overview.assets} modes={[...new Set([...overview.accounts.map((a) => a.mode as string), ...(raw.mode ? [raw.mode] : [])])]} />
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-fg-muted" data-testid="history-total">
              {page.total} {page.total === 1 ? singular : plural}{hasFilters(raw) ? (page.total === 1 ? " matches these filters" : " match these filters") : ""}, newest first.
            </p>
            <a href={csvHref(cloneId, tab, raw)} download className={buttonClasses({ variant: "secondary", size: "sm" })} data-testid="csv-download">
              Download CSV
            </a>
          </div>
        </CardBody>
        {page.rows.length === 0 ? (
          <CardBody>
            {hasFilters(raw) ? (
              <EmptyState title={`No ${singular} matches these filters`} body="Widen the date range, or pick another asset, status or mode." action={<Link href={historyHref(cloneId, { tab })} className={buttonClasses({ variant: "secondary", size: "sm" })}>Clear the filters</Link>} />
            ) : (
              <EmptyState title={EMPTY[tab].title} body={EMPTY[tab].body} />
            )}
          </CardBody>
        ) : decisions ? (
          <DecisionList cloneId={cloneId} rows={decisions.rows} showMode={overview.accounts.length > 1} />
        ) : (
          <div className="p-3 sm:p-4">
            {orders ? <OrderTable rows={orders.rows} modeOf={modeOf} /> : null}
            {fills ? <FillTable rows={fills.rows} modeOf={modeOf} /> : null}
            {positions ? <PositionTable rows={positions.rows} modeOf={modeOf} /> : null}
          </div>
        )}
        {page.pageCount > 1 ? (
          <CardBody className="border-t border-line">
            <Pagination page={page.page} pageCount={page.pageCount} hrefFor={(p) => historyHref(cloneId, { ...raw, page: p })} />
          </CardBody>
        ) : null}
      </Card>
    </div>
  );
}
