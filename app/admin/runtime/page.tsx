import type { Metadata } from "next";
import Link from "next/link";
import { ClonePauseToggle } from "@/components/runtime/clone-pause-toggle";
import { KillSwitchPanel } from "@/components/runtime/kill-switch-panel";
import { LimitForm } from "@/components/runtime/limit-form";
import { SourcePauseToggle } from "@/components/market/source-pause-toggle";
import { Badge, type Tone } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableEmpty, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import type { KillSwitchLevel } from "@/lib/domain/risk/gates";
import { api } from "@/server/api/server-caller";
import { requireAdmin } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Runtime controls" };

const LEVEL_TONE: Record<KillSwitchLevel, Tone> = { none: "positive", pause: "warning", flatten: "warning", emergency: "negative" };
const LEVEL_LABEL: Record<KillSwitchLevel, string> = { none: "Off", pause: "Pause", flatten: "Flatten", emergency: "Emergency" };

export default async function RuntimeControlsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requireAdmin("/admin/runtime");
  const pageNumber = Math.max(1, Math.trunc(Number((await searchParams).page ?? "1")) || 1);
  const caller = await api();
  const [overview, changes, assertions, troubled] = await Promise.all([
    caller.admin.runtime.overview(),
    caller.admin.runtime.changes({ page: pageNumber }),
    caller.admin.runtime.assertions(),
    caller.admin.runtime.troubledRunners(),
  ]);
  const cloneNames = new Map(overview.clones.map((c) => [c.cloneId, c.name]));
  const { killSwitch } = overview;
  const pageCount = Math.max(1, Math.ceil(changes.total / changes.pageSize));

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={<Link href="/admin" className="text-sm text-fg-muted hover:text-fg">← Operations</Link>}
        title="Runtime controls"
        subtitle="Read by every worker each tick (within a second). Every change is kept below with who made it and why."
        actions={<LinkButton href="/admin/ingestion" variant="secondary" size="sm">Ingestion health</LinkButton>}
      />

      <Card>
        <CardHeader>
          <div>
            <CardTitle>Kill switch</CardTitle>
            <CardDescription>
              Now: <Badge tone={LEVEL_TONE[killSwitch.level]} dot data-testid="kill-switch-level">{LEVEL_LABEL[killSwitch.level]}</Badge>
              {killSwitch.updatedAt ? <span className="ml-2">since {formatDateTime(killSwitch.updatedAt)}{killSwitch.reason ? ` — “${killSwitch.reason}”` : ""}</span> : null}
            </CardDescription>
          </div>
        </CardHeader>
        <CardBody>
          <KillSwitchPanel level={killSwitch.level} />
        </CardBody>
      </Card>

      <Card>
        <CardHeader>
          <div>
            <CardTitle>Runtime assertions</CardTitle>
            <CardDescription>Checked every minute. A failure raises the kill switch to Pause and is named in the change log.</CardDescription>
          </div>
        </CardHeader>
        <Table data-testid="assertions-board">
          <THead><Tr><Th>Assertion</Th><Th>State</Th><Th>Last run</Th><Th>Result</Th></Tr></THead>
          <TBody>
            {assertions.map((a) => (
              <Tr key={a.assertion}>
                <Td className="min-w-64">
                  <p className="font-mono text-xs text-fg">{a.assertion}</p>
                  <p className="text-xs text-fg-muted">{a.description}</p>
                </Td>
                <Td>{!a.latest ? <Badge>Not run yet</Badge> : a.latest.ok ? <Badge tone="positive" dot>Holds</Badge> : <Badge tone="negative" dot>Failed</Badge>}</Td>
                <Td className="tabular text-fg-muted whitespace-nowrap">{a.latest ? formatDateTime(a.latest.checkedAt) : "—"}</Td>
                <Td className={a.latest && !a.latest.ok ? "max-w-md text-negative" : "max-w-md text-fg-muted"}>{a.latest ? a.latest.message || "—" : "—"}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <div>
              <CardTitle>Global limits</CardTitle>
              <CardDescription>Caps on top of every clone&apos;s own risk block: the tighter one wins at the safety gates.</CardDescription>
            </div>
          </CardHeader>
          <CardBody className="flex flex-col gap-4">
            {overview.limits.map((l) => (
              <div key={l.name} className="flex flex-col gap-1.5">
                <div className="flex items-baseline justify-between gap-2">
                  <span className="text-sm font-medium text-fg">{l.label}</span>
                  <span className="tabular text-sm text-fg-muted">{l.value.toLocaleString("en-US")} {l.unit}</span>
                </div>
                <LimitForm limit={l} />
              </div>
            ))}
          </CardBody>
        </Card>

        <Card>
          <CardHeader>
            <div>
              <CardTitle>Source families</CardTitle>
              <CardDescription>A paused family stops syncing; decisions that need its data record a no-trade on stale data.</CardDescription>
            </div>
          </CardHeader>
          <Table>
            <THead><Tr><Th>Source</Th><Th>State</Th><Th>Change</Th></Tr></THead>
            <TBody>
              {overview.sources.map((s) => (
                <Tr key={s.source}>
                  <Td className="font-medium">{s.source}</Td>
                  <Td>{s.paused ? <Badge tone="warning" dot>Paused</Badge> : <Badge tone="positive" dot>Running</Badge>}</Td>
                  <Td><SourcePauseToggle source={s.source} paused={s.paused} /></Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <div>
            <CardTitle>Running clones</CardTitle>
            <CardDescription>A paused clone makes no decisions; its stops and take-profits still run.</CardDescription>
          </div>
        </CardHeader>
        <Table data-testid="running-clones">
          <THead><Tr><Th>Clone</Th><Th>Creator</Th><Th>Accounts</Th><Th>State</Th><Th>Change</Th></Tr></THead>
          <TBody>
            {overview.clones.length === 0 ? (
              <TableEmpty colSpan={5}>No clone is running.</TableEmpty>
            ) : (
              overview.clones.map((c) => (
                <Tr key={c.cloneId}>
                  <Td className="font-medium">{c.name}</Td>
                  <Td className="text-fg-muted">{c.owner}</Td>
                  <Td className="text-xs text-fg-muted">{c.modes.join(", ")}</Td>
                  <Td>{c.paused ? <Badge tone="warning" dot title={c.reason ?? undefined}>Paused</Badge> : <Badge tone="positive" dot>Running</Badge>}</Td>
                  <Td><ClonePauseToggle cloneId={c.cloneId} name={c.name} paused={c.paused} /></Td>
                </Tr>
              ))
            )}
          </TBody>
        </Table>
      </Card>

      <Card>
        <CardHeader>
          <div>
            <CardTitle>Runner failures</CardTitle>
            <CardDescription>Clone assets whose decisions threw errors. A stopped asset makes no decisions until its creator or an admin resumes it from the clone page.</CardDescription>
          </div>
        </CardHeader>
        <Table data-testid="runner-failures">
          <THead><Tr><Th>Clone</Th><Th>Asset</Th><Th>State</Th><Th>Last error</Th></Tr></THead>
          <TBody>
            {troubled.length === 0 ? (
              <TableEmpty colSpan={4}>Every running clone is deciding normally.</TableEmpty>
            ) : (
              troubled.map((r) => (
                <Tr key={`${r.accountId}:${r.asset}`}>
                  <Td><Link href={`/clones/${r.cloneId}`} className="font-medium text-fg hover:underline">{cloneNames.get(r.cloneId) ?? r.cloneId}</Link></Td>
                  <Td>{r.asset}</Td>
                  <Td>{r.status === "FAILED" ? <Badge tone="negative" dot>Stopped</Badge> : <Badge tone="warning" dot>Failing</Badge>}</Td>
                  <Td className="max-w-md text-xs text-fg-muted">{r.lastError}{r.lastErrorAt ? ` (${formatDateTime(new Date(r.lastErrorAt))})` : ""}</Td>
                </Tr>
              ))
            )}
          </TBody>
        </Table>
      </Card>

      <Card>
        <CardHeader>
          <div>
            <CardTitle>Change log</CardTitle>
            <CardDescription>{changes.total} {changes.total === 1 ? "change" : "changes"}, newest first.</CardDescription>
          </div>
        </CardHeader>
        <Table data-testid="control-changes">
          <THead><Tr><Th>When</Th><Th>Who</Th><Th>Control</Th><Th>Change</Th><Th>Why</Th></Tr></THead>
          <TBody>
            {changes.items.length === 0 ? (
              <TableEmpty colSpan={5}>No control has been changed yet.</TableEmpty>
            ) : (
              changes.items.map((c) => (
                <Tr key={c.id}>
                  <Td className="tabular text-fg-muted whitespace-nowrap">{formatDateTime(c.createdAt)}</Td>
                  <Td>{c.changedBy}</Td>
                  <Td className="font-mono text-xs">{c.key}</Td>
                  <Td className="text-xs whitespace-nowrap"><span className="text-fg-muted">{c.oldValue ?? "unset"}</span> → <span className="font-medium text-fg">{c.newValue}</span></Td>
                  <Td className="max-w-md text-fg-muted">{c.reason}</Td>
                </Tr>
              ))
            )}
          </TBody>
        </Table>
        {pageCount > 1 ? (
          <CardBody>
            <Pagination page={changes.page} pageCount={pageCount} hrefFor={(p) => `/admin/runtime?page=${p}`} />
          </CardBody>
        ) : null}
      </Card>
    </div>
  );
}
