"use client";

import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Credits } from "@/components/ui/credits";
import { LockIcon } from "@/components/ui/icons";
import { formatCredits } from "@/lib/domain/money";
import { CloneAvatar } from "./clone-avatar";
import { Countdown } from "./countdown";
import { formatClock, formatDuration, multiplier, ordinal, sharePct, slotColor } from "./format";
import { RaceStatusBadge } from "./race-status-badge";
import { StakeShareChart } from "./stake-share-chart";
import type { AccumulatingEntrant, AccumulatingView } from "./types";

/** The race taking tickets: countdown to launch, pool, its split and the stake shares chart. */
export function AccumulatingSummary({ view, locked, className }: { view: AccumulatingView; locked: boolean; className?: string }) {
  const { race, entrants } = view;
  const paidPlaces = Math.max(0, Math.min(3, entrants.length - 1));
  return (
    <Card aria-labelledby="accumulating-title" data-testid="accumulating-race" className={className}>
      {/* not CardHeader: the countdown stays beside the title on phones too */}
      <div className="flex items-start justify-between gap-4 border-b border-line px-4 py-4 sm:px-5">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id="accumulating-title" className="text-base font-semibold tracking-tight text-fg">
              Race #{race.number}
            </h2>
            {locked ? (
              <Badge tone="info" data-testid="odds-locked">
                <LockIcon className="size-3.5" />
                Odds locked
              </Badge>
            ) : (
              <RaceStatusBadge status={race.status} />
            )}
          </div>
          <p className="text-sm text-fg-muted">
            {locked
              ? "Tickets are closed: the race is launching with these odds."
              : `Odds move with every ticket until launch; then the entrants race for ${formatDuration(race.liveMs)} on fresh 10,000 USD accounts.`}
          </p>
        </div>
        <div className="shrink-0 text-right">
          <div className="text-xs font-medium tracking-wide text-fg-muted uppercase">{locked ? "Launch" : "Launches in"}</div>
          <Countdown to={race.launchAtMs} done="Launching…" className="tabular text-2xl font-semibold text-fg" />
          <div className="text-xs text-fg-subtle">at {formatClock(race.launchAtMs)}</div>
        </div>
      </div>

      <CardBody className="flex flex-col items-center gap-6 sm:flex-row sm:items-center">
        <StakeShareChart
          poolCents={race.poolCents}
          slices={entrants.map((e) => ({ cloneId: e.cloneId, slot: e.slot, name: e.name, stakeCents: e.stakeCents, stakeShare: e.stakeShare }))}
        />
        <dl className="grid w-full flex-1 grid-cols-2 gap-x-6 gap-y-4">
          <Figure label="Pool" testId="pool">
            <Credits cents={race.poolCents} />
          </Figure>
          <Figure label="Tickets" testId="ticket-count">
            {race.ticketCount.toLocaleString("en-US")}
          </Figure>
          <Figure label="Paid to tickets" hint="90% of the pool, after 5% rake and 5% to creators" testId="distribution">
            <Credits cents={view.distributionCents} />
          </Figure>
          <Figure label="Paid places" hint={paidPlaces > 0 ? "split 60 / 25 / 15, renormalized" : "a race needs 2 entrants"}>
            {paidPlaces === 0 ? "none" : paidPlaces === 1 ? "1st" : `1st – ${ordinal(paidPlaces)}`}
          </Figure>
        </dl>
      </CardBody>
    </Card>
  );
}

/** Every entrant with its stake share and the probable payout per credit for each paid place. */
export function EntrantGrid({ view, locked, selected, onBack, className }: { view: AccumulatingView; locked: boolean; selected: string | null; onBack: ((cloneId: string) => void) | null; className?: string }) {
  const { race, entrants } = view;
  return (
    <section aria-labelledby="entrants-title" className={cn("flex flex-col gap-3", className)}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5">
        <h2 id="entrants-title" className="text-sm font-semibold whitespace-nowrap text-fg">
          {entrants.length} {entrants.length === 1 ? "entrant" : "entrants"}
        </h2>
        <p className="text-xs text-fg-subtle">Odds: credits back per credit, at the current stakes</p>
      </div>
      <ul className="grid gap-3 md:grid-cols-2" aria-label={`Entrants of Race #${race.number}`} data-testid="entrants">
        {entrants.map((e) => (
          <EntrantCard key={e.cloneId} entrant={e} locked={locked} selected={selected === e.cloneId} onBack={onBack} />
        ))}
      </ul>
    </section>
  );
}

