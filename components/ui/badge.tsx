import type { ComponentProps } from "react";
import { cn } from "./cn";

export type Tone = "neutral" | "positive" | "negative" | "warning" | "info";

const TONES: Record<Tone | "accent", string> = {
  neutral: "border-line-strong bg-surface-2 text-fg-muted",
  positive: "border-positive/30 bg-positive/10 text-positive",
  negative: "border-negative/30 bg-negative/10 text-negative",
  warning: "border-warning/30 bg-warning/10 text-warning",
  info: "border-info/30 bg-info/10 text-info",
  accent: "border-accent/30 bg-accent/10 text-accent",
};

export interface BadgeProps extends ComponentProps<"span"> {
  tone?: Tone | "accent";
  /** A leading status dot; pulse it for live states (a LIVE race). */
  dot?: boolean | "pulse";
}

/** A compact status label: race states, audition states, roles. */
export function Badge({ tone = "neutral", dot = false, className, children, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex h-6 items-center gap-1.5 rounded-full border px-2.5 text-xs font-medium whitespace-nowrap",
        TONES[tone],
        className,
      )}
      {...props}
    >
      {dot ? (
        <span className="relative flex size-1.5" aria-hidden="true">
          {dot === "pulse" ? <span className="absolute inline-flex size-full animate-ping rounded-full bg-current opacity-60" /> : null}
          <span className="relative inline-flex size-1.5 rounded-full bg-current" />
        </span>
      ) : null}
      {children}
    </span>
  );
}
