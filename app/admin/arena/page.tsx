import type { Metadata } from "next";
import Link from "next/link";
import { AdminArenaRaces } from "@/components/admin/arena-races";
import { wallClockSummary } from "@/components/admin/arena-schedule";
import { ArenaScheduleForm } from "@/components/admin/arena-schedule-form";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { api } from "@/server/api/server-caller";
import { requireAdmin } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Arena controls" };

const minutes = (n: number) => `${n.toLocaleString("en-US")} race ${n === 1 ? "minute" : "minutes"}`;

export default async function AdminArenaPage() {
  // layouts and pages render in parallel: the layout's guard alone would not stop these queries
  await requireAdmin("/admin/arena");
  const caller = await api();
  const [schedule, races] = await Promise.all([caller.arena.schedule(), caller.arena.recentRaces()]);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={<Link href="/admin" className="text-sm text-fg-muted hover:text-fg">← Operations</Link>}
        title="Arena controls"
        subtitle="The race schedule, and the races in play with a way to cancel one: a cancelled race refunds every ticket in full."
        actions={<LinkButton href="/arena" variant="secondary" size="sm">Open the public Arena</LinkButton>}
      />

      <Card aria-labelledby="schedule-title">
        <CardHeader>
          <div>
            <CardTitle id="schedule-title">Race schedule</CardTitle>
            <CardDescription data-testid="schedule-current">
              Now: {minutes(schedule.accumulateMinutes)} taking tickets and {minutes(schedule.liveMinutes)} live at time scale ×{schedule.timeScale.toLocaleString("en-US")}: each race {wallClockSummary(schedule)} on the wall clock.
            </CardDescription>
          </div>
        </CardHeader>
        <CardBody>
          <ArenaScheduleForm current={schedule} />
        </CardBody>
      </Card>

      <AdminArenaRaces initial={races} />
    </div>
  );
}
