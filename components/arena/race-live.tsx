"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Credits } from "@/components/ui/credits";
import { formatCredits } from "@/lib/domain/money";
import { ChartIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { isFinished, RACE_START_USD, type RaceStatus } from "@/lib/domain/race/lifecycle";
import { useTRPC } from "@/lib/trpc/client";
import { Countdown } from "./countdown";
import { formatClock, formatDuration } from "./format";
import { RaceStatusBadge } from "./race-status-badge";
import { RaceEquityChart } from "./race-equity-chart";
import { CompletedTrades, Leaderboard, OpenPositions, PayoutTable, ReasoningFeed } from "./race-tables";
import type { RaceSummary, RaceView } from "./types";

/** A race's page, kept live: polled every 3 s until the race is settled or cancelled. */
export function RaceLive({ number, initial }: { number: number; initial: RaceView }) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.arena.race.queryOptions({ number }, { initialData: initial }),
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && isFinished(q.state.data.race.status as RaceStatus) ? false : 3_000),
  });
  const data = query.data ?? initial;
  const { race, rows } = data;
  const finished = isFinished(race.status);
  const cancelled = race.status === "CANCELLED";
  const settled = race.status === "SETTLED" || race.status === "ARCHIVED";
  const names = new Map(rows.map((r) => [r.cloneId, { name: r.name, avatar: r.avatar }]));
  const hasCurves = data.curves.some((c) => c.points.length > 0);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={<Link href="/arena" className="text-sm text-fg-muted normal-case tracking-normal hover:text-fg">← Arena</Link>}
        title={
          <span className="flex flex-wrap items-center gap-3">
            Race #{race.number}
            <RaceStatusBadge status={race.status} />
          </span>
        }
        subtitle={<Timeline race={race} />}
        actions={race.status === "ACCUMULATING" ? <LinkButton href="/arena">Back a clone</LinkButton> : null}
      />

      {query.isError ? <Alert tone="warning" title="Live updates paused">The race could not be refreshed just now; it retries on its own.</Alert> : null}

      {cancelled ? (
        <Alert tone="negative" title={`Race #${race.number} was cancelled`} data-testid="cancelled">
          {(data.cancelReason ?? race.cancelReason ?? "No reason was recorded").replace(/\.?$/, ".")} Every ticket was refunded in full.
        </Alert>
      ) : null}
      {race.status === "ACCUMULATING" ? (
        <Alert tone="info" title="Taking tickets">
          The entrants start racing at launch, {formatClock(race.launchAtMs)}. Until then the odds move with every ticket; <Link href="/arena">see them in the Arena</Link>.
        </Alert>
      ) : null}

      <StatGrid>
        <Stat label="Pool" value={<span data-testid="race-pool"><Credits cents={race.poolCents} /></span>} hint={`${race.ticketCount} ${race.ticketCount === 1 ? "ticket" : "tickets"}`} />
        <Stat label="Entrants" value={rows.length} hint={`each on a fresh ${RACE_START_USD.toLocaleString("en-US")} USD account`} />
        <Stat label="Race length" value={formatDuration(race.liveMs)} hint={race.timeScale !== 1 ? raceMinutes(race) : "real time"} />
        <TimeStat race={race} />
      </StatGrid>

      {settled && data.settlement ? <SettlementCard settlement={data.settlement} /> : null}

      <Section title={settled ? "Final standings" : cancelled ? "Entrants" : "Leaderboard"} description={settled ? "Ranked by final equity in whole cents; equal equity is a dead heat." : "Ranked by equity now, marked at the latest price in market memory."}>
        <Leaderboard rows={rows} settled={settled} />
      </Section>

      <Card>
        <CardHeader>
          <div>
            <CardTitle>Equity</CardTitle>
            <CardDescription>Every entrant from its {RACE_START_USD.toLocaleString("en-US")} USD start (the dashed line){finished ? " to the finish" : ", refreshed every few seconds"}.</CardDescription>
          </div>
        </CardHeader>
        <CardBody>
          {hasCurves ? (
            <RaceEquityChart curves={data.curves} entrants={rows.map((r) => ({ cloneId: r.cloneId, slot: r.slot, name: r.name, avatar: r.avatar, returnPct: r.returnPct }))} startUsd={RACE_START_USD} />
          ) : (
            <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-line-strong px-6 py-10 text-center">
              <ChartIcon className="size-6 text-accent" />
              <p className="font-semibold text-fg">{cancelled ? "This race never ran" : "No equity yet"}</p>
              <p className="max-w-md text-sm text-fg-muted">
                {cancelled ? "It was cancelled before its entrants traded." : "The curves start when the race goes live, with every entrant at 10,000 USD."}
              </p>
            </div>
          )}
        </CardBody>
      </Card>

      {finished ? null : (
        <Section title="Open positions" description="Marked at the last price seen. Whatever is still open at the end is closed then, at the market.">
          <OpenPositions rows={data.positions} />
        </Section>
      )}
      {cancelled && data.trades.length === 0 ? null : (
        <Section title="Completed trades" description="Net of fees and funding, newest first.">
          <CompletedTrades rows={data.trades} />
        </Section>
      )}

      <Card>
        <CardHeader>
          <div>
            <CardTitle>Reasoning feed</CardTitle>
            <CardDescription>Each clone&apos;s latest decisions on its race account, newest first (times in UTC): what it did and why, or why nothing was traded.</CardDescription>
          </div>
        </CardHeader>
        {data.feed.length === 0 ? (
          <CardBody>
            <p className="py-6 text-center text-sm text-fg-muted">{cancelled ? "No decision was made in this race." : "The first decisions arrive within a minute of launch."}</p>
          </CardBody>
        ) : (
          <ReasoningFeed items={data.feed} />
        )}
      </Card>

      {finished ? (
        <Section
          title={cancelled || data.settlement?.refund ? "Refunds" : "Payouts"}
          description={cancelled ? "Every stake back to its backer." : "Every ticket of the race, biggest payout first."}
        >
          <PayoutTable rows={data.payouts} names={names} refund={cancelled || data.settlement?.refund === true} />
        </Section>
      ) : null}
    </div>
  );
}

