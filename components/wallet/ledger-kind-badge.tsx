import { Badge, type Tone } from "@/components/ui/badge";

const KINDS: Record<string, { label: string; tone: Tone }> = {
  SIGNUP_GRANT: { label: "Grant", tone: "positive" },
  ADMIN_GRANT: { label: "Admin grant", tone: "info" },
  AUDITION_FEE: { label: "Audition Fee", tone: "warning" },
  TICKET_PURCHASE: { label: "Ticket", tone: "neutral" },
  RACE_SETTLEMENT: { label: "Race payout", tone: "positive" },
  RACE_REFUND: { label: "Refund", tone: "info" },
};

export function LedgerKindBadge({ kind }: { kind: string }) {
  const k = KINDS[kind] ?? { label: kind, tone: "neutral" as const };
  return <Badge tone={k.tone}>{k.label}</Badge>;
}
