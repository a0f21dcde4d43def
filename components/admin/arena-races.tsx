"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useEffect, useState, type FormEvent } from "react";
import { Countdown } from "@/components/arena/countdown";
import { formatClock, formatDuration } from "@/components/arena/format";
import { RaceStatusBadge } from "@/components/arena/race-status-badge";
import { useNow } from "@/components/arena/use-now";
import { Alert } from "@/components/ui/alert";
import { Button, LinkButton } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Credits } from "@/components/ui/credits";
import { TextareaField } from "@/components/ui/field";
import { Table, TableEmpty, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { canTransition } from "@/lib/domain/race/lifecycle";
import { useTRPC } from "@/lib/trpc/client";
import { toFormError, type FormError } from "@/lib/trpc/errors";
import type { AppRouter } from "@/server/api/root";

export type AdminRaces = inferRouterOutputs<AppRouter>["arena"]["recentRaces"];
type AdminRace = AdminRaces["open"][number];

interface Outcome {
  number: number;
  cancelled: boolean;
}

const DAY = 86_400_000;

/** Clock times, with the date when it is not today's (UTC); time only until the page has a clock. */
function useClock() {
  const now = useNow();
  return (ms: number) => formatClock(ms, now !== null && Math.floor(ms / DAY) !== Math.floor(now / DAY));
}

const ticketsText = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "ticket" : "tickets"}`;

/**
 * The races in play and the latest finished ones, polled every 3 s. A race taking
 * tickets, launched or live can be cancelled with a reason: every ticket is refunded
 * in full (PRODUCT.md §7).
 */
export function AdminArenaRaces({ initial }: { initial: AdminRaces }) {
  const trpc = useTRPC();
  const races = useQuery({ ...trpc.arena.recentRaces.queryOptions(undefined, { initialData: initial }), refetchInterval: 3_000, staleTime: 0 });
  const data = races.data ?? initial;
  const clock = useClock();
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  function done(o: Outcome) {
    setCancelling(null);
    setOutcome(o);
    void races.refetch();
  }

  return (
    <>
      <Card aria-labelledby="races-in-play">
        <CardHeader>
          <div>
            <CardTitle id="races-in-play">Races in play</CardTitle>
            <CardDescription>Taking tickets, launched, live or settling; refreshed every few seconds. A race can be cancelled until it ends.</CardDescription>
          </div>
        </CardHeader>
        {races.isError ? (
          <div className="px-4 pt-4 sm:px-5">
            <Alert tone="warning" title="Live updates paused">The list could not be refreshed just now; it retries on its own.</Alert>
          </div>
        ) : null}
        {outcome ? (
          <div className="px-4 pt-4 sm:px-5">
            <OutcomeAlert outcome={outcome} onDismiss={() => setOutcome(null)} />
          </div>
        ) : null}
        {data.open.length === 0 ? (
          <p className="px-4 py-10 text-center text-sm text-fg-muted sm:px-5">No race is in play. The scheduler opens the next one for tickets within seconds.</p>
        ) : (
          <ul className="divide-y divide-line" data-testid="open-races">
            {data.open.map((race) => (
              <OpenRace
                key={race.id}
                race={race}
                clock={clock}
                cancelling={cancelling === race.id}
                onCancel={() => {
                  setCancelling(race.id);
                  setOutcome(null);
                }}
                onClose={() => setCancelling(null)}
                onDone={done}
              />
            ))}
          </ul>
        )}
      </Card>

      <Card aria-labelledby="finished-races">
        <CardHeader>
          <div>
            <CardTitle id="finished-races">Finished races</CardTitle>
            <CardDescription>Settled or cancelled, among the latest 12 races.</CardDescription>
          </div>
        </CardHeader>
        <Table data-testid="finished-races" aria-labelledby="finished-races">
          <THead>
            <Tr>
              <Th>Race</Th>
              <Th>Status</Th>
              <Th>Opened</Th>
              <Th>Ended</Th>
              <Th numeric>Pool</Th>
              <Th numeric>Tickets</Th>
              <Th>Note</Th>
            </Tr>
          </THead>
          <TBody>
            {data.finished.length === 0 ? (
              <TableEmpty colSpan={7}>No race has finished yet.</TableEmpty>
            ) : (
              data.finished.map((r) => {
                const ended = r.status === "CANCELLED" ? r.cancelledAtMs : r.endsAtMs;
                return (
                  <Tr key={r.id} data-race-number={r.number}>
                    <Td><Link href={`/races/${r.number}`} className="font-medium whitespace-nowrap text-fg hover:underline">Race #{r.number}</Link></Td>
                    <Td><RaceStatusBadge status={r.status} /></Td>
                    <Td className="tabular whitespace-nowrap text-fg-muted">{clock(r.openedAtMs)}</Td>
                    <Td className="tabular whitespace-nowrap text-fg-muted">{ended === null ? "—" : clock(ended)}</Td>
                    <Td numeric><Credits cents={r.poolCents} /></Td>
                    <Td numeric>{r.ticketCount.toLocaleString("en-US")}</Td>
                    <Td className="max-w-sm min-w-48 text-xs text-fg-muted">{r.cancelReason ?? "—"}</Td>
                  </Tr>
                );
              })
            )}
          </TBody>
        </Table>
      </Card>
    </>
  );
}

function OutcomeAlert({ outcome, onDismiss }: { outcome: Outcome; onDismiss: () => void }) {
  const link = <LinkButton href={`/races/${outcome.number}`} variant="secondary" size="sm">Open Race #{outcome.number}</LinkButton>;
  const dismiss = <Button variant="ghost" size="sm" onClick={onDismiss}>Dismiss</Button>;
  return outcome.cancelled ? (
    <Alert tone="positive" title={`Race #${outcome.number} cancelled`} data-testid="cancel-outcome" actions={<>{link}{dismiss}</>}>
      Every ticket was refunded in full to its backer&apos;s wallet; its race page shows the refunds.
    </Alert>
  ) : (
    <Alert tone="warning" title={`Race #${outcome.number} was not cancelled`} data-testid="cancel-outcome" actions={<>{link}{dismiss}</>}>
      It had already ended (or been cancelled) when the request arrived, so nothing changed. Its race page shows where it is now.
    </Alert>
  );
}

