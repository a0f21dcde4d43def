import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { formatReturnPct, ordinal, toneOf, usdCents } from "@/components/arena/format";
import { RaceStatusBadge } from "@/components/arena/race-status-badge";
import { DecisionStatusBadge } from "@/components/clones/decision-status-badge";
import { Badge } from "@/components/ui/badge";
import { Credits } from "@/components/ui/credits";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RunnerHealth } from "@/components/clones/runner-health";
import { Pagination } from "@/components/ui/pagination";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, TableEmpty, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { formatCredits } from "@/lib/domain/money";
import { formatDateTime } from "@/lib/format";
import { isNotFound } from "@/server/api/errors";
import { api } from "@/server/api/server-caller";
import { requireUser } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Clone" };

/** USD for people: whole cents with thousands separators (exact micro-dollars stay in the data) */
const usd = (micro: number) => `${micro < 0 ? "−" : ""}$${formatCredits(Math.round(Math.abs(micro) / 10_000))}`;
const tone = (micro: number) => (micro > 0 ? "text-positive" : micro < 0 ? "text-negative" : "text-fg-muted");
/** a return as a percentage that never shows a loss as "0.00%" */
const formatReturn = (r: number) => {
  const pct = r * 100;
  const digits = Math.abs(pct) >= 0.01 || pct === 0 ? 2 : 3;
  return `${pct > 0 ? "+" : pct < 0 ? "−" : ""}${Math.abs(pct).toFixed(digits)}%`;
};
const price = (p: number) => p.toLocaleString("en-US", { maximumSignificantDigits: 6 });

