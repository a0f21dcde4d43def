import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { HISTORY_KINDS, type HistoryKind } from "@/lib/schemas/history";
import { historyHref, type HistoryParams } from "./links";

const TITLES: Record<HistoryKind, string> = { decisions: "Decisions", orders: "Orders", fills: "Fills", positions: "Positions" };

/** Tabs as links: the tab is part of the URL. Asset, mode and dates carry over; status and page do not. */
export function HistoryTabs({ cloneId, tab, params }: { cloneId: string; tab: HistoryKind; params: HistoryParams }) {
  return (
    <nav aria-label="History sections" className="-mb-px flex gap-1 overflow-x-auto">
      {HISTORY_KINDS.map((k) => (
        <Link
          key={k}
          href={historyHref(cloneId, { tab: k, asset: params.asset, mode: params.mode, account: params.account, from: params.from, to: params.to, per: params.per })}
          aria-current={k === tab ? "page" : undefined}
          className={cn(
            "border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors",
            k === tab ? "border-accent text-fg" : "border-transparent text-fg-muted hover:text-fg",
          )}
        >
          {TITLES[k]}
        </Link>
      ))}
    </nav>
  );
}
