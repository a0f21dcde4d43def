import { Badge, type Tone } from "@/components/ui/badge";

const STATUS: Record<string, { tone: Tone | "accent"; label: string; dot?: boolean | "pulse" }> = {
  ACCUMULATING: { tone: "warning", label: "Taking tickets", dot: "pulse" },
  LAUNCHED: { tone: "info", label: "Launched", dot: true },
  LIVE: { tone: "positive", label: "Live", dot: "pulse" },
  SETTLING: { tone: "info", label: "Settling", dot: true },
  SETTLED: { tone: "accent", label: "Settled" },
  ARCHIVED: { tone: "neutral", label: "Settled · archived" },
  CANCELLED: { tone: "negative", label: "Cancelled" },
};

export function raceStatusLabel(status: string): string {
  return STATUS[status]?.label ?? status;
}

export function RaceStatusBadge({ status, className }: { status: string; className?: string }) {
  const s = STATUS[status] ?? { tone: "neutral" as const, label: status };
  return (
    <Badge tone={s.tone} dot={s.dot} className={className} data-testid="race-status">
      {s.label}
    </Badge>
  );
}

const TICKET: Record<string, { tone: Tone | "accent"; label: string }> = {
  OPEN: { tone: "warning", label: "Open" },
  RUNNING: { tone: "info", label: "Running" },
  WON: { tone: "positive", label: "Won" },
  LOST: { tone: "neutral", label: "Lost" },
  REFUNDED: { tone: "info", label: "Refunded" },
};

/** A ticket's status; the word itself (WON, LOST…) stays in the accessible text for tests and screen readers. */
export function TicketStatusBadge({ status }: { status: string }) {
  const s = TICKET[status] ?? { tone: "neutral" as const, label: status };
  return (
    <Badge tone={s.tone} data-testid="ticket-status" data-status={status}>
      {s.label}
    </Badge>
  );
}
