import type { Metadata } from "next";
import Link from "next/link";
import { CloneAvatar } from "@/components/arena/clone-avatar";
import { ordinal } from "@/components/arena/format";
import { RaceStatusBadge, TicketStatusBadge } from "@/components/arena/race-status-badge";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Credits } from "@/components/ui/credits";
import { EmptyState } from "@/components/ui/empty-state";
import { TicketIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { api } from "@/server/api/server-caller";
import { requireUser } from "@/server/auth/guards";

export const metadata: Metadata = { title: "My tickets" };

export default async function TicketsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requireUser("/tickets");
  const requested = Number((await searchParams).page ?? "1");
  const tickets = await (await api()).arena.myTickets({ page: Number.isInteger(requested) && requested > 0 ? requested : 1 });
  const pageCount = Math.max(1, Math.ceil(tickets.total / tickets.pageSize));

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="My tickets"
        subtitle="Every ticket you bought, the race it backs and what it paid. A ticket pays when its clone finishes in a paid place; a cancelled race refunds it in full."
        actions={<LinkButton href="/arena">Back a clone</LinkButton>}
      />
      {tickets.total === 0 ? (
        <EmptyState
          icon={<TicketIcon />}
          title="No ticket yet"
          body="Tickets back one clone in the race that is taking tickets, from 1 to 1,000 credits. Pick one in the Arena; it shows up here with its status and, once the race settles, its payout."
          action={<LinkButton href="/arena">Open the Arena</LinkButton>}
        />
      ) : (
        <Card>
          <CardHeader>
            <div>
              <CardTitle>Tickets</CardTitle>
              <CardDescription>
                {tickets.total} {tickets.total === 1 ? "ticket" : "tickets"}, newest first.
              </CardDescription>
            </div>
          </CardHeader>
          {/* phones: one block per ticket, so status and payout are not scrolled out of sight */}
          <ul className="divide-y divide-line sm:hidden" aria-label="My tickets">
            {tickets.rows.map((t) => (
              <li key={t.id} className="flex items-start gap-3 px-4 py-3">
                <CloneAvatar avatar={t.clone.avatar} name={t.clone.name} />
                <div className="min-w-0 flex-1">
                  <div className="flex items-center justify-between gap-2">
                    <span className="truncate font-medium text-fg">{t.clone.name}</span>
                    <TicketStatusBadge status={t.status} />
                  </div>
                  <div className="mt-0.5 flex items-center justify-between gap-2 text-sm">
                    <Link href={`/races/${t.race.number}`} className="text-fg-muted underline underline-offset-2">
                      Race #{t.race.number}
                    </Link>
                    <span className="text-fg-muted">
                      <Credits cents={t.stakeCents} /> →{" "}
                      {t.status === "OPEN" || t.status === "RUNNING" ? (
                        <span className="text-fg-subtle">pending</span>
                      ) : (
                        <Credits cents={t.payoutCents} className={t.payoutCents > 0 ? "font-medium text-positive" : "text-fg-subtle"} />
                      )}
                    </span>
                  </div>
                  <div className="mt-0.5 text-xs text-fg-subtle">
                    {t.clone.place !== null ? `finished ${ordinal(t.clone.place)} · ` : ""}bought {formatDateTime(t.createdAt)}
                  </div>
                </div>
              </li>
            ))}
          </ul>
          <div className="hidden sm:block">
            <Table data-testid="my-tickets" aria-label="My tickets">
              <THead>
                <Tr>
                  <Th>Race</Th>
                  <Th>Clone</Th>
                  <Th numeric>Stake</Th>
                  <Th>Status</Th>
                  <Th numeric>Payout</Th>
                  <Th>Bought</Th>
                </Tr>
              </THead>
              <TBody>
                {tickets.rows.map((t) => (
                  <Tr key={t.id} data-testid="ticket-row">
                    <Td className="whitespace-nowrap">
                      <Link href={`/races/${t.race.number}`} className="font-medium text-fg underline-offset-2 hover:underline">
                        Race #{t.race.number}
                      </Link>
                      <div className="mt-1">
                        <RaceStatusBadge status={t.race.status} />
                      </div>
                    </Td>
                    <Td className="min-w-44">
                      <div className="flex items-center gap-2">
                        <CloneAvatar avatar={t.clone.avatar} name={t.clone.name} size="sm" />
                        <div className="min-w-0">
                          <div className="truncate font-medium">{t.clone.name}</div>
                          {t.clone.place !== null ? <div className="text-xs text-fg-subtle">finished {ordinal(t.clone.place)}</div> : null}
                        </div>
                      </div>
                    </Td>
                    <Td numeric>
                      <Credits cents={t.stakeCents} />
                    </Td>
                    <Td>
                      <TicketStatusBadge status={t.status} />
                    </Td>
                    <Td numeric>
                      {t.status === "OPEN" || t.status === "RUNNING" ? (
                        <span className="text-fg-subtle">pending</span>
                      ) : (
                        <Credits cents={t.payoutCents} className={t.payoutCents > 0 ? "font-medium text-positive" : "text-fg-subtle"} />
                      )}
                    </Td>
                    <Td className="text-xs whitespace-nowrap text-fg-muted tabular">{formatDateTime(t.createdAt)}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </div>
          {pageCount > 1 ? (
            <CardBody>
              <Pagination page={tickets.page} pageCount={pageCount} hrefFor={(p) => `/tickets?page=${p}`} />
            </CardBody>
          ) : null}
        </Card>
      )}
    </div>
  );
}
