import { Badge, type Tone } from "@/components/ui/badge";

const STATUS: Record<string, { tone: Tone; label: string }> = {
  ACTION: { tone: "positive", label: "Traded" },
  HOLD: { tone: "neutral", label: "Hold" },
  REJECTED: { tone: "negative", label: "Rejected" },
  NO_TRADE: { tone: "warning", label: "No trade" },
};

export function DecisionStatusBadge({ status }: { status: string }) {
  const s = STATUS[status] ?? { tone: "neutral" as const, label: status };
  return <Badge tone={s.tone}>{s.label}</Badge>;
}