/** "240 race minutes at ×30": the schedule's own length, compressed for a demo */
function raceMinutes(race: RaceSummary): string {
  const minutes = Math.round((race.liveMs * race.timeScale) / 60_000);
  return `${minutes.toLocaleString("en-US")} race ${minutes === 1 ? "minute" : "minutes"} at ×${race.timeScale}`;
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <section className="flex min-w-0 flex-col gap-3" aria-label={title}>
      <div>
        <h2 className="text-sm font-semibold tracking-tight text-fg">{title}</h2>
        {description ? <p className="text-sm text-fg-muted">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

function Timeline({ race }: { race: RaceSummary }) {
  const withDate = new Date(race.openedAtMs).toISOString().slice(0, 10) !== new Date(race.settledAtMs ?? race.endsAtMs ?? race.launchAtMs).toISOString().slice(0, 10);
  const steps: [string, number | null][] = [
    ["opened", race.openedAtMs],
    ["launched", race.launchedAtMs],
    ["live", race.liveAtMs],
    [race.status === "LIVE" || race.status === "LAUNCHED" ? "ends" : "ended", race.status === "CANCELLED" ? null : race.endsAtMs],
    ["settled", race.settledAtMs],
  ];
  return (
    <span className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {steps
        .filter(([, t]) => t !== null)
        .map(([what, t], i) => (
          <span key={what} className="whitespace-nowrap">
            <span className="text-fg-subtle">{what}</span> <span className="tabular text-fg-muted">{formatClock(t!, withDate && i === 0)}</span>
          </span>
        ))}
    </span>
  );
}

function TimeStat({ race }: { race: RaceSummary }) {
  switch (race.status) {
    case "ACCUMULATING":
      return <Stat label="Launches in" value={<Countdown to={race.launchAtMs} done="launching…" />} hint={`at ${formatClock(race.launchAtMs)}`} />;
    case "LAUNCHED":
      return <Stat label="Status" value="Starting" hint="accounts funded, going live" />;
    case "LIVE":
      return race.endsAtMs !== null ? (
        <Stat label="Time left" value={<Countdown to={race.endsAtMs} done="finishing…" />} hint={`ends at ${formatClock(race.endsAtMs)}`} />
      ) : (
        <Stat label="Status" value="Live" />
      );
    case "SETTLING":
      return <Stat label="Status" value="Settling" hint="final equity in, paying out" />;
    case "CANCELLED":
      return <Stat label="Status" value="Cancelled" hint="every ticket refunded" />;
    default:
      return <Stat label="Settled" value={race.settledAtMs ? formatClock(race.settledAtMs) : "–"} hint={race.endsAtMs ? `ended ${formatClock(race.endsAtMs)}` : undefined} />;
  }
}

function SettlementCard({ settlement: s }: { settlement: NonNullable<RaceView["settlement"]> }) {
  const creatorsPaid = s.creatorPayouts.reduce((a, c) => a + c.payoutCents, 0);
  const creatorCount = s.creatorPayouts.filter((c) => c.payoutCents > 0).length;
  // rake + creators + tickets + breakage = gross, exactly (PRODUCT.md §8)
  const ticketsPaid = s.grossCents - s.rakeCents - creatorsPaid - s.breakageCents;
  const lines: { label: string; hint: string; cents: number; bar: string; tone?: string }[] = [
    { label: "Ticket payouts", hint: s.refund ? `the ${formatCredits(s.distributionCents)} distribution pool, refunded pro-rata` : `the ${formatCredits(s.distributionCents)} distribution pool, by place and stake`, cents: ticketsPaid, bar: "bg-positive/70", tone: "text-positive" },
    { label: "Protocol rake", hint: "5% of the gross, floored", cents: s.rakeCents, bar: "bg-fg-subtle" },
    { label: "Creator royalties", hint: `5% pool, pro-rata to the stakes on their clones · ${creatorCount} ${creatorCount === 1 ? "creator" : "creators"}`, cents: creatorsPaid, bar: "bg-accent/70" },
    { label: "Breakage", hint: "the cents flooring left over, to the treasury", cents: s.breakageCents, bar: "bg-line-strong" },
  ];
  const max = Math.max(1, s.grossCents);
  return (
    <Card data-testid="settlement">
      <CardHeader>
        <div>
          <CardTitle>Pool split</CardTitle>
          <CardDescription>Exact to the cent: every credit of the gross pool, and where it went.</CardDescription>
        </div>
        <div className="sm:text-right">
          <div className="text-xs font-medium tracking-wide text-fg-muted uppercase">Gross pool</div>
          <div className="text-lg font-semibold" data-testid="gross-pool">
            <Credits cents={s.grossCents} />
          </div>
          <div className="text-xs text-fg-subtle">
            {s.ticketCount} {s.ticketCount === 1 ? "ticket" : "tickets"}
          </div>
        </div>
      </CardHeader>
      <CardBody className="flex flex-col gap-4">
        {s.refund ? (
          <Alert tone="info" title="Distribution refunded" data-testid="refund-notice">
            No paid place had a ticket on it, so the distribution pool went back to every ticket, pro-rata to its stake.
          </Alert>
        ) : null}
        <dl className="divide-y divide-line rounded-lg border border-line">
          {lines.map((l) => (
            <div key={l.label} className="grid grid-cols-[1fr_auto] items-center gap-x-4 gap-y-1 px-4 py-2.5 sm:grid-cols-[11rem_1fr_auto]">
              <dt className="text-sm text-fg">
                {l.label}
                <span className="block text-xs text-fg-subtle sm:hidden">{l.hint}</span>
              </dt>
              <dd className="hidden min-w-0 items-center gap-3 sm:flex">
                <span className={`h-1.5 shrink-0 rounded-full ${l.bar}`} style={{ width: `${(l.cents / max) * 45}%`, minWidth: l.cents > 0 ? 3 : 0 }} aria-hidden="true" />
                <span className="truncate text-xs text-fg-subtle">{l.hint}</span>
              </dd>
              <dd className={`text-right text-sm font-medium ${l.tone ?? "text-fg"}`}>
                <Credits cents={l.cents} />
              </dd>
            </div>
          ))}
        </dl>
      </CardBody>
    </Card>
  );
}
