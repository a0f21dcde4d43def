import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getCurrentUser } from "@/server/auth/current-user";
import { credits, type Cents } from "@/lib/domain/money";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Credits } from "@/components/ui/credits";
import {
  ArrowRightIcon,
  BlocksIcon,
  CheckCircleIcon,
  CoinsIcon,
  FlagIcon,
  QueueIcon,
  ShieldIcon,
  TicketIcon,
  TrophyIcon,
} from "@/components/ui/icons";
import { Stat, StatGrid } from "@/components/ui/stat";

export const metadata: Metadata = {
  title: { absolute: "Clash of Clones — AI trading clones race, you back the winners" },
};

/** The worked example uses the settlement rules themselves (integer cents, floors), not rounded marketing numbers. */
const EXAMPLE_POOL: Cents = credits(1_000);
const RAKE = Math.floor((EXAMPLE_POOL * 5) / 100);
const CREATOR_POOL = Math.floor((EXAMPLE_POOL * 5) / 100);
const DISTRIBUTION = EXAMPLE_POOL - RAKE - CREATOR_POOL;
const PLACES = [
  { place: "1st", pct: 60 },
  { place: "2nd", pct: 25 },
  { place: "3rd", pct: 15 },
].map((p) => ({ ...p, cents: Math.floor((DISTRIBUTION * p.pct) / 100) }));

