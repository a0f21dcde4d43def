import { DecisionStatusBadge } from "@/components/clones/decision-status-badge";
import { Badge } from "@/components/ui/badge";
import { DecisionDetails } from "./decision-details";
import { formatTime, label, price, usdFine } from "./format";
import type { DecisionPage } from "./types";

function actionText(d: DecisionPage["rows"][number]): string {
  if (!d.action) return "";
  const opening = d.action.startsWith("open");
  return `${label(d.action)}${opening && d.sizePct !== null ? ` ${d.sizePct}%` : ""}${opening && d.leverage !== null ? ` at ${d.leverage}x` : ""}`;
}

/** Decisions newest first: when, what, why (the model's reasoning, as text), and what it cost. */
export function DecisionList({ cloneId, rows, showMode }: { cloneId: string; rows: DecisionPage["rows"]; showMode: boolean }) {
  return (
    <ul className="divide-y divide-line" data-testid="history-decisions">
      {rows.map((d) => (
        <li key={d.id} className="px-4 py-4 sm:px-5" data-testid="history-decision">
          <div className="flex flex-col gap-2 sm:flex-row sm:gap-4">
            <div className="flex shrink-0 items-start gap-2 sm:w-72">
              <div className="w-20 shrink-0" data-testid="decision-status"><DecisionStatusBadge status={d.status} /></div>
              <div className="min-w-0 text-xs">
                <div className="tabular text-fg-muted">{formatTime(d.decisionTimeMs)}</div>
                <div className="font-medium text-fg">{d.asset}{d.action ? ` · ${actionText(d)}` : ""}</div>
                {d.stopLoss !== null || d.takeProfit !== null ? (
                  <div className="tabular text-fg-subtle">stop {price(d.stopLoss)} · TP {price(d.takeProfit)}</div>
                ) : null}
                {showMode ? <Badge className="mt-1">{label(d.mode)}</Badge> : null}
              </div>
            </div>
            <div className="min-w-0 flex-1">
              {/* the model's reasoning is text: rendered as text, never as markup */}
              <p className="text-sm break-words whitespace-pre-wrap text-fg" data-testid="reasoning">{d.reasoning ?? d.reason ?? "No reasoning was recorded."}</p>
              {d.reasoning && d.reason && d.status !== "HOLD" ? <p className="mt-1 text-xs break-words text-negative">{d.reason}</p> : null}
              <DecisionDetails cloneId={cloneId} decisionId={d.id}>
                <span className="text-fg-subtle">Latency <span className="tabular text-fg-muted">{d.latencyMs} ms</span></span>
                <span className="text-fg-subtle">Cost <span className="tabular text-fg-muted">{usdFine(d.costMicroUsd)}</span></span>
                {d.confidence !== null ? <span className="text-fg-subtle">Confidence <span className="tabular text-fg-muted">{Math.round(d.confidence * 100)}%</span></span> : null}
              </DecisionDetails>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
