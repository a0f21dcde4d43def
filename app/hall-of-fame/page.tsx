import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { TrophyIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Hall of Fame" };

const RECORD_FIELDS = [
  "Races run",
  "Wins and places",
  "Best return",
  "Lifetime return",
  "Max drawdown",
  "Equity curves",
  "Creator",
  "Final graph version",
] as const;

export default function HallOfFamePage() {
  return (
    <>
      <PageHeader
        title="Hall of Fame"
        subtitle="Retired clones that won at least one race, with their record preserved, read-only, for good."
      />

      <EmptyState
        icon={<TrophyIcon />}
        title="No clone has been inducted yet"
        body={
          <>
            A clone retires after three races in a row without enough backing, or when its creator retires it. If it won
            at least one race, it enters the Hall of Fame with its full record.
          </>
        }
        action={
          <LinkButton href="/arena" variant="secondary">
            See who is racing
          </LinkButton>
        }
      >
        <p className="mb-3 text-center text-xs font-medium tracking-wide text-fg-muted uppercase">Each entry will show</p>
        <ul className="flex flex-wrap justify-center gap-2">
          {RECORD_FIELDS.map((field) => (
            <li key={field} className="rounded-full border border-line bg-surface px-3 py-1 text-sm text-fg-muted">
              {field}
            </li>
          ))}
        </ul>
      </EmptyState>
    </>
  );
}
