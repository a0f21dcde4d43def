import type { Metadata } from "next";
import { GrantCreditsForm } from "@/components/admin/grant-credits-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Credits } from "@/components/ui/credits";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableEmpty, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { Button, LinkButton } from "@/components/ui/button";
import { formatAge, formatDateTime } from "@/lib/format";
import { api } from "@/server/api/server-caller";
import { requireAdmin } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  // layouts and pages render in parallel: the layout's guard alone would not stop these queries
  await requireAdmin("/admin");
  const params = await searchParams;
  const search = params.q?.trim() || undefined;
  const pageNumber = Math.max(1, Math.trunc(Number(params.page ?? "1")) || 1);
  const caller = await api();
  const [users, overview] = await Promise.all([caller.admin.users({ search, page: pageNumber }), caller.admin.overview()]);
  const hrefFor = (p: number) => `/admin?${new URLSearchParams({ ...(search ? { q: search } : {}), page: String(p) })}`;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={<Badge tone="info">Admin</Badge>}
        title="Operations"
        subtitle="Users and credits, background workers and the ledger's health."
        actions={<div className="flex flex-wrap gap-2"><LinkButton href="/admin/arena" variant="secondary" size="sm">Arena controls</LinkButton><LinkButton href="/admin/runtime" variant="secondary" size="sm">Runtime controls</LinkButton><LinkButton href="/admin/ingestion" variant="secondary" size="sm">Ingestion health</LinkButton></div>}
      />

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <div>
              <CardTitle>Grant credits</CardTitle>
              <CardDescription>Adds credits to a user&apos;s wallet from the admin-grants issuance account.</CardDescription>
            </div>
          </CardHeader>
          <CardBody>
            <GrantCreditsForm />
          </CardBody>
        </Card>

        <Card>
          <CardHeader>
            <div>
              <CardTitle>Ledger audit</CardTitle>
              <CardDescription>Run every minute by the scheduler: all entries sum to zero, every balance equals its entries, no wallet below zero.</CardDescription>
            </div>
          </CardHeader>
          <CardBody data-testid="ledger-audit">
            {overview.audit ? (
              <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm">
                <dt className="text-fg-muted">Result</dt>
                <dd>{overview.audit.ok ? <Badge tone="positive" dot>Consistent</Badge> : <Badge tone="negative" dot>{overview.audit.problems.length} problem(s)</Badge>}</dd>
                <dt className="text-fg-muted">Last run</dt>
                <dd className="tabular">{formatDateTime(overview.audit.ranAt)}</dd>
                <dt className="text-fg-muted">Sum of all entries</dt>
                <dd><Credits cents={overview.audit.entriesSumCents} /></dd>
                <dt className="text-fg-muted">Accounts / transactions</dt>
                <dd className="tabular">{overview.audit.accountsChecked} / {overview.audit.transactions}</dd>
              </dl>
            ) : (
              <p className="text-sm text-fg-muted">No audit has run yet. The scheduler runs the first one within a minute of starting.</p>
            )}
          </CardBody>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <div>
            <CardTitle>Scheduler workers</CardTitle>
            <CardDescription>
              Each worker writes a heartbeat every tick. Jobs: {Object.entries(overview.jobCounts).map(([s, n]) => `${n} ${s.toLowerCase()}`).join(" · ") || "none yet"}.
            </CardDescription>
          </div>
        </CardHeader>
        <Table data-testid="workers">
          <THead>
            <Tr>
              <Th>Worker</Th>
              <Th>Status</Th>
              <Th>Last heartbeat</Th>
              <Th numeric>Jobs done</Th>
              <Th numeric>Jobs failed</Th>
            </Tr>
          </THead>
          <TBody>
            {overview.workers.length === 0 ? (
              <TableEmpty colSpan={5}>No scheduler worker has started yet.</TableEmpty>
            ) : (
              overview.workers.map((w) => (
                <Tr key={w.id}>
                  <Td className="font-mono text-xs">{w.id}</Td>
                  <Td>{w.stoppedAt ? <Badge>Stopped</Badge> : w.healthy ? <Badge tone="positive" dot>Running</Badge> : <Badge tone="warning" dot>Stale</Badge>}</Td>
                  <Td className="tabular text-fg-muted">{formatAge(w.ageMs)}</Td>
                  <Td numeric>{w.jobsSucceeded}</Td>
                  <Td numeric>{w.jobsFailed}</Td>
                </Tr>
              ))
            )}
          </TBody>
        </Table>
        {overview.recentFailures.length > 0 ? (
          <CardBody>
            <h3 className="mb-2 text-sm font-medium text-fg">Recently failed jobs</h3>
            <ul className="flex flex-col gap-1 text-sm">
              {overview.recentFailures.map((j) => (
                <li key={j.id} className="flex flex-wrap gap-2">
                  <span className="font-mono text-xs text-fg">{j.name}</span>
                  <span className="text-fg-muted">after {j.attempts} attempts:</span>
                  <span className="text-negative">{j.lastError}</span>
                </li>
              ))}
            </ul>
          </CardBody>
        ) : null}
      </Card>

      <Card>
        <CardHeader>
          <div>
            <CardTitle>Users</CardTitle>
            <CardDescription>{users.total} {users.total === 1 ? "user" : "users"}{search ? ` matching “${search}”` : ""}.</CardDescription>
          </div>
          <form className="flex gap-2" action="/admin">
            <Input name="q" defaultValue={search} placeholder="Search email or name" aria-label="Search users" className="w-56" />
            <Button type="submit" variant="secondary">Search</Button>
          </form>
        </CardHeader>
        <Table data-testid="users">
          <THead>
            <Tr>
              <Th>Name</Th>
              <Th>Email</Th>
              <Th>Role</Th>
              <Th>Joined</Th>
              <Th numeric>Wallet</Th>
            </Tr>
          </THead>
          <TBody>
            {users.users.length === 0 ? (
              <TableEmpty colSpan={5}>No users match.</TableEmpty>
            ) : (
              users.users.map((u) => (
                <Tr key={u.id}>
                  <Td>{u.name}</Td>
                  <Td className="text-fg-muted">{u.email}</Td>
                  <Td>{u.role === "ADMIN" ? <Badge tone="info">Admin</Badge> : <Badge>User</Badge>}</Td>
                  <Td className="tabular text-fg-muted">{formatDateTime(u.createdAt)}</Td>
                  <Td numeric><Credits cents={u.walletCents} /></Td>
                </Tr>
              ))
            )}
          </TBody>
        </Table>
        {users.pageCount > 1 ? (
          <CardBody>
            <Pagination page={users.page} pageCount={users.pageCount} hrefFor={hrefFor} />
          </CardBody>
        ) : null}
      </Card>
    </div>
  );
}
