"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Credits } from "@/components/ui/credits";
import { FieldShell, fieldControlProps } from "@/components/ui/field";
import { controlClasses, Input } from "@/components/ui/input";
import { formatCredits, parseCredits } from "@/lib/domain/money";
import { liveOdds } from "@/lib/domain/race/odds";
import { MAX_STAKE_CENTS, MIN_STAKE_CENTS } from "@/lib/domain/race/tickets";
import { useTRPC } from "@/lib/trpc/client";
import { toFormError, type FormError } from "@/lib/trpc/errors";
import { CloneAvatar } from "./clone-avatar";
import { multiplier, ordinal } from "./format";
import type { AccumulatingView } from "./types";

const QUICK = [10, 25, 50, 100] as const;

/** The payout a ticket of `stakeCents` would get at the current stakes, counting the ticket itself; one per paid place. */
function potentialPayouts(view: AccumulatingView, cloneId: string, stakeCents: number): number[] {
  const odds = liveOdds(view.entrants.map((e) => ({ cloneId: e.cloneId, stakeCents: e.stakeCents + (e.cloneId === cloneId ? stakeCents : 0) })));
  const mine = odds.odds.find((o) => o.cloneId === cloneId);
  // payouts are floored to the cent at settlement; the epsilon keeps 34.2 × 100 from reading 3419
  return (mine?.payoutPerCredit ?? []).map((p) => (p === null ? 0 : Math.floor(p * stakeCents + 1e-7)));
}

export interface LaunchNotice {
  launched: number;
  next: number;
}

/** Pick a clone of the accumulating race and a stake; shows the wallet and what the ticket would pay. */
export function BuyBox({
  view,
  locked,
  signedIn,
  cloneId,
  onCloneChange,
  notice,
}: {
  view: AccumulatingView | null;
  locked: boolean;
  signedIn: boolean;
  cloneId: string;
  onCloneChange: (cloneId: string) => void;
  notice: LaunchNotice | null;
}) {
  return (
    <Card id="buy" aria-labelledby="buy-title" data-testid="buy-box">
      <CardHeader>
        <div>
          <CardTitle id="buy-title">Buy a ticket</CardTitle>
          <CardDescription>{view ? `Race #${view.race.number} · 1 to 1,000 credits on one clone` : "No race is taking tickets right now"}</CardDescription>
        </div>
      </CardHeader>
      <CardBody className="flex flex-col gap-4">
        {notice ? (
          <Alert tone="info" data-testid="launch-notice" title={`Race #${notice.launched} launched`}>
            Its odds are locked and it is racing now. Tickets you buy here are for Race #{notice.next}.
          </Alert>
        ) : null}
        {!signedIn ? (
          <div className="flex flex-col gap-3">
            <p className="text-sm text-fg-muted">Sign in to back a clone. Every new account starts with 1,000 credits; credits have no cash value.</p>
            <div className="flex gap-2">
              <LinkButton href="/signin?callbackUrl=%2Farena" variant="primary" className="flex-1">
                Sign in to buy
              </LinkButton>
              <LinkButton href="/signup" variant="secondary" className="flex-1">
                Sign up
              </LinkButton>
            </div>
          </div>
        ) : !view || view.entrants.length < 2 ? (
          <p className="text-sm text-fg-muted">
            {view ? "A race needs at least 2 entrants before tickets make sense; this one will be cancelled and refunded at launch." : "Tickets go on sale as soon as the next race opens."}
          </p>
        ) : (
          <BuyForm key={view.race.id} view={view} locked={locked} cloneId={cloneId} onCloneChange={onCloneChange} />
        )}
      </CardBody>
    </Card>
  );
}