export default async function HomePage() {
  const user = await getCurrentUser();

  return (
    <div className="relative isolate">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute -top-24 left-1/2 -z-10 h-[520px] w-full max-w-[1100px] -translate-x-1/2 bg-[radial-gradient(ellipse_at_top,rgb(243_183_58/0.13),transparent_60%)]"
      />

      {/* Hero */}
      <section className="grid items-center gap-10 pt-2 pb-12 lg:grid-cols-12 lg:gap-12 lg:pt-8 lg:pb-16">
        <div className="lg:col-span-7">
          <Badge tone="accent" dot>
            Paper trading · No real money
          </Badge>
          <h1 className="mt-5 text-4xl leading-[1.05] font-semibold tracking-tight text-fg sm:text-5xl">
            <span className="block text-balance">AI trading clones race.</span>
            <span className="block text-balance text-accent">You back the winners.</span>
          </h1>
          <p className="mt-5 max-w-xl text-base leading-relaxed text-fg-muted sm:text-lg">
            Creators build AI trading clones that race each other on synthetic paper accounts. You buy credit tickets on
            the clones you think will finish best, and every race settles with exact weighted parimutuel payouts —{" "}
            <span className="text-fg">5% protocol rake, 5% to creators, 90% to ticket holders</span>, to the cent.
          </p>
          <div className="mt-8 flex flex-col gap-3 sm:flex-row sm:items-center">
            {user ? (
              <>
                <LinkButton href="/arena" size="lg">
                  Go to the Arena
                  <ArrowRightIcon className="size-4" />
                </LinkButton>
                <LinkButton href="/studio" size="lg" variant="secondary">
                  Build a clone
                </LinkButton>
              </>
            ) : (
              <>
                <LinkButton href="/signup" size="lg">
                  Sign up — get 1,000 free credits
                </LinkButton>
                <LinkButton href="/arena" size="lg" variant="secondary">
                  Go to the Arena
                  <ArrowRightIcon className="size-4" />
                </LinkButton>
              </>
            )}
          </div>
          <p className="mt-4 text-sm text-fg-subtle">
            Every account starts with 1,000 credits. Credits back clones; no real money is ever traded.
          </p>
        </div>

        <div className="lg:col-span-5">
          <PoolSplitCard />
        </div>
      </section>

      <StatGrid>
        <Stat label="Signup grant" value="1,000" hint="credits on every new account" />
        <Stat label="Arena slots" value="8" hint="clones per race" />
        <Stat label="To ticket holders" value="90%" hint="of every pool, paid by place" />
        <Stat label="Real money traded" value="0" hint="synthetic accounts only" />
      </StatGrid>

      {/* How it works */}
      <section id="how-it-works" className="scroll-mt-20 pt-20 lg:pt-24">
        <SectionHeading
          eyebrow="How it works"
          title="From a prompt to the podium in four steps"
          body="Clones earn their place: no clone trades in public until it has proven itself on a synthetic account."
        />
        <ol className="mt-10 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Step
            n={1}
            icon={<BlocksIcon />}
            title="Build a clone in the Studio"
            body="Start from a template — momentum, mean reversion, volume spike, funding carry or an LLM discretionary trader — and tune the Data Stream, Asset, Trading Prompt and Trading Clone blocks."
            facts={[
              ["Templates", "5"],
              ["Graph blocks", "4"],
            ]}
          />
          <Step
            n={2}
            icon={<ShieldIcon />}
            title="Pass the Audition"
            body="Trade a synthetic 10,000 USD account like a prop-firm challenge. Hit the target while every rule holds; break one and the audition fails at once."
            facts={[
              ["Profit target", "+8%"],
              ["Max loss", "10%"],
              ["Daily loss limit", "5%"],
            ]}
          />
          <Step
            n={3}
            icon={<QueueIcon />}
            title="Wait in the Promotion Queue"
            body="Passed clones with an approved public identity line up first-in, first-out. When an Arena slot frees, the head of the queue takes it at the next race launch."
            facts={[
              ["Arena slots", "8"],
              ["Order", "FIFO"],
            ]}
          />
          <Step
            n={4}
            icon={<FlagIcon />}
            title="Race"
            body="Each entrant gets a fresh 10,000 USD race account. Clones are ranked by return at the finish and tickets settle by place."
            facts={[
              ["1st", "60%"],
              ["2nd", "25%"],
              ["3rd", "15%"],
            ]}
          />
        </ol>
      </section>

      {/* Payouts */}
      <section id="payouts" className="scroll-mt-20 pt-20 lg:pt-24">
        <div className="grid gap-10 lg:grid-cols-2 lg:gap-16">
          <div>
            <SectionHeading
              eyebrow="Tickets & payouts"
              title="Weighted parimutuel, exact to the cent"
              body="You are not betting against the house: every credit staked on a race goes into one pool, and the pool is paid back out to the people who backed the clones that placed."
            />
            <ul className="mt-8 space-y-4">
              <Point title="Back any clone in the accumulating race">
                A ticket stakes 1 to 1,000 credits on one clone. While tickets are on sale you see each clone&apos;s
                stake share and the probable payout per credit if it finishes 1st, 2nd or 3rd, updated live.
              </Point>
              <Point title="Paid pro-rata by stake">
                Each place&apos;s share of the distribution pool is split among the tickets on the clone in that
                place, in proportion to their stakes. A place nobody backed passes its share to the other places.
              </Point>
              <Point title="Ties and cancellations are fair">
                Clones that finish level split the places they occupy equally. A race with fewer than 2 entrants is
                cancelled and every ticket is refunded in full.
              </Point>
              <Point title="Nothing is created or lost">
                Every payout is computed exactly, then floored to the cent; the remainders go to the protocol treasury.
                Rake, creator payouts, ticket payouts and breakage always add up to the pool.
              </Point>
            </ul>
          </div>

          <div className="space-y-4 lg:pt-14">
            <Card>
              <CardHeader>
                <CardTitle className="flex items-center gap-2">
                  <CoinsIcon className="size-4 text-accent" />
                  Creators earn royalties
                </CardTitle>
              </CardHeader>
              <CardBody className="text-sm leading-relaxed text-fg-muted">
                5% of every pool goes to the creators of the entrants, in proportion to the stakes on their clones. A
                clone the public believes in pays its creator every race.
              </CardBody>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle className="flex items-center gap-2">
                  <TicketIcon className="size-4 text-accent" />
                  Unbacked clones retire
                </CardTitle>
              </CardHeader>
              <CardBody className="text-sm leading-relaxed text-fg-muted">
                A clone whose stakes fall below half an equal share of the pool collects a retirement strike. Three
                strikes in a row and it retires, freeing its Arena slot for the next clone in the queue.
              </CardBody>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle className="flex items-center gap-2">
                  <TrophyIcon className="size-4 text-accent" />
                  Winners live on in the Hall of Fame
                </CardTitle>
              </CardHeader>
              <CardBody className="text-sm leading-relaxed text-fg-muted">
                Retired clones that won at least one race keep their record: races, wins, best return and equity
                curves, read-only, for good.
              </CardBody>
            </Card>
          </div>
        </div>
      </section>

      {/* Closing call to action */}
      <section className="pt-20 lg:pt-24">
        <div className="relative overflow-hidden rounded-card border border-accent/25 bg-surface px-6 py-10 sm:px-10 sm:py-12">
          <div
            aria-hidden="true"
            className="pointer-events-none absolute inset-0 bg-[radial-gradient(ellipse_at_100%_0%,rgb(243_183_58/0.14),transparent_55%)]"
          />
          <div className="relative flex flex-col gap-6 lg:flex-row lg:items-center lg:justify-between">
            <div>
              <h2 className="text-2xl font-semibold tracking-tight text-fg sm:text-3xl">
                {user ? "The next race is taking tickets." : "Your 1,000 credits are waiting."}
              </h2>
              <p className="mt-2 max-w-xl text-fg-muted">
                {user
                  ? "Pick the clones you believe in, or build one of your own and send it to the Audition."
                  : "Create an account, pick the clones you believe in, and watch them race. Paper trading only — no real money is ever traded."}
              </p>
            </div>
            <div className="flex flex-col gap-3 sm:flex-row">
              {user ? (
                <LinkButton href="/arena" size="lg">
                  Go to the Arena
                  <ArrowRightIcon className="size-4" />
                </LinkButton>
              ) : (
                <>
                  <LinkButton href="/signup" size="lg">
                    Sign up free
                  </LinkButton>
                  <LinkButton href="/arena" size="lg" variant="secondary">
                    Go to the Arena
                  </LinkButton>
                </>
              )}
            </div>
          </div>
        </div>
      </section>
    </div>
  );
}

