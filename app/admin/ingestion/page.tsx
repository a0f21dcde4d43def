import type { Metadata } from "next";
import { RetryChannelButton } from "@/components/market/retry-channel-button";
import { SourcePauseToggle } from "@/components/market/source-pause-toggle";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { LinkButton } from "@/components/ui/button";
import { formatAge, formatDateTime } from "@/lib/format";
import { api } from "@/server/api/server-caller";
import { requireAdmin } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Ingestion health" };

const COLOUR = { GREEN: { tone: "positive", label: "Green" }, YELLOW: { tone: "warning", label: "Yellow" }, RED: { tone: "negative", label: "Red" } } as const;

export default async function IngestionHealthPage() {
  await requireAdmin("/admin/ingestion");
  const o = await (await api()).admin.market.overview();

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={<Badge tone="info">Admin</Badge>}
        title="Ingestion health"
        subtitle={`Every channel of market memory (source × dataset × asset), coloured by the age of its last successful tick. Running here: ${o.running.join(", ")}.`}
        actions={<LinkButton href="/admin" variant="secondary" size="sm">Back to operations</LinkButton>}
      />

      <Card>
        <StatGrid>
          <Stat label="Green" value={<span data-testid="count-green" className="text-positive">{o.counts.GREEN}</span>} hint="fresh" />
          <Stat label="Yellow" value={<span data-testid="count-yellow" className="text-warning">{o.counts.YELLOW}</span>} hint="getting old or waiting" />
          <Stat label="Red" value={<span data-testid="count-red" className="text-negative">{o.counts.RED}</span>} hint="stale, failing or missing" />
          <Stat label="Open alerts" value={<span data-testid="count-alerts">{o.alerts.length}</span>} hint={`${o.channels.reduce((s, c) => s + c.openGaps, 0)} open gaps`} />
        </StatGrid>
      </Card>

      <Card>
        <CardHeader>
          <div>
            <CardTitle>Channels</CardTitle>
            <CardDescription>Lag is how far the newest stored point trails now. Retry clears the failure count and syncs the channel&apos;s source at once.</CardDescription>
          </div>
        </CardHeader>
        {o.channels.length === 0 ? (
          <CardBody>
            <EmptyState title="No channel has reported yet" body="Channels appear here as soon as the first sync of a source runs (within seconds of the app starting)." />
          </CardBody>
        ) : (
          <Table data-testid="channels">
            <THead>
              <Tr>
                <Th>Channel</Th>
                <Th>Status</Th>
                <Th>Last tick</Th>
                <Th numeric>Lag</Th>
                <Th numeric>Rows</Th>
                <Th numeric>Gaps</Th>
                <Th>Last error</Th>
                <Th numeric><span className="sr-only">Actions</span></Th>
              </Tr>
            </THead>
            <TBody>
              {o.channels.map((c) => (
                <Tr key={c.id} data-channel={c.id} data-colour={c.active ? c.colour : "IDLE"}>
                  <Td>
                    <div className="font-mono text-xs text-fg">{c.assetKey}</div>
                    <div className="text-xs text-fg-muted">{c.source} · {c.datasetLabel}</div>
                  </Td>
                  <Td>
                    {c.active ? (
                      <Badge tone={COLOUR[c.colour].tone} dot title={c.reason}>{COLOUR[c.colour].label}</Badge>
                    ) : (
                      <Badge title={`${c.source} is not a running source here (MARKET_SOURCE); this channel was filled by a backfill or import`}>Idle</Badge>
                    )}
                  </Td>
                  <Td className="tabular text-fg-muted">{c.ageMs === null ? "never" : formatAge(c.ageMs)}</Td>
                  <Td numeric className="text-fg-muted">{c.lagMs === null ? "–" : formatAge(c.lagMs).replace(" ago", "")}</Td>
                  <Td numeric>{c.rowsWritten.toLocaleString("en-US")}</Td>
                  <Td numeric className={c.openGaps ? "text-warning" : "text-fg-muted"}>{c.openGaps}</Td>
                  <Td className="max-w-64 truncate text-xs text-negative" title={c.lastError ?? undefined}>
                    {c.consecutiveFailures > 0 ? c.lastError : ""}
                  </Td>
                  <Td numeric><RetryChannelButton channelId={c.id} /></Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <div>
              <CardTitle>Source families</CardTitle>
              <CardDescription>A paused family is skipped by every scheduled sync until resumed.</CardDescription>
            </div>
          </CardHeader>
          <Table>
            <TBody>
              {o.pauses.map((p) => (
                <Tr key={p.source}>
                  <Td className="font-medium">{p.source}</Td>
                  <Td>
                    {p.paused ? (
                      <Badge tone="warning" title={p.reason ?? undefined}>Paused</Badge>
                    ) : o.running.includes(p.source) ? (
                      <Badge tone="positive">Running</Badge>
                    ) : (
                      <Badge title="Not selected by MARKET_SOURCE on this deployment">Not used here</Badge>
                    )}
                  </Td>
                  <Td numeric><SourcePauseToggle source={p.source} paused={p.paused} /></Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </Card>

        <Card>
          <CardHeader>
            <div>
              <CardTitle>Open alerts and recent errors</CardTitle>
              <CardDescription>One alert per channel and kind while it lasts; posted to ALERT_WEBHOOK_URL when set.</CardDescription>
            </div>
          </CardHeader>
          <CardBody className="flex flex-col gap-3 text-sm" data-testid="alerts">
            {o.alerts.length === 0 && o.errors.length === 0 ? <p className="text-fg-muted">No open alert and no error recorded.</p> : null}
            {o.alerts.map((a) => (
              <div key={a.id} className="flex flex-wrap items-baseline gap-2">
                <Badge tone="negative">{a.kind}</Badge>
                <span className="font-mono text-xs">{a.channelId}</span>
                <span className="text-fg-muted">{a.message}</span>
                <span className="tabular text-xs text-fg-subtle">since {formatDateTime(a.openedAt)}</span>
              </div>
            ))}
            {o.errors.slice(0, 10).map((e) => (
              <div key={e.id} className="flex flex-wrap items-baseline gap-2">
                <span className="tabular text-xs text-fg-subtle">{formatDateTime(e.at)}</span>
                <span className="font-mono text-xs">{e.channelId}</span>
                <span className="text-negative">{e.message}</span>
              </div>
            ))}
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
