import type { ComponentProps } from "react";
import { cn } from "./cn";

/** Shared look of text-like controls, so Input, Textarea and native selects match. */
export const controlClasses =
  "block w-full rounded-md border border-line-strong bg-canvas px-3 text-sm text-fg placeholder:text-fg-subtle " +
  "transition-colors hover:border-fg-subtle focus:border-accent focus:outline-none focus-visible:outline-none focus:ring-2 focus:ring-accent/25 " +
  "disabled:cursor-not-allowed disabled:opacity-50 read-only:bg-surface-2 " +
  "aria-invalid:border-negative aria-invalid:focus:ring-negative/25";

export interface InputProps extends ComponentProps<"input"> {
  /** Marks the control invalid (red border, aria-invalid) without a Field around it. */
  invalid?: boolean;
  /** Right-aligned tabular figures, for amounts and percentages. */
  numeric?: boolean;
}

export function Input({ invalid, numeric, className, ...props }: InputProps) {
  return (
    <input
      aria-invalid={invalid || undefined}
      className={cn(controlClasses, "h-10", numeric && "tabular text-right", className)}
      {...props}
    />
  );
}