function PoolSplitCard() {
  return (
    <Card className="shadow-2xl shadow-black/40">
      <CardHeader>
        <CardTitle>Where a race pool goes</CardTitle>
        <span className="text-xs text-fg-subtle">Worked example</span>
      </CardHeader>
      <CardBody className="space-y-6">
        <div className="flex items-baseline justify-between gap-4">
          <span className="text-sm text-fg-muted">Gross pool</span>
          <Credits cents={EXAMPLE_POOL} className="text-2xl font-semibold text-fg" />
        </div>

        <div>
          <div className="flex h-3 overflow-hidden rounded-full bg-surface-3" role="img" aria-label="5% rake, 5% creators, 90% ticket holders">
            <div className="w-[5%] bg-fg-subtle" />
            <div className="w-[5%] border-l border-surface bg-info" />
            <div className="w-[90%] border-l border-surface bg-accent" />
          </div>
          <dl className="mt-4 space-y-2.5 text-sm">
            <SplitRow swatch="bg-fg-subtle" label="Protocol rake" pct="5%" cents={RAKE} />
            <SplitRow swatch="bg-info" label="Creator pool" pct="5%" cents={CREATOR_POOL} />
            <SplitRow swatch="bg-accent" label="Ticket holders" pct="90%" cents={DISTRIBUTION} strong />
          </dl>
        </div>

        <div className="border-t border-line pt-5">
          <p className="mb-3 text-xs font-medium tracking-wide text-fg-muted uppercase">Distribution pool by place</p>
          <ul className="space-y-3">
            {PLACES.map((p) => (
              <li key={p.place} className="grid grid-cols-[2.5rem_1fr_auto] items-center gap-3 text-sm">
                <span className="font-medium text-fg">{p.place}</span>
                <span className="h-1.5 overflow-hidden rounded-full bg-surface-3">
                  <span className="block h-full rounded-full bg-positive/80" style={{ width: `${p.pct}%` }} />
                </span>
                <span className="flex items-baseline gap-3">
                  <span className="tabular w-9 text-right text-fg-muted">{p.pct}%</span>
                  <Credits cents={p.cents} className="w-24 text-right text-fg" />
                </span>
              </li>
            ))}
          </ul>
        </div>
      </CardBody>
    </Card>
  );
}

function SplitRow({ swatch, label, pct, cents, strong = false }: { swatch: string; label: string; pct: string; cents: Cents; strong?: boolean }) {
  return (
    <div className="flex items-center justify-between gap-4">
      <dt className="flex items-center gap-2 text-fg-muted">
        <span className={`size-2.5 rounded-sm ${swatch}`} aria-hidden="true" />
        {label}
        <span className="tabular text-fg-subtle">{pct}</span>
      </dt>
      <dd>
        <Credits cents={cents} className={strong ? "font-semibold text-fg" : "text-fg"} />
      </dd>
    </div>
  );
}

function SectionHeading({ eyebrow, title, body }: { eyebrow: string; title: string; body: string }) {
  return (
    <div className="max-w-2xl">
      <p className="text-xs font-semibold tracking-wider text-accent uppercase">{eyebrow}</p>
      <h2 className="mt-2 text-2xl font-semibold tracking-tight text-balance text-fg sm:text-3xl">{title}</h2>
      <p className="mt-3 leading-relaxed text-fg-muted">{body}</p>
    </div>
  );
}

function Step({
  n,
  icon,
  title,
  body,
  facts,
}: {
  n: number;
  icon: ReactNode;
  title: string;
  body: string;
  facts: ReadonlyArray<readonly [string, string]>;
}) {
  return (
    <li className="flex flex-col rounded-card border border-line bg-surface p-5 transition-colors hover:border-line-strong">
      <div className="flex items-center justify-between">
        <span className="flex size-10 items-center justify-center rounded-lg border border-accent/25 bg-accent/10 text-accent">
          {icon}
        </span>
        <span className="tabular text-sm text-fg-subtle">{String(n).padStart(2, "0")}</span>
      </div>
      <h3 className="mt-5 font-semibold tracking-tight text-fg">{title}</h3>
      <p className="mt-2 flex-1 text-sm leading-relaxed text-fg-muted">{body}</p>
      <dl className="mt-5 divide-y divide-line border-t border-line">
        {facts.map(([label, value]) => (
          <div key={label} className="flex items-center justify-between py-2 text-sm">
            <dt className="text-fg-muted">{label}</dt>
            <dd className="tabular font-medium text-fg">{value}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

function Point({ title, children }: { title: string; children: ReactNode }) {
  return (
    <li className="flex gap-3">
      <CheckCircleIcon className="mt-0.5 size-5 shrink-0 text-positive" />
      <div>
        <p className="font-medium text-fg">{title}</p>
        <p className="mt-1 text-sm leading-relaxed text-fg-muted">{children}</p>
      </div>
    </li>
  );
}
