"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import { useTRPC } from "@/lib/trpc/client";
import { formatTime, label, price, size, usdFine } from "./format";

interface PayloadView {
  text: string | null;
  artifact: string | null;
  error: string | null;
}

/** JSON shown indented; anything else exactly as stored. Always as text, never as markup. */
function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function Payload({ title, view, open = false }: { title: string; view: PayloadView; open?: boolean }) {
  return (
    <details className="group rounded-md border border-line bg-canvas/60" open={open}>
      <summary className="flex cursor-pointer items-center justify-between gap-2 px-3 py-2 text-xs font-medium text-fg-muted select-none hover:text-fg">
        <span>{title}</span>
        {view.artifact ? <span className="truncate font-mono text-[11px] text-fg-subtle" title={view.artifact}>from the artifact store</span> : null}
      </summary>
      {view.error ? (
        <p className="border-t border-line px-3 py-2 text-xs text-negative">{view.error}</p>
      ) : (
        <pre className="max-h-80 overflow-auto border-t border-line px-3 py-2 font-mono text-[11px] leading-relaxed break-words whitespace-pre-wrap text-fg">{pretty(view.text ?? "")}</pre>
      )}
    </details>
  );
}

/** A decision's expandable part: loaded when first opened (prompts and packets are tens of KB each). */
export function DecisionDetails({ cloneId, decisionId, children }: { cloneId: string; decisionId: string; children?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.history.decision.queryOptions({ cloneId, decisionId }), enabled: open, staleTime: Infinity });
  const d = query.data;

  return (
    <div className="mt-2">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs">
        {children}
        <button
          type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}
          className="font-medium text-accent hover:text-accent-hover focus-visible:underline focus-visible:outline-none"
        >
          {open ? "Hide details" : "Validation, prompt and response"}
        </button>
      </div>
      {open ? (
        <div id={panelId} className="mt-2 flex flex-col gap-2" data-testid="decision-details">
          {query.isPending ? <p className="flex items-center gap-2 text-xs text-fg-muted"><Spinner /> Loading the stored decision…</p> : null}
          {query.isError ? <Alert tone="negative" title="Could not load this decision">{query.error.message}</Alert> : null}
          {d ? (
            <>
              <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs sm:grid-cols-4">
                <div><dt className="text-fg-subtle">Model</dt><dd className="text-fg">{d.provider} · {d.model}</dd></div>
                <div><dt className="text-fg-subtle">Graph version</dt><dd className="tabular text-fg">{d.cloneVersion}</dd></div>
                <div><dt className="text-fg-subtle">Tokens in / out</dt><dd className="tabular text-fg">{d.inputTokens} / {d.outputTokens}{d.cacheReadTokens ? ` (${d.cacheReadTokens} cached)` : ""}</dd></div>
                <div><dt className="text-fg-subtle">Cost</dt><dd className="tabular text-fg">{usdFine(d.costMicroUsd)}</dd></div>
              </dl>
              {d.orders.length > 0 ? (
                <ul className="flex flex-col gap-1 text-xs">
                  {d.orders.map((o) => (
                    <li key={o.id} className="flex flex-wrap items-center gap-2">
                      <Badge tone={o.status === "FILLED" ? "positive" : "negative"}>{o.status === "FILLED" ? "Filled" : "Rejected"}</Badge>
                      <span className="text-fg">{o.side === "buy" ? "Buy" : "Sell"} {size(o.sizeBase)} · {label(o.purpose)}</span>
                      {o.fills.map((f, i) => <span key={i} className="tabular text-fg-muted">at {price(f.price)} ({f.slippageBps.toFixed(1)} bps slippage) · {formatTime(f.timeMs)}</span>)}
                      {o.reason ? <span className="text-negative">{o.reason}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              <Payload title="Validation result" view={d.validation} open />
              <Payload title="Prompt" view={d.prompt} />
              <Payload title="Model response" view={d.response} />
              <Payload title="Context packet (what the clone saw)" view={d.contextPacket} />
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
