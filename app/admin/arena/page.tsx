import type { Metadata } from "next";
import Link from "next/link";
import { AdminArenaRaces } from "@/components/admin/arena-races";
import { wallClockSummary } from "@/components/admin/arena-schedule";
import { ArenaScheduleForm } from "@/components/admin/arena-schedule-form";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/format";
import { api } from "@/server/api/server-caller";
import { requireAdmin } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Arena controls" };

const minutes = (n: number) => `${n.toLocaleString("en-US")} race ${n === 1 ? "minute" : "minutes"}`;

export default async function AdminArenaPage() {
  // layouts and pages render in parallel: the layout's guard alone would not stop these queries
  await requireAdmin("/admin/arena");
  const caller = await api();
  const [schedule, races, changes] = await Promise.all([caller.arena.schedule(), caller.arena.recentRaces(), caller.arena.scheduleChanges()]);

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
        <section className="border-t border-line px-5 py-4" aria-labelledby="schedule-changes-title">
          <h3 id="schedule-changes-title" className="text-sm font-semibold text-fg">Schedule changes</h3>
          {changes.length === 0 ? (
            <p className="mt-1 text-sm text-fg-muted">Not changed yet: the schedule is the one the server started with.</p>
          ) : (
            <ol className="mt-2 flex flex-col divide-y divide-line" data-testid="schedule-changes">
              {changes.map((c) => (
                <li key={c.id} className="flex flex-col gap-0.5 py-2 text-sm sm:flex-row sm:items-baseline sm:gap-4">
                  <span className="tabular text-xs text-fg-muted sm:w-40 sm:shrink-0">{formatDateTime(c.createdAt)}</span>
                  <span className="flex-1">
                    <span className="text-fg-muted">{c.oldValue ?? "environment default"}</span> → <span className="font-medium text-fg">{c.newValue}</span>
                    <span className="text-fg-muted">: “{c.reason}”</span>
                  </span>
                  <span className="text-xs text-fg-muted">{c.changedBy}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </Card>

      <AdminArenaRaces initial={races} />
    </div>
  );
}
