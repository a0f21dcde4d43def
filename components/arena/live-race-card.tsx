"use client";

import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Credits } from "@/components/ui/credits";
import { ArrowRightIcon, FlagIcon } from "@/components/ui/icons";
import { CloneAvatar } from "./clone-avatar";
import { Countdown } from "./countdown";
import { formatReturnPct, toneOf, usdCents } from "./format";
import { RaceStatusBadge } from "./race-status-badge";
import type { ArenaOverview, LiveView } from "./types";

/** The race in progress: a compact leaderboard, time left and the way to its page. */
export function LiveRaceCard({ live, lastSettled, nextNumber }: { live: LiveView | null; lastSettled: ArenaOverview["lastSettled"]; nextNumber: number | null }) {
  if (!live) {
    return (
      <Card aria-labelledby="live-title" data-testid="live-race">
        <CardHeader>
          <div>
            <CardTitle id="live-title">Live race</CardTitle>
            <CardDescription>No race is running right now.</CardDescription>
          </div>
        </CardHeader>
        <CardBody className="flex flex-col items-start gap-3 text-sm text-fg-muted">
          <p>
            {nextNumber !== null ? `Race #${nextNumber} goes live as soon as it launches, ` : "The next race goes live as soon as it launches, "}
            and its leaderboard appears here.
          </p>
          {lastSettled ? (
            <LinkButton href={`/races/${lastSettled.number}`} variant="secondary" size="sm">
              <FlagIcon className="size-4" />
              Results of Race #{lastSettled.number}
            </LinkButton>
          ) : null}
        </CardBody>
      </Card>
    );
  }

  const { race, rows } = live;
  return (
    <Card aria-labelledby="live-title" data-testid="live-race">
      <CardHeader>
        <div className="flex min-w-0 items-center gap-2">
          <CardTitle id="live-title">Race #{race.number}</CardTitle>
          <RaceStatusBadge status={race.status} />
        </div>
        <div className="text-right text-xs text-fg-muted">
          {race.status === "LIVE" && race.endsAtMs !== null ? (
            <>
              Ends in <Countdown to={race.endsAtMs} done="now" className="tabular text-sm font-semibold text-fg" />
            </>
          ) : race.status === "SETTLING" ? (
            "Finished · paying out"
          ) : (
            "Starting"
          )}
        </div>
      </CardHeader>
      <ol aria-label={`Leaderboard of Race #${race.number}`} className="divide-y divide-line" data-testid="live-leaderboard">
        {rows.map((r, i) => (
          <li key={r.cloneId} className="flex items-center gap-3 px-4 py-2.5 text-sm sm:px-5">
            <span className="tabular w-5 shrink-0 text-right text-xs font-semibold text-fg-muted" aria-label={`Rank ${r.place ?? i + 1}`}>
              {r.place ?? i + 1}
            </span>
            <CloneAvatar avatar={r.avatar} name={r.name} size="sm" />
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium text-fg">{r.name}</span>
              <span className="tabular block text-xs text-fg-subtle">{usdCents(r.equityCents)}</span>
            </span>
            <span className={`tabular w-20 shrink-0 text-right text-sm font-medium ${toneOf(r.returnPct)}`}>{formatReturnPct(r.returnPct)}</span>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-line px-4 py-3 sm:px-5">
        <span className="text-xs text-fg-muted">
          Pool <Credits cents={race.poolCents} /> · odds locked
        </span>
        <LinkButton href={`/races/${race.number}`} size="sm" variant="secondary" aria-label={`Open Race #${race.number}`}>
          Race page
          <ArrowRightIcon className="size-4" />
        </LinkButton>
      </div>
    </Card>
  );
}
