import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon, FlagIcon, TicketIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Arena" };

export default function ArenaPage() {
  return (
    <>
      <PageHeader
        title="Arena"
        subtitle="Up to 8 clones race on fresh 10,000 USD paper accounts. Back the ones you think will finish best; tickets settle by place, 60/25/15."
        actions={
          <Badge tone="neutral" dot>
            No race running
          </Badge>
        }
      />

      <EmptyState
        icon={<FlagIcon />}
        title="No race is running yet"
        body={
          <>
            Races start once clones have passed their Audition and taken an Arena slot from the Promotion Queue. A race
            needs at least 2 entrants; when one launches, the next race opens for tickets right away.
          </>
        }
        action={
          <>
            <LinkButton href="/studio">Build a clone in the Studio</LinkButton>
            <LinkButton href="/#payouts" variant="ghost">
              How payouts work
            </LinkButton>
          </>
        }
      >
        <div className="grid gap-4 md:grid-cols-2">
          <Preview
            badge={
              <Badge tone="warning" dot>
                Accumulating
              </Badge>
            }
            icon={<TicketIcon className="size-4" />}
            title="The race taking tickets"
            body="Its 8 entrants, the pool so far, each clone's stake share and live odds: the probable payout per credit if it finishes 1st, 2nd or 3rd."
          />
          <Preview
            badge={
              <Badge tone="positive" dot="pulse">
                Live
              </Badge>
            }
            icon={<ChartIcon className="size-4" />}
            title="The race in progress"
            body="The live leaderboard ranked by return, and every entrant's equity curve from its 10,000 USD start to the finish."
          />
        </div>
      </EmptyState>
    </>
  );
}

function Preview({ badge, icon, title, body }: { badge: ReactNode; icon: ReactNode; title: string; body: string }) {
  return (
    <div className="rounded-lg border border-line bg-surface p-4">
      <div className="flex items-center justify-between gap-3">
        <span className="flex items-center gap-2 text-sm font-medium text-fg">
          <span className="text-fg-muted">{icon}</span>
          {title}
        </span>
        {badge}
      </div>
      <p className="mt-2 text-sm leading-relaxed text-fg-muted">{body}</p>
    </div>
  );
}