function BuyForm({ view, locked, cloneId, onCloneChange }: { view: AccumulatingView; locked: boolean; cloneId: string; onCloneChange: (cloneId: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const wallet = useQuery({ ...trpc.wallet.get.queryOptions({ page: 1 }), staleTime: 0 });
  const buy = useMutation(trpc.arena.buyTicket.mutationOptions());
  const [amount, setAmount] = useState("10");
  const [failure, setFailure] = useState<FormError | null>(null);
  const [bought, setBought] = useState<{ name: string; stakeCents: number; raceNumber: number; replayed: boolean } | null>(null);
  // one key per purchase the person means to make: a retry of the same ticket (a double click,
  // a lost answer) reuses it and buys once; a new ticket, or a changed one, draws a new key
  const [attempt, setAttempt] = useState<{ key: string; signature: string } | null>(null);

  const entrant = view.entrants.find((e) => e.cloneId === cloneId) ?? null;
  const parsed = parseCredits(amount);
  const stakeCents = parsed.ok && parsed.cents >= MIN_STAKE_CENTS && parsed.cents <= MAX_STAKE_CENTS ? parsed.cents : null;
  const payouts = entrant && stakeCents !== null ? potentialPayouts(view, entrant.cloneId, stakeCents) : null;
  const balance = wallet.data?.balanceCents ?? null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBought(null);
    if (!entrant) {
      setFailure({ message: "Choose a clone to back", fieldErrors: { cloneId: ["Choose a clone to back"] } });
      return;
    }
    const signature = `${view.race.id}|${entrant.cloneId}|${amount.trim()}`;
    const key = attempt && attempt.signature === signature ? attempt.key : crypto.randomUUID();
    setAttempt({ key, signature });
    setFailure(null);
    try {
      const t = await buy.mutateAsync({ raceId: view.race.id, cloneId: entrant.cloneId, amount, clientKey: key });
      setBought({ name: entrant.name, stakeCents: t.stakeCents, raceNumber: view.race.number, replayed: t.replayed });
      setAttempt(null);
      void queryClient.invalidateQueries({ queryKey: trpc.arena.overview.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.wallet.get.queryKey() });
    } catch (e) {
      setFailure(toFormError(e));
    }
  }

  const fe = failure?.fieldErrors ?? {};
  const amountError = fe.amount ?? fe.stakeCents;
  const cloneError = fe.cloneId;
  const formLevel = failure && !amountError && !cloneError ? failure.message : null;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Buy a ticket" className="flex flex-col gap-4">
      {bought ? (
        <Alert tone="positive" data-testid="buy-success" title="Ticket bought">
          {formatCredits(bought.stakeCents)} credits on {bought.name} in Race #{bought.raceNumber}
          {bought.replayed ? " (already bought: this was a retry)" : ""}. <Link href="/tickets">My tickets</Link>
        </Alert>
      ) : null}
      {formLevel ? <Alert tone="negative">{formLevel}</Alert> : null}

      <FieldShell label="Clone" name="cloneId" error={cloneError}>
        <div className="flex items-center gap-2">
          {entrant ? <CloneAvatar avatar={entrant.avatar} name={entrant.name} /> : null}
          <select
            {...fieldControlProps({ name: "cloneId", error: cloneError })}
            value={entrant?.cloneId ?? ""}
            onChange={(e) => {
              onCloneChange(e.target.value);
              setFailure(null);
            }}
            disabled={locked}
            className={cn(controlClasses, "h-10 min-w-0 flex-1")}
          >
            <option value="" disabled>
              Choose a clone…
            </option>
            {view.entrants.map((e) => (
              <option key={e.cloneId} value={e.cloneId}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
      </FieldShell>

      <FieldShell label="Stake" labelAside="credits, 1 to 1,000" name="amount" error={amountError}>
        <div className="flex items-center gap-2">
          <div className="w-28 shrink-0">
            <Input
              {...fieldControlProps({ name: "amount", error: amountError })}
              value={amount}
              onChange={(e) => {
                setAmount(e.target.value);
                if (amountError) setFailure(null);
              }}
              inputMode="decimal"
              autoComplete="off"
              numeric
              disabled={locked}
            />
          </div>
          <div className="flex min-w-0 flex-1 flex-wrap gap-1" role="group" aria-label="Quick amounts">
            {QUICK.map((q) => (
              <button
                key={q}
                type="button"
                disabled={locked}
                onClick={() => {
                  setAmount(String(q));
                  setFailure(null);
                }}
                aria-label={`${q} credits`}
                aria-pressed={amount.trim() === String(q)}
                className={cn(
                  "tabular h-8 min-w-10 flex-1 rounded-md border px-2 text-xs font-medium transition-colors disabled:opacity-50",
                  amount.trim() === String(q) ? "border-accent/50 bg-accent/10 text-accent" : "border-line-strong bg-surface-2 text-fg-muted hover:text-fg",
                )}
              >
                {q}
              </button>
            ))}
          </div>
        </div>
      </FieldShell>

      <div className="flex items-baseline justify-between text-sm">
        <span className="text-fg-muted">Wallet balance</span>
        <span data-testid="buy-balance" className="font-medium text-fg">
          {balance === null ? (wallet.isError ? "unavailable" : "…") : <Credits cents={balance} />}
        </span>
      </div>

      <div className="rounded-lg border border-line bg-canvas/60 p-3" data-testid="potential-payout" aria-live="polite">
        {!entrant ? (
          <p className="text-sm text-fg-muted">Choose a clone to see what the ticket would pay.</p>
        ) : stakeCents === null ? (
          <p className="text-sm text-fg-muted">Enter 1 to 1,000 credits to see what the ticket would pay.</p>
        ) : (
          <>
            <p className="text-xs text-fg-muted">If {entrant.name} finishes 1st, at the current odds</p>
            <p className="mt-0.5 flex items-baseline gap-2">
              {/* green only when it pays back more than the stake: a heavy favourite can win and still lose credits */}
              <span className={cn("text-xl font-semibold", (payouts?.[0] ?? 0) > stakeCents ? "text-positive" : "text-fg")}>
                <Credits cents={payouts?.[0] ?? 0} />
              </span>
              <span className="tabular text-sm text-fg-muted">{multiplier((payouts?.[0] ?? 0) / stakeCents)}</span>
            </p>
            {payouts && payouts.length > 1 ? (
              <p className="mt-1 text-xs text-fg-muted">
                {payouts.slice(1).map((p, i) => (
                  <span key={i} className="mr-3 inline-block">
                    {ordinal(i + 2)}: <Credits cents={p} />
                  </span>
                ))}
              </p>
            ) : null}
            <p className="mt-2 text-xs text-fg-subtle">Counts your ticket. Odds keep moving until launch; the settlement pays the final ones.</p>
          </>
        )}
      </div>

      <Button type="submit" fullWidth loading={buy.isPending} disabled={locked}>
        {locked ? "Tickets closed" : stakeCents !== null && entrant ? `Buy ${formatCredits(stakeCents)} cr on ${entrant.name}` : "Buy ticket"}
      </Button>
      {balance !== null && stakeCents !== null && stakeCents > balance ? (
        <p className="-mt-2 text-xs text-warning">That is more than your balance of {formatCredits(balance)} credits.</p>
      ) : null}
    </form>
  );
}