export default async function ClonePage({ params, searchParams }: { params: Promise<{ cloneId: string }>; searchParams: Promise<{ page?: string }> }) {
  const { cloneId } = await params;
  await requireUser(`/clones/${cloneId}`);
  const page = Math.max(1, Math.trunc(Number((await searchParams).page ?? "1")) || 1);
  const caller = await api();
  const data = await caller.clones.activity({ cloneId, page }).catch((e: unknown) => {
    if (isNotFound(e)) notFound();
    throw e;
  });
  const [runnerTrouble, races] = await Promise.all([caller.clones.runnerHealth({ cloneId }), caller.arena.cloneRaces({ cloneId })]);
  const { clone, account } = data;
  const pnl = account ? account.equityMicro - account.startMicro : 0;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={<Badge tone="info">{clone.provider === "rules" ? `Rules · ${clone.strategy}` : `LLM · ${clone.model}`}</Badge>}
        title={<span data-testid="clone-name">{clone.name}</span>}
        subtitle={<>{clone.tagline || "No tagline yet."} Decides every {clone.cadence}. Graph version <span data-testid="clone-version">{clone.version}</span>.</>}
        actions={<><LinkButton href={`/clones/${clone.id}/history`} variant="secondary">Trading history</LinkButton><LinkButton href={`/studio/${clone.id}`} variant="secondary">Edit in builder</LinkButton></>}
      />

      <RunnerHealth cloneId={clone.id} pairs={runnerTrouble} />

      {account ? (
        <Card>
          <StatGrid>
            <Stat label="Equity" value={<span data-testid="equity">{usd(account.equityMicro)}</span>} hint={`started at ${usd(account.startMicro)} · private paper account`} />
            <Stat label="Return" value={<span className={tone(pnl)}>{formatReturn(pnl / account.startMicro)}</span>} hint={`${usd(pnl)} total`} />
            <Stat label="Realized" value={<span className={tone(account.realizedMicro)}>{usd(account.realizedMicro)}</span>} hint={`unrealized ${usd(account.unrealizedMicro)}`} />
            <Stat label="Fees · funding" value={usd(-account.feesMicro)} hint={`funding ${usd(account.fundingMicro)}`} />
          </StatGrid>
        </Card>
      ) : (
        <EmptyState title="Not running" body="This clone has no paper account yet: start a private run from the Studio and its decisions appear here." />
      )}

      <Card data-testid="race-history">
        <CardHeader>
          <div>
            <CardTitle>Race history</CardTitle>
            <CardDescription>
              {races.length === 0
                ? "Every Arena race this clone enters is listed here, with its place, return and the stakes that backed it."
                : `${races.length} ${races.length === 1 ? "race" : "races"} in the Arena, newest first.`}
            </CardDescription>
          </div>
        </CardHeader>
        <Table aria-label="Race history">
          <THead>
            <Tr><Th>Race</Th><Th>Place</Th><Th numeric>Return</Th><Th numeric>Final equity</Th><Th numeric>Backed with</Th><Th numeric>Pool</Th></Tr>
          </THead>
          <TBody>
            {races.length === 0 ? <TableEmpty colSpan={6}>No race yet: a clone races once it holds an Arena slot.</TableEmpty> : races.map((r) => (
              <Tr key={r.raceNumber}>
                <Td className="whitespace-nowrap">
                  <Link href={`/races/${r.raceNumber}`} className="font-medium underline-offset-2 hover:underline">Race #{r.raceNumber}</Link>
                  <div className="mt-1"><RaceStatusBadge status={r.status} /></div>
                </Td>
                <Td className="tabular">{r.place !== null ? <span className={r.place <= 3 ? "font-semibold text-accent" : "text-fg-muted"}>{ordinal(r.place)}</span> : <span className="text-fg-subtle">–</span>}</Td>
                <Td numeric className={r.returnPct === null ? "text-fg-subtle" : toneOf(r.returnPct)}>{r.returnPct === null ? "–" : formatReturnPct(r.returnPct)}</Td>
                <Td numeric>{r.finalEquityCents === null ? <span className="text-fg-subtle">–</span> : usdCents(r.finalEquityCents)}</Td>
                <Td numeric><Credits cents={r.stakeCents} /><div className="text-xs text-fg-subtle">{r.ticketCount} {r.ticketCount === 1 ? "ticket" : "tickets"}</div></Td>
                <Td numeric className="text-fg-muted"><Credits cents={r.poolCents} /></Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>

      <Card>
        <CardHeader>
          <div>
            <CardTitle>Open positions</CardTitle>
            <CardDescription>Valued at the latest price in market memory. Stops and take-profits are checked on every new bar.</CardDescription>
          </div>
        </CardHeader>
        <Table data-testid="positions">
          <THead>
            <Tr><Th>Asset</Th><Th>Side</Th><Th numeric>Size</Th><Th numeric>Entry</Th><Th numeric>Mark</Th><Th numeric>Stop / TP</Th><Th numeric>Unrealized</Th></Tr>
          </THead>
          <TBody>
            {data.positions.length === 0 ? <TableEmpty colSpan={7}>No open position.</TableEmpty> : data.positions.map((p) => (
              <Tr key={p.id}>
                <Td className="font-medium">{p.asset}</Td>
                <Td>{p.side === "long" ? <Badge tone="positive">Long {p.leverage}x</Badge> : <Badge tone="negative">Short {p.leverage}x</Badge>}</Td>
                <Td numeric>{p.sizeBase}</Td>
                <Td numeric>{price(p.entryPrice)}</Td>
                <Td numeric>{price(p.mark)}</Td>
                <Td numeric className="text-fg-muted">{p.stopLoss ? price(p.stopLoss) : "–"} / {p.takeProfit ? price(p.takeProfit) : "–"}</Td>
                <Td numeric className={tone(p.unrealizedMicro)}>{usd(p.unrealizedMicro)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>

      <Card>
        <CardHeader>
          <div>
            <CardTitle>Decisions</CardTitle>
            <CardDescription>{data.decisions.total} {data.decisions.total === 1 ? "decision" : "decisions"}, newest first. Each records what the clone saw, what it proposed, and why it was traded, held or refused.</CardDescription>
          </div>
        </CardHeader>
        {data.decisions.rows.length === 0 ? (
          <CardBody><EmptyState title="No decision yet" body="The first decision comes at the clone's next cadence slot (within a minute or so)." /></CardBody>
        ) : (
          <ul className="divide-y divide-line" data-testid="decisions">
            {data.decisions.rows.map((d) => (
              <li key={d.id} className="flex flex-col gap-1.5 px-5 py-4 sm:flex-row sm:gap-4">
                <div className="flex shrink-0 items-start gap-2 sm:w-64">
                  <DecisionStatusBadge status={d.status} />
                  <div className="text-xs">
                    <div className="tabular text-fg-muted">{formatDateTime(new Date(d.time))}</div>
                    <div className="font-medium text-fg">
                      {d.asset} {d.action ? `· ${d.action.replace("_", " ")}` : ""}
                      {d.action && d.action.startsWith("open") ? ` ${d.sizePct}% at ${d.leverage}x` : ""}
                    </div>
                  </div>
                </div>
                {/* reasoning is the model's text: rendered as text, never as markup */}
                <p className="min-w-0 text-sm break-words whitespace-pre-wrap text-fg">{d.reasoning ?? d.reason}</p>
                {d.reasoning && d.reason && d.status !== "HOLD" ? <p className="text-xs text-negative">{d.reason}</p> : null}
              </li>
            ))}
          </ul>
        )}
        {data.decisions.pageCount > 1 ? (
          <CardBody><Pagination page={data.decisions.page} pageCount={data.decisions.pageCount} hrefFor={(p) => `/clones/${clone.id}?page=${p}`} /></CardBody>
        ) : null}
      </Card>

      <Card>
        <CardHeader><div><CardTitle>Fills</CardTitle><CardDescription>Paper fills with slippage and taker fees, newest first.</CardDescription></div></CardHeader>
        <Table data-testid="fills">
          <THead><Tr><Th>When</Th><Th>Asset</Th><Th>Order</Th><Th numeric>Price</Th><Th numeric>Size</Th><Th numeric>Notional</Th><Th numeric>Fee</Th></Tr></THead>
          <TBody>
            {data.fills.length === 0 ? <TableEmpty colSpan={7}>No fill yet.</TableEmpty> : data.fills.map((f) => (
              <Tr key={f.id}>
                <Td className="tabular text-fg-muted">{formatDateTime(new Date(f.time))}</Td>
                <Td>{f.asset}</Td>
                <Td>{f.side === "buy" ? "Buy" : "Sell"} · {f.purpose.toLowerCase().replace("_", " ")}</Td>
                <Td numeric>{price(f.price)}</Td>
                <Td numeric>{f.sizeBase}</Td>
                <Td numeric>{usd(f.notionalMicro)}</Td>
                <Td numeric className="text-fg-muted">{usd(f.feeMicro)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>
    </div>
  );
}
