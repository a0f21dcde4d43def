import { Badge } from "@/components/ui/badge";

export type SaveOutcome =
  | { kind: "saved"; version: number }
  | { kind: "loaded"; version: number }
  | { kind: "refused"; problems: number }
  | { kind: "conflict"; message: string }
  | { kind: "failed"; message: string };

/** One line about where the draft stands against the saved versions. */
export function SaveStatus({ dirty, problems, version, outcome }: { dirty: boolean; problems: number; version: number; outcome: SaveOutcome | null }) {
  let text: string;
  let tone: "positive" | "negative" | "warning" | "neutral" = "neutral";
  if (outcome?.kind === "refused" && problems > 0) {
    text = `Not saved: ${problems} ${problems === 1 ? "problem" : "problems"} to fix`;
    tone = "negative";
  } else if (dirty) {
    text = `Unsaved changes to version ${version}`;
    tone = "warning";
  } else if (outcome?.kind === "saved") {
    text = `Version ${outcome.version} saved`;
    tone = "positive";
  } else {
    text = `Version ${version}${outcome?.kind === "loaded" ? " loaded" : ""}`;
  }
  return (
    <span role="status" data-testid="save-status">
      <Badge tone={tone} dot={tone !== "neutral"}>{text}</Badge>
    </span>
  );
}
