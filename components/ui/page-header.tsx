import type { ReactNode } from "react";
import { cn } from "./cn";

export interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Small label above the title (a section name or a status badge). */
  eyebrow?: ReactNode;
  /** Buttons at the right (below the title on phones). */
  actions?: ReactNode;
  className?: string;
}

/** The h1 of a screen with its one-line purpose and primary actions. */
export function PageHeader({ title, subtitle, eyebrow, actions, className }: PageHeaderProps) {
  return (
    <header className={cn("mb-8 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between", className)}>
      <div className="min-w-0 space-y-1.5">
        {eyebrow ? <div className="text-xs font-medium tracking-wider text-accent uppercase">{eyebrow}</div> : null}
        <h1 className="text-2xl font-semibold tracking-tight text-fg sm:text-3xl">{title}</h1>
        {subtitle ? <p className="max-w-2xl text-sm leading-relaxed text-fg-muted sm:text-base">{subtitle}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
    </header>
  );
}
