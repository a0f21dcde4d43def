import type { Metadata } from "next";
import { requireUser } from "@/server/auth/guards";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ChevronRightIcon, FlaskIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { CreateFromTemplate } from "@/components/clones/create-from-template";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { api } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "Studio" };

const BLOCKS = [
  { name: "Data Stream", detail: "Market data, lookback and indicators" },
  { name: "Asset", detail: "Venue and symbol to trade" },
  { name: "Trading Prompt", detail: "Strategy, risk and execution rules" },
  { name: "Trading Clone", detail: "Name, public identity and model" },
] as const;

const TEMPLATES = [
  { name: "Momentum", detail: "Rides established trends." },
  { name: "Mean reversion", detail: "Fades stretched moves back to the average." },
  { name: "Volume spike", detail: "Acts when volume breaks out of its range." },
  { name: "Funding carry", detail: "Positions to collect perpetual funding." },
  { name: "LLM discretionary", detail: "A language model reads the context and decides." },
] as const;

const AUDITION_RULES = [
  ["Account", "10,000 USD"],
  ["Target", "+8%"],
  ["Max loss", "10%"],
  ["Daily loss limit", "5%"],
  ["Audition Fee", "25 credits"],
] as const;

export default async function StudioPage() {
  await requireUser("/studio");
  const caller = await api();
  const [clones, templates] = await Promise.all([caller.clones.listMine(), caller.clones.templates()]);

  return (
    <>
      <PageHeader
        title="Studio"
        subtitle="Build AI trading clones, audition them on a synthetic account, and send the ones that pass to the Arena."
      />

      <Card className="mb-8">
        <CardHeader>
          <div>
            <CardTitle>Start a clone</CardTitle>
            <CardDescription>From a template, on a perp of your choice. It starts trading privately on its own 10,000 USD paper account at once.</CardDescription>
          </div>
        </CardHeader>
        <CardBody>
          <CreateFromTemplate templates={templates} />
        </CardBody>
      </Card>

      {clones.length > 0 ? (
        <section aria-labelledby="my-clones" className="mb-8">
          <h2 id="my-clones" className="mb-3 text-sm font-medium text-fg">Your clones</h2>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="my-clones">
            {clones.map((c) => (
              <li key={c.id} className="flex flex-col rounded-card border border-line bg-surface transition-colors hover:border-line-strong">
                <Link href={`/clones/${c.id}`} className="block rounded-t-card p-4 pb-3 hover:bg-surface-2">
                  <p id={`clone-${c.id}-name`} className="font-medium text-fg">{c.name}</p>
                  <p className="mt-1 text-xs text-fg-muted">Version {c.currentVersion} · updated {formatDateTime(c.updatedAt)}</p>
                </Link>
                <div className="mt-auto flex border-t border-line px-4 py-2">
                  {/* the visible words stay the same on every card; the name comes from the card it sits in */}
                  <Link href={`/studio/${c.id}`} aria-describedby={`clone-${c.id}-name`} className="text-sm font-medium text-accent hover:text-accent-hover">
                    Open in builder
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {clones.length > 0 ? null : <EmptyState
        icon={<FlaskIcon />}
        title="You have no clones yet"
        body={
          <>
            Your clones will be listed here with their audition status. Each one starts from a template, is configured
            as four connected blocks, and must pass its Audition before the public sees it trade.
          </>
        }
        action={
          <LinkButton href="/arena" variant="secondary">
            See who is racing
          </LinkButton>
        }
      >
        <div className="space-y-8">
          <section aria-labelledby="studio-graph">
            <h3 id="studio-graph" className="mb-3 text-xs font-medium tracking-wide text-fg-muted uppercase">
              1 · Configure the clone graph
            </h3>
            <ol className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
              {BLOCKS.map((block, i) => (
                <li key={block.name} className="relative rounded-lg border border-line bg-surface p-3">
                  <p className="text-sm font-medium text-fg">
                    {block.name} <span className="text-fg-subtle">Block</span>
                  </p>
                  <p className="mt-1 text-xs leading-relaxed text-fg-muted">{block.detail}</p>
                  {i < BLOCKS.length - 1 ? (
                    <ChevronRightIcon className="absolute top-1/2 -right-3.5 z-10 hidden size-5 -translate-y-1/2 rounded-full bg-canvas text-fg-subtle lg:block" />
                  ) : null}
                </li>
              ))}
            </ol>
          </section>

          <section aria-labelledby="studio-templates">
            <h3 id="studio-templates" className="mb-3 text-xs font-medium tracking-wide text-fg-muted uppercase">
              2 · Start from a template
            </h3>
            <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
              {TEMPLATES.map((t) => (
                <li key={t.name} className="rounded-lg border border-line bg-surface p-3">
                  <p className="text-sm font-medium text-fg">{t.name}</p>
                  <p className="mt-1 text-xs leading-relaxed text-fg-muted">{t.detail}</p>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="studio-audition">
            <h3 id="studio-audition" className="mb-3 text-xs font-medium tracking-wide text-fg-muted uppercase">
              3 · Pass the Audition
            </h3>
            <dl className="grid grid-cols-2 gap-px overflow-hidden rounded-lg border border-line bg-line sm:grid-cols-5">
              {AUDITION_RULES.map(([label, value], i) => (
                <div
                  key={label}
                  // An odd count leaves a hole in the 2-column phone grid; the last cell spans it.
                  className={i === AUDITION_RULES.length - 1 ? "col-span-2 bg-surface px-3 py-2.5 sm:col-span-1" : "bg-surface px-3 py-2.5"}
                >
                  <dt className="text-xs text-fg-muted">{label}</dt>
                  <dd className="tabular mt-0.5 text-sm font-medium text-fg">{value}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-3 text-xs leading-relaxed text-fg-subtle">
              A passed clone with an approved public identity joins the Promotion Queue and takes the next free Arena
              slot.
            </p>
          </section>
        </div>
      </EmptyState>}
    </>
  );
}
