"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CloseIcon, RefreshIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { findBlock } from "@/lib/domain/graph/queries";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { useBuilder } from "./builder-context";
import { formatValue, StreamSnapshot } from "./stream-snapshot";

/**
 * The Asset Block's Latest Data drawer: exactly what a decision at now would see
 * for this asset, resolved on the server by the decisions' own context resolver
 * from the saved version of the graph (the draft is not what decisions run).
 */
export function LatestDataDrawer({ assetId, onClose }: { assetId: string; onClose: () => void }) {
  const { cloneId, savedGraph, dirty } = useBuilder();
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.clones.latestData.queryOptions({ cloneId }), staleTime: 0 });
  const close = useRef<HTMLButtonElement>(null);
  const saved = findBlock(savedGraph, assetId, "asset");
  const packet = query.data?.packet;
  const asset = saved && packet?.assets.find((a) => a.venue === saved.venue && a.symbol === saved.symbol);
  const problems = packet && saved ? packet.problems.filter((p) => p.asset === saved.symbol) : [];

  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  return (
    <div className="fixed inset-0 z-50 flex justify-end">
      <div aria-hidden="true" className="absolute inset-0 bg-black/60" onClick={onClose} />
      <div role="dialog" aria-modal="true" aria-labelledby="latest-data-title" className="relative flex h-full w-full max-w-2xl flex-col border-l border-line bg-surface shadow-2xl shadow-black/60">
        <header className="flex items-start justify-between gap-3 border-b border-line px-5 py-4">
          <div className="min-w-0">
            <h2 id="latest-data-title" className="text-base font-semibold text-fg">
              Latest data · {saved ? `${saved.symbol} on ${saved.venue === "HYPERLIQUID" ? "Hyperliquid" : "Polymarket"}` : assetId}
              <span className="ml-2 font-mono text-xs font-normal text-fg-muted">{assetId}</span>
            </h2>
            <p className="mt-0.5 text-xs text-fg-muted">
              What a decision at now would see{packet ? ` (${formatDateTime(new Date(packet.decisionTime))})` : ""}, from saved version {query.data?.version ?? "…"}, by the decisions&apos; own resolver.
            </p>
          </div>
          <div className="flex shrink-0 items-center gap-1">
            <Button variant="ghost" size="sm" onClick={() => void query.refetch()} loading={query.isFetching} aria-label="Refresh latest data">{query.isFetching ? null : <RefreshIcon className="size-4" />}</Button>
            <Button ref={close} variant="ghost" size="sm" onClick={onClose} aria-label="Close latest data"><CloseIcon className="size-4" /></Button>
          </div>
        </header>
        <div className="flex flex-1 flex-col gap-4 overflow-y-auto px-5 py-4">
          {dirty ? <Alert tone="warning" title="The draft has unsaved changes">This shows the saved version&apos;s context. Save to see what your changes would feed the clone.</Alert> : null}
          {query.isPending ? <p className="flex items-center gap-2 text-sm text-fg-muted"><Spinner /> Resolving the context packet…</p> : null}
          {query.isError ? <Alert tone="negative" title="Could not load the latest data">{query.error.message}</Alert> : null}
          {packet && !saved ? <Alert tone="info">Block <code>{assetId}</code> is not in the saved version yet. Save the graph to see its data.</Alert> : null}
          {packet && saved && !asset ? <Alert tone="info">Asset <code>{assetId}</code> is saved but the trading prompt does not trade it, so decisions see nothing for it.</Alert> : null}
          {asset && packet ? (
            <>
              <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
                <span className="text-fg-muted">Last price <span className="tabular text-fg" data-testid="latest-price">{formatValue(asset.lastPrice)}</span></span>
                {asset.enabled ? <Badge tone="positive">Enabled</Badge> : <Badge tone="warning">Paused: no decisions</Badge>}
              </div>
              {asset.streams.length === 0 ? <p className="text-sm text-fg-muted">No data stream feeds this asset.</p> : null}
              {asset.streams.map((s) => <StreamSnapshot key={s.blockId} stream={s} decisionTime={packet.decisionTime} />)}
              <section aria-labelledby="latest-problems" className="flex flex-col gap-2">
                <h3 id="latest-problems" className="text-xs font-medium tracking-wide text-fg-muted uppercase">Problems</h3>
                {problems.length === 0 ? (
                  <p className="text-sm text-positive" data-testid="latest-problems">None: every stream is fresh.</p>
                ) : (
                  <ul className="flex flex-col gap-1.5 text-sm" data-testid="latest-problems">
                    {problems.map((p) => (
                      <li key={p.blockId} className="flex flex-wrap items-baseline gap-2">
                        <Badge tone={p.status === "stale" ? "warning" : "negative"}>{p.status}</Badge>
                        <code className="font-mono text-xs text-fg">{p.blockId}</code>
                        <span className="text-fg-muted">{p.reason}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </>
          ) : null}
        </div>
      </div>
    </div>
  );
}
