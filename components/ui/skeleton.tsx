import { cn } from "./cn";

/** A shimmering placeholder block; size it with className (h-*, w-*). */
export function Skeleton({ className }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={cn(
        // cn() cannot override utilities, so the default rounding steps aside when the caller picks one.
        className?.includes("rounded") ? null : "rounded-md",
        "animate-shimmer bg-[linear-gradient(90deg,var(--color-surface-2)_0%,var(--color-surface-3)_50%,var(--color-surface-2)_100%)] bg-[length:200%_100%]",
        className,
      )}
    />
  );
}
