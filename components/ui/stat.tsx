import type { ReactNode } from "react";
import { cn } from "./cn";

export type DeltaTone = "positive" | "negative" | "neutral";

export interface StatProps {
  label: ReactNode;
  /** The figure itself; rendered in tabular figures. Pass <Credits /> for amounts. */
  value: ReactNode;
  /** A change next to the figure, e.g. "+4.20%". */
  delta?: ReactNode;
  /** Colour of the delta; green up, red down. */
  deltaTone?: DeltaTone;
  /** Small print under the figure. */
  hint?: ReactNode;
  size?: "md" | "lg";
  className?: string;
}

const DELTA_TONES: Record<DeltaTone, string> = {
  positive: "text-positive",
  negative: "text-negative",
  neutral: "text-fg-muted",
};

/** A labelled headline figure. Bare by design: group several in a StatGrid or a Card. */
export function Stat({ label, value, delta, deltaTone = "neutral", hint, size = "md", className }: StatProps) {
  return (
    <div className={cn("min-w-0", className)}>
      <div className="text-xs font-medium tracking-wide text-fg-muted uppercase">{label}</div>
      <div className="mt-1.5 flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
        <span className={cn("tabular font-semibold text-fg", size === "lg" ? "text-2xl sm:text-3xl" : "text-xl sm:text-2xl")}>{value}</span>
        {delta !== undefined && delta !== null ? (
          <span className={cn("tabular text-sm font-medium", DELTA_TONES[deltaTone])}>{delta}</span>
        ) : null}
      </div>
      {hint ? <div className="mt-1 text-xs text-fg-subtle">{hint}</div> : null}
    </div>
  );
}

/** A bordered strip of Stats with hairline dividers, like an exchange's ticker bar. */
export function StatGrid({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div
      className={cn(
        "grid grid-cols-2 gap-px overflow-hidden rounded-card border border-line bg-line lg:grid-cols-4 [&>*]:bg-surface [&>*]:p-4 sm:[&>*]:p-5",
        className,
      )}
    >
      {children}
    </div>
  );
}