/** What the times of a race in play say, by status. */
function RaceTimes({ race, clock }: { race: AdminRace; clock: (ms: number) => string }) {
  switch (race.status) {
    case "ACCUMULATING":
      return (
        <>
          Opened {clock(race.openedAtMs)} · launches at {clock(race.launchAtMs)}, in <Countdown to={race.launchAtMs} done="launching…" className="tabular text-fg" />
        </>
      );
    case "LAUNCHED":
      return <>Launched {race.launchedAtMs === null ? "" : clock(race.launchedAtMs)} · going live</>;
    case "LIVE":
      return (
        <>
          Live since {race.liveAtMs === null ? "—" : clock(race.liveAtMs)}
          {race.endsAtMs === null ? null : (
            <> · ends at {clock(race.endsAtMs)}, in <Countdown to={race.endsAtMs} done="ending…" className="tabular text-fg" /></>
          )}
        </>
      );
    case "SETTLING":
      return <>Ended {race.endsAtMs === null ? "" : clock(race.endsAtMs)} · settling the pool</>;
    default:
      return null;
  }
}

function OpenRace({ race, clock, cancelling, onCancel, onClose, onDone }: {
  race: AdminRace;
  clock: (ms: number) => string;
  cancelling: boolean;
  onCancel: () => void;
  onClose: () => void;
  onDone: (o: Outcome) => void;
}) {
  const cancellable = canTransition(race.status, "CANCELLED");
  return (
    <li className="flex flex-col gap-3 px-4 py-4 sm:px-5" data-testid="open-race" data-race-number={race.number} data-status={race.status}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex min-w-0 flex-col gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <Link href={`/races/${race.number}`} className="font-semibold text-fg hover:underline">Race #{race.number}</Link>
            <RaceStatusBadge status={race.status} />
          </div>
          <p className="text-sm text-fg-muted">
            <RaceTimes race={race} clock={clock} />
          </p>
          <p className="text-xs text-fg-subtle">
            Schedule: {formatDuration(race.accumulateMs)} taking tickets, {formatDuration(race.liveMs)} live (time scale ×{race.timeScale.toLocaleString("en-US")})
          </p>
        </div>
        <div className="flex flex-col items-start gap-3 sm:flex-row sm:items-center sm:gap-6">
          <dl className="flex gap-6 text-sm">
            <div>
              <dt className="text-xs text-fg-muted">Pool</dt>
              <dd data-testid="pool"><Credits cents={race.poolCents} /></dd>
            </div>
            <div>
              <dt className="text-xs text-fg-muted">Tickets</dt>
              <dd className="tabular" data-testid="tickets">{race.ticketCount.toLocaleString("en-US")}</dd>
            </div>
          </dl>
          <div className="flex gap-2">
            <LinkButton href={`/races/${race.number}`} variant="secondary" size="sm" aria-label={`Open Race #${race.number}`}>Open</LinkButton>
            {cancellable ? (
              <Button variant="danger" size="sm" aria-label={`Cancel Race #${race.number}`} aria-expanded={cancelling} disabled={cancelling} onClick={onCancel}>
                Cancel race
              </Button>
            ) : null}
          </div>
        </div>
      </div>
      {cancelling && cancellable ? <CancelRaceForm race={race} onClose={onClose} onDone={onDone} /> : null}
    </li>
  );
}

/** The confirmation step: a reason (kept on the race and shown on its page) and an explicit confirm. */
function CancelRaceForm({ race, onClose, onDone }: { race: AdminRace; onClose: () => void; onDone: (o: Outcome) => void }) {
  const trpc = useTRPC();
  const cancel = useMutation(trpc.arena.cancelRace.mutationOptions());
  const [failure, setFailure] = useState<FormError | null>(null);
  const id = `cancel-reason-${race.id}`;

  useEffect(() => {
    document.getElementById(id)?.focus();
  }, [id]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    setFailure(null);
    try {
      const { cancelled } = await cancel.mutateAsync({ raceId: race.id, reason });
      onDone({ number: race.number, cancelled });
    } catch (e) {
      setFailure(toFormError(e));
    }
  }

  const fieldError = failure?.fieldErrors.reason;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`Cancel Race #${race.number}`}
      className="flex flex-col gap-3 rounded-card border border-negative/35 bg-negative/[0.05] p-4"
    >
      <p className="text-sm text-fg">
        Cancel <strong>Race #{race.number}</strong> for good. <strong>Every ticket is refunded in full</strong> to its backer
        ({ticketsText(race.ticketCount)}, <Credits cents={race.poolCents} /> in the pool so far){race.status === "ACCUMULATING" ? "; the scheduler opens the next race for tickets within seconds" : "; its entrants stop trading"}.
      </p>
      {failure && !fieldError ? <Alert tone="negative">{failure.message}</Alert> : null}
      <TextareaField
        label="Reason"
        name="reason"
        id={id}
        required
        rows={2}
        error={fieldError}
        hint="At least 3 characters. Shown on the race page as “Cancelled by an operator: …”."
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" loading={cancel.isPending}>
          Cancel and refund every ticket
        </Button>
        <Button type="button" variant="ghost" onClick={onClose}>
          Keep the race
        </Button>
      </div>
    </form>
  );
}
