import { Badge } from "@/components/ui/badge";
import type { StreamPacket, StreamStatus } from "@/lib/domain/decisions/context-packet";
import { formatAge } from "@/lib/format";

const STATUS: Readonly<Record<StreamStatus, { tone: "positive" | "warning" | "negative"; label: string }>> = {
  ok: { tone: "positive", label: "Fresh" },
  stale: { tone: "warning", label: "Stale" },
  missing: { tone: "negative", label: "Missing" },
};

const SHOWN_POINTS = 5;

/** "11-21 07:35": bars are minutes apart, so the day and the minute are what matter. */
const time = (ms: number) => {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
};

export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return "–";
  if (typeof v === "number") return Number.isFinite(v) ? v.toLocaleString("en-US", { maximumSignificantDigits: 6 }) : String(v);
  if (typeof v === "object") {
    return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k} ${formatValue(x)}`).join(" · ");
  }
  return String(v);
}

/** One stream of the context packet: its freshness, its last points, its indicators. */
export function StreamSnapshot({ stream, decisionTime }: { stream: StreamPacket; decisionTime: number }) {
  const status = STATUS[stream.freshness.status];
  const points = stream.points.slice(-SHOWN_POINTS).reverse();
  const columns = points[0] ? Object.keys(points[0]) : [];
  const indicators = Object.entries(stream.indicators);
  return (
    <section aria-label={`Stream ${stream.blockId}`} data-testid={`latest-stream-${stream.blockId}`} className="rounded-lg border border-line bg-surface-2/40">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-line px-4 py-2.5">
        <div className="min-w-0">
          <p className="font-mono text-sm text-fg">{stream.blockId}</p>
          <p className="text-xs text-fg-muted">{stream.source} {stream.dataset} · {stream.granularity}{stream.include ? "" : " · excluded from the prompt"}</p>
        </div>
        <Badge tone={status.tone} dot data-testid="freshness">{status.label}</Badge>
      </header>
      <div className="flex flex-col gap-3 px-4 py-3 text-sm">
        <p className="text-xs text-fg-muted">
          {stream.freshness.asOf === null ? "No data point before now." : `Newest point ${time(stream.freshness.asOf)} UTC, ${formatAge(decisionTime - stream.freshness.asOf)}.`}
          {stream.freshness.reason ? <span className="block text-warning">{stream.freshness.reason}</span> : null}
        </p>
        {points.length > 0 ? (
          <div className="overflow-x-auto rounded-md border border-line">
            <table className="w-full text-xs" data-testid="latest-points">
              <caption className="sr-only">Last {points.length} points of {stream.blockId}, newest first</caption>
              <thead className="bg-surface-2/60 text-fg-muted">
                <tr>{columns.map((c) => <th key={c} scope="col" className={`px-2.5 py-1.5 font-medium ${c === "time" ? "text-left" : "text-right"}`}>{c}</th>)}</tr>
              </thead>
              <tbody className="divide-y divide-line">
                {points.map((p, i) => (
                  <tr key={i}>
                    {columns.map((c) => (
                      <td key={c} className={`tabular px-2.5 py-1.5 whitespace-nowrap ${c === "time" ? "text-left text-fg-muted" : "text-right text-fg"}`}>
                        {c === "time" && typeof p[c] === "number" ? time(p[c]) : formatValue(p[c])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <p className="text-xs text-fg-subtle">{stream.points.length} {stream.points.length === 1 ? "point" : "points"} retrieved{stream.points.length > SHOWN_POINTS ? `; the last ${SHOWN_POINTS} shown, newest first` : ""}.</p>
        {indicators.length > 0 ? <h4 className="text-xs font-medium text-fg-muted">Indicators, latest value</h4> : null}
        {indicators.length > 0 ? (
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1.5 sm:grid-cols-2" data-testid="latest-indicators">
            {indicators.map(([k, v]) => (
              <div key={k} className="flex items-baseline justify-between gap-3 border-b border-line/60 pb-1">
                <dt className="text-xs text-fg-muted">{k}</dt>
                <dd className="tabular text-right text-xs text-fg">{v === null ? "warming up" : formatValue(v)}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
    </section>
  );
}
