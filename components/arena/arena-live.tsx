"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FlagIcon } from "@/components/ui/icons";
import { useTRPC } from "@/lib/trpc/client";
import { AccumulatingSummary, EntrantGrid } from "./accumulating-race";
import { BuyBox, type LaunchNotice } from "./buy-box";
import { LiveRaceCard } from "./live-race-card";
import type { ArenaOverview } from "./types";
import { useNow } from "./use-now";

/** The Arena, kept live: the overview is polled every 2 s, so odds, pool and leaderboard move on their own. */
export function ArenaLive({ initial, signedIn }: { initial: ArenaOverview; signedIn: boolean }) {
  const trpc = useTRPC();
  const overview = useQuery({ ...trpc.arena.overview.queryOptions(undefined, { initialData: initial }), refetchInterval: 2_000, staleTime: 0 });
  const data = overview.data ?? initial;
  const acc = data.accumulating;
  const now = useNow();
  const locked = acc !== null && (acc.race.status !== "ACCUMULATING" || (now !== null && now >= acc.race.launchAtMs));

  const [cloneId, setCloneId] = useState("");
  // When the race taking tickets launches, the next one takes its place: say so, so nobody
  // buys on Race #N+1 believing it is still Race #N (adjusted during render, not in an effect).
  const [seen, setSeen] = useState<{ id: string; number: number } | null>(acc ? { id: acc.race.id, number: acc.race.number } : null);
  const [notice, setNotice] = useState<LaunchNotice | null>(null);
  if (acc && seen?.id !== acc.race.id) {
    setSeen({ id: acc.race.id, number: acc.race.number });
    if (seen) setNotice({ launched: seen.number, next: acc.race.number });
  }

  const back = (id: string) => {
    setCloneId(id);
    const box = document.getElementById("buy");
    box?.scrollIntoView({ behavior: "smooth", block: "start" });
    box?.querySelector<HTMLInputElement>("input[name=amount]")?.focus({ preventScroll: true });
  };

  return (
    <div className="flex flex-col gap-6">
      {overview.isError ? (
        <Alert tone="warning" title="Live updates paused">
          The Arena could not be refreshed just now; it retries on its own every few seconds.
        </Alert>
      ) : null}
      {/* phones: race, buy box and live race, then the entrants; wide screens: the entrants under the race, the buy box and live race beside them */}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_23rem] lg:grid-rows-[auto_1fr]">
        {!acc ? (
          <EmptyState
            className="lg:col-start-1 lg:row-start-1"
            icon={<FlagIcon />}
            title="No race is taking tickets"
            body="The next race opens for tickets as soon as the one before it launches. This page updates on its own."
          />
        ) : acc.entrants.length === 0 ? (
          <EmptyState
            className="lg:col-start-1 lg:row-start-1"
            icon={<FlagIcon />}
            title={`Race #${acc.race.number} has no entrants`}
            body="The Arena's 8 slots are empty: clones take a slot once they pass their Audition and reach the head of the Promotion Queue. A race with fewer than 2 entrants is cancelled at launch, and any ticket is refunded in full."
            action={<LinkButton href="/studio">Build a clone in the Studio</LinkButton>}
          />
        ) : (
          <div className="flex min-w-0 flex-col gap-4 lg:col-start-1 lg:row-start-1">
            {acc.entrants.length === 1 ? (
              <Alert tone="warning" title="Only one entrant so far">
                A race needs at least 2 entrants. If no other clone takes a slot before launch, Race #{acc.race.number} is cancelled and every ticket refunded in full.
              </Alert>
            ) : null}
            <AccumulatingSummary view={acc} locked={locked} />
          </div>
        )}
        <div className="flex min-w-0 flex-col gap-6 self-start lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <BuyBox view={acc} locked={locked} signedIn={signedIn} cloneId={cloneId} onCloneChange={setCloneId} notice={notice} />
          <LiveRaceCard live={data.live} lastSettled={data.lastSettled} nextNumber={acc?.race.number ?? null} />
        </div>
        {acc && acc.entrants.length > 0 ? (
          <EntrantGrid
            className="min-w-0 lg:col-start-1 lg:row-start-2"
            view={acc}
            locked={locked}
            selected={cloneId || null}
            onBack={signedIn && acc.entrants.length > 1 ? back : null}
          />
        ) : null}
      </div>
    </div>
  );
}