function Figure({ label, hint, testId, children }: { label: string; hint?: string; testId?: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-fg-muted uppercase">{label}</dt>
      <dd className="mt-1 tabular text-lg font-semibold text-fg" data-testid={testId}>
        {children}
      </dd>
      {hint ? <dd className="text-xs text-fg-subtle">{hint}</dd> : null}
    </div>
  );
}

function EntrantCard({ entrant: e, locked, selected, onBack }: { entrant: AccumulatingEntrant; locked: boolean; selected: boolean; onBack: ((cloneId: string) => void) | null }) {
  const color = slotColor(e.slot);
  const nameId = `entrant-${e.cloneId}`;
  const unbacked = e.payoutPerCredit.length > 0 && e.payoutPerCredit.every((p) => p === null);
  return (
    <li
      aria-labelledby={nameId}
      data-testid="entrant"
      className={cn(
        "flex flex-col gap-3 rounded-lg border bg-surface-2/40 p-4 transition-colors",
        selected ? "border-accent/60 bg-accent/[0.04]" : "border-line",
      )}
    >
      <div className="flex items-start gap-3">
        <CloneAvatar avatar={e.avatar} name={e.name} />
        <div className="min-w-0 flex-1">
          <h3 id={nameId} className="flex items-center gap-2 truncate text-sm font-semibold text-fg">
            <span className="size-2 shrink-0 rounded-full" style={{ background: color }} aria-hidden="true" />
            <span className="truncate">{e.name}</span>
          </h3>
          <p className="truncate text-xs text-fg-muted">{e.creator ? `by ${e.creator}` : "creator unknown"}</p>
        </div>
        {onBack && !locked ? (
          <Button size="sm" variant={selected ? "primary" : "secondary"} onClick={() => onBack(e.cloneId)} aria-label={`Back ${e.name}`} aria-pressed={selected}>
            {selected ? "Selected" : "Back"}
          </Button>
        ) : null}
      </div>
      {e.tagline ? <p className="line-clamp-2 text-xs leading-relaxed text-fg-muted">{e.tagline}</p> : null}

      <div>
        <div className="flex items-center gap-3">
          <div
            className="h-1.5 flex-1 overflow-hidden rounded-full bg-surface-3"
            role="meter"
            aria-label={`${e.name} stake share`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(e.stakeShare * 1000) / 10}
            aria-valuetext={sharePct(e.stakeShare)}
          >
            <div className="h-full rounded-full" style={{ width: `${Math.min(100, e.stakeShare * 100)}%`, background: color }} />
          </div>
          <span className="tabular w-14 shrink-0 text-right text-sm font-semibold text-fg" data-testid="stake-share">
            {sharePct(e.stakeShare)}
          </span>
        </div>
        <p className="mt-1 text-xs text-fg-subtle">
          Stake share · <span className="tabular">{formatCredits(e.stakeCents)}</span> cr on {e.ticketCount} {e.ticketCount === 1 ? "ticket" : "tickets"}
        </p>
      </div>

      {e.payoutPerCredit.length > 0 ? (
        <div>
          <div className="mb-1.5 flex items-baseline justify-between gap-2 text-xs">
            <span className="text-fg-muted">Pays per credit if it finishes</span>
            {unbacked ? <span className="text-fg-subtle">no tickets yet</span> : null}
          </div>
          <dl className="grid grid-cols-3 gap-1.5" data-testid="odds">
            {e.payoutPerCredit.map((p, i) => (
              <div key={i} className="flex items-baseline justify-between gap-1 rounded-md border border-line bg-canvas/60 px-2 py-1.5">
                <dt className="text-[11px] text-fg-subtle">{ordinal(i + 1)}</dt>
                <dd className={cn("tabular text-sm font-semibold", p === null ? "text-fg-subtle" : "text-fg")} title={p === null ? "No tickets yet" : undefined}>
                  {p === null ? "—" : multiplier(p)}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </li>
  );
}
