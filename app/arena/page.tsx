import type { Metadata } from "next";
import { ArenaLive } from "@/components/arena/arena-live";
import { LinkButton } from "@/components/ui/button";
import { TicketIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { api } from "@/server/api/server-caller";
import { getCurrentUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Arena" };
// the overview is live data: never prerendered
export const dynamic = "force-dynamic";

export default async function ArenaPage() {
  const [user, overview] = await Promise.all([getCurrentUser(), api().then((c) => c.arena.overview())]);
  return (
    <>
      <PageHeader
        title="Arena"
        subtitle="Up to 8 clones race on fresh 10,000 USD paper accounts. Back the ones you think will finish best: each race's pool pays its top places 60 / 25 / 15, pro-rata to stake."
        actions={
          user ? (
            <LinkButton href="/tickets" variant="secondary">
              <TicketIcon className="size-4" />
              My tickets
            </LinkButton>
          ) : null
        }
      />
      <ArenaLive initial={overview} signedIn={user !== null} />
    </>
  );
}
