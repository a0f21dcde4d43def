import type { Metadata } from "next";
import { Card, CardBody, CardHeader, CardTitle, CardDescription } from "@/components/ui/card";
import { Credits } from "@/components/ui/credits";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Stat } from "@/components/ui/stat";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { LedgerKindBadge } from "@/components/wallet/ledger-kind-badge";
import { formatDateTime } from "@/lib/format";
import { api } from "@/server/api/server-caller";
import { requireUser } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Wallet" };

export default async function WalletPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requireUser("/wallet");
  const requested = Number((await searchParams).page ?? "1");
  const wallet = await (await api()).wallet.get({ page: Number.isInteger(requested) && requested > 0 ? requested : 1 });

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Wallet" subtitle="Your credits and every movement of them. Credits buy tickets and pay Audition Fees; they have no cash value." />
      <Card>
        <CardBody className="flex flex-wrap items-end justify-between gap-6 p-6">
          <Stat label="Balance" size="lg" value={<span data-testid="wallet-balance"><Credits cents={wallet.balanceCents} unit="long" /></span>} />
          <p className="max-w-sm text-sm text-fg-muted">
            Every entry is one side of a double-entry transaction: the credits came from, or went to, another account of the ledger.
          </p>
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <div>
            <CardTitle>History</CardTitle>
            <CardDescription>
              {wallet.total === 0 ? "No entries yet." : `${wallet.total} ${wallet.total === 1 ? "entry" : "entries"}, newest first.`}
            </CardDescription>
          </div>
        </CardHeader>
        {wallet.entries.length === 0 ? (
          <CardBody>
            <EmptyState title="No wallet activity yet" body="Grants, ticket purchases, payouts and Audition Fees will be listed here as they happen." />
          </CardBody>
        ) : (
          <>
            <Table data-testid="wallet-history">
              <THead>
                <Tr>
                  <Th>When</Th>
                  <Th>What for</Th>
                  <Th numeric>Amount</Th>
                  <Th numeric>Balance after</Th>
                </Tr>
              </THead>
              <TBody>
                {wallet.entries.map((e) => (
                  <Tr key={e.id}>
                    <Td className="whitespace-nowrap text-fg-muted tabular">{formatDateTime(e.createdAt)}</Td>
                    <Td>
                      <div className="flex flex-wrap items-center gap-2">
                        <LedgerKindBadge kind={e.kind} />
                        <span>{e.memo}</span>
                      </div>
                    </Td>
                    <Td numeric>
                      <Credits cents={e.amountCents} signed />
                    </Td>
                    <Td numeric>
                      <Credits cents={e.balanceAfterCents} />
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
            {wallet.pageCount > 1 ? (
              <CardBody>
                <Pagination page={wallet.page} pageCount={wallet.pageCount} hrefFor={(p) => `/wallet?page=${p}`} />
              </CardBody>
            ) : null}
          </>
        )}
      </Card>
    </div>
  );
}
