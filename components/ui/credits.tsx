import { formatCredits, formatSignedCredits, type Cents } from "@/lib/domain/money";
import { cn } from "./cn";

export interface CreditsProps {
  /** Integer cents, as stored in the ledger. */
  cents: Cents;
  /** Show an explicit +/− and colour it: green above zero, red below. For ledger amounts and payouts. */
  signed?: boolean;
  /** Unit after the figure: "cr" (default), "credits", or none. */
  unit?: "short" | "long" | "none";
  className?: string;
}

/** An amount of credits in tabular figures, formatted exactly from cents. */
export function Credits({ cents, signed = false, unit = "short", className }: CreditsProps) {
  const text = signed ? formatSignedCredits(cents) : formatCredits(cents);
  const tone = signed ? (cents > 0 ? "text-positive" : cents < 0 ? "text-negative" : "text-fg-muted") : undefined;
  return (
    <span className={cn("tabular whitespace-nowrap", tone, className)} data-cents={cents}>
      {text}
      {unit === "none" ? null : (
        <>
          {" "}
          <span className="font-sans text-[0.8em] font-normal opacity-70">{unit === "long" ? "credits" : "cr"}</span>
        </>
      )}
    </span>
  );
}
