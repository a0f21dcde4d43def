"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { controlClasses } from "@/components/ui/input";
import { Stat, StatGrid } from "@/components/ui/stat";
import { assetsOf } from "@/lib/domain/graph/queries";
import type { CloneGraph } from "@/lib/domain/graph/schema";
import { useTRPC } from "@/lib/trpc/client";
import { toFormError } from "@/lib/trpc/errors";

const M = 60_000;
const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const minute = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
const hours = (minutes: number) => (minutes < 120 ? `${minutes} minutes` : minutes < 2 * 1_440 ? `${(minutes / 60).toFixed(1)} hours` : `${(minutes / 1_440).toFixed(1)} days`);
const pct = (x: number | null | undefined) => (x == null ? "n/a" : `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(2)}%`);
const count = (n: number) => n.toLocaleString("en-US");
const num = (x: number | null | undefined) => (x == null ? "n/a" : x.toFixed(2));

/** A quick backtest of the saved clone: a window of market memory, progress while it runs, then its figures. */
export function BacktestCard({ cloneId, graph }: { cloneId: string; graph: CloneGraph }) {
  const trpc = useTRPC();
  const symbols = assetsOf(graph).filter((a) => a.enabled && a.venue === "HYPERLIQUID").map((a) => a.symbol);
  const [asset, setAsset] = useState(symbols[0] ?? "");
  // the last full week by default (a lazy initial state: the clock is read once, not at every render)
  const [from, setFrom] = useState(() => day(Date.now() - 7 * DAY));
  const [to, setTo] = useState(() => day(Date.now()));
  const [runId, setRunId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = useMutation(trpc.backtests.start.mutationOptions());
  const run = useQuery({
    ...trpc.backtests.get.queryOptions({ id: runId ?? "" }),
    enabled: runId !== null,
    refetchInterval: (q) => (q.state.data?.status === "RUNNING" ? 500 : false),
  });
  const view = run.data;
  const r = view?.result;

  const submit = async () => {
    setError(null);
    try {
      // "To" is a whole day: the window runs through its end, or up to the last closed minute when that is today
      const end = Math.min(Date.parse(`${to}T00:00:00Z`) + DAY, Math.floor(Date.now() / M) * M - M);
      const started = await start.mutateAsync({ cloneId, asset, from: new Date(`${from}T00:00:00Z`), to: new Date(end) });
      setRunId(started.id);
    } catch (e) {
      const failure = toFormError(e);
      setError(Object.values(failure.fieldErrors).flat()[0] ?? failure.message);
    }
  };

  return (
    <Card className="mt-6" data-testid="backtest-card">
      <CardHeader>
        <CardTitle>Backtest</CardTitle>
        <CardDescription>The saved version over past market memory, with the live rules: fills, fees, stops, funding.</CardDescription>
      </CardHeader>
      <CardBody className="flex flex-col gap-4">
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col gap-1 text-xs text-fg-muted">
            Asset
            <select className={`${controlClasses} h-9`} value={asset} onChange={(e) => setAsset(e.target.value)}>
              {symbols.map((s) => <option key={s}>{s}</option>)}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-xs text-fg-muted">
            From
            <input type="date" className={`${controlClasses} h-9`} value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className="flex flex-col gap-1 text-xs text-fg-muted">
            To (through the end of the day)
            <input type="date" className={`${controlClasses} h-9`} value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <Button onClick={submit} loading={start.isPending || view?.status === "RUNNING"} disabled={!asset}>Run backtest</Button>
        </div>
        {error ? <Alert tone="negative" title="Cannot run this backtest">{error}</Alert> : null}
        {view?.status === "RUNNING" ? (
          <div className="h-2 w-full rounded bg-surface-2" role="progressbar" aria-valuenow={Math.round(view.progress * 100)} aria-valuemin={0} aria-valuemax={100}>
            <div className="h-2 rounded bg-accent" style={{ width: `${Math.round(view.progress * 100)}%` }} />
          </div>
        ) : null}
        {view?.status === "FAILED" ? <Alert tone="negative" title="The backtest failed">{view.error}</Alert> : null}
        {r && view ? (
          <p className="text-xs text-fg-muted" data-testid="backtest-window">
            {view.asset}, {minute(view.from)} → {minute(view.to)}: {hours(r.coverage.minutes)} of minutes in market memory
            {r.coverage.minutes < r.coverage.expected ? ` (${((r.coverage.minutes / r.coverage.expected) * 100).toFixed(1)}% of the window)` : ""}, run in {((r.timings.loadMs + r.timings.engineMs) / 1000).toFixed(2)} s.
          </p>
        ) : null}
        {r ? (
          <StatGrid>
            <Stat label="Return" value={pct(r.metrics.totalReturn)} hint={`buy and hold ${pct(r.metrics.buyAndHoldReturn)}`} />
            <Stat label="Sharpe / Sortino" value={`${num(r.metrics.sharpe)} / ${num(r.metrics.sortino)}`} hint="hourly returns, annualised" />
            <Stat label="Max drawdown" value={pct(-r.metrics.maxDrawdown)} />
            <Stat label="Win rate" value={r.metrics.winRate == null ? "n/a" : `${(r.metrics.winRate * 100).toFixed(1)}%`} hint={`profit factor ${num(r.metrics.profitFactor)}`} />
            <Stat label="Trades" value={count(r.metrics.trades)} hint={`exposure ${(r.metrics.exposure * 100).toFixed(1)}%`} />
            <Stat label="Decisions" value={count(Object.values(r.decisions).reduce((a, n) => a + n, 0))} hint={`${count(r.decisions.ACTION)} orders, ${count(r.decisions.NO_TRADE)} no-trade`} />
          </StatGrid>
        ) : null}
      </CardBody>
    </Card>
  );
}
