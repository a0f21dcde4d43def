import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { HISTORY_PAGE_SIZE, type HistoryKind } from "@/lib/schemas/history";
import { label } from "./format";
import { hasFilters, historyHref, type HistoryParams } from "./links";

const STATUS_CHOICES: Partial<Record<HistoryKind, { value: string; label: string }[]>> = {
  decisions: [
    { value: "ACTION", label: "Traded" }, { value: "HOLD", label: "Hold" }, { value: "REJECTED", label: "Rejected" }, { value: "NO_TRADE", label: "No trade" },
  ],
  orders: [{ value: "FILLED", label: "Filled" }, { value: "REJECTED", label: "Rejected" }],
};

function Select({ name, title, value, choices }: { name: string; title: string; value?: string; choices: { value: string; label: string }[] }) {
  return (
    <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-fg-muted">
      {title}
      <select name={name} defaultValue={value ?? ""} className={cn(controlClasses, "h-9")}>
        <option value="">All</option>
        {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
    </label>
  );
}

/**
 * The filters as a plain GET form: they live in the URL (shareable, back button),
 * work before any JavaScript loads, and a new filter starts again at page 1.
 */
export function HistoryFilters({ cloneId, tab, params, assets, modes }: { cloneId: string; tab: HistoryKind; params: HistoryParams; assets: string[]; modes: string[] }) {
  const statuses = STATUS_CHOICES[tab];
  return (
    <form method="get" action={`/clones/${cloneId}/history`} aria-label="Filter the history" className="grid grid-cols-2 items-end gap-3 sm:grid-cols-3 lg:grid-cols-7">
      {tab !== "decisions" ? <input type="hidden" name="tab" value={tab} /> : null}
      {params.account ? <input type="hidden" name="account" value={params.account} /> : null}
      <Select name="asset" title="Asset" value={params.asset} choices={assets.map((a) => ({ value: a, label: a }))} />
      {statuses ? <Select name="status" title="Status" value={params.status} choices={statuses} /> : null}
      {tab === "positions" ? <Select name="state" title="State" value={params.state} choices={[{ value: "open", label: "Open" }, { value: "closed", label: "Closed" }]} /> : null}
      <Select name="mode" title="Mode" value={params.mode} choices={modes.map((m) => ({ value: m, label: label(m) }))} />
      <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-fg-muted">
        From (UTC)
        <input type="date" name="from" defaultValue={params.from} className={cn(controlClasses, "h-9")} />
      </label>
      <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-fg-muted">
        To (UTC, inclusive)
        <input type="date" name="to" defaultValue={params.to} className={cn(controlClasses, "h-9")} />
      </label>
      <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-fg-muted">
        Per page
        <select name="per" defaultValue={String(params.per ?? HISTORY_PAGE_SIZE)} className={cn(controlClasses, "h-9")}>
          {[...new Set([10, HISTORY_PAGE_SIZE, 50, 100, params.per ?? HISTORY_PAGE_SIZE])].sort((a, b) => a - b).map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </label>
      <div className="col-span-2 flex items-center gap-2 sm:col-span-3 lg:col-span-7">
        <button type="submit" className={buttonClasses({ size: "sm" })}>Apply filters</button>
        {hasFilters(params) ? <Link href={historyHref(cloneId, { tab })} className={buttonClasses({ variant: "ghost", size: "sm" })}>Clear</Link> : null}
      </div>
    </form>
  );
}
