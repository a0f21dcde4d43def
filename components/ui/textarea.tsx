import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClasses } from "./input";

export interface TextareaProps extends ComponentProps<"textarea"> {
  invalid?: boolean;
  /** Monospace text, for prompts and raw JSON. */
  mono?: boolean;
}

export function Textarea({ invalid, mono, className, rows = 4, ...props }: TextareaProps) {
  return (
    <textarea
      rows={rows}
      aria-invalid={invalid || undefined}
      className={cn(controlClasses, "min-h-20 py-2 leading-relaxed", mono && "font-mono text-[13px]", className)}
      {...props}
    />
  );
}
