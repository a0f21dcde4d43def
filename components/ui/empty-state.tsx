import type { ReactNode } from "react";
import { cn } from "./cn";

export interface EmptyStateProps {
  /** An icon element (e.g. <FlagIcon />); shown in a tinted tile. */
  icon?: ReactNode;
  title: ReactNode;
  body?: ReactNode;
  /** A button or link that gets the person out of the empty state. */
  action?: ReactNode;
  /** Extra content under the body, e.g. a list of what will appear here. */
  children?: ReactNode;
  className?: string;
}

/** What a screen shows when there is nothing yet: says what will appear and how it gets there. */
export function EmptyState({ icon, title, body, action, children, className }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center rounded-card border border-dashed border-line-strong bg-surface/60 px-6 py-12 text-center sm:px-10 sm:py-16",
        className,
      )}
    >
      {icon ? (
        <div className="mb-5 flex size-12 items-center justify-center rounded-xl border border-accent/25 bg-accent/10 text-accent [&_svg]:size-6">
          {icon}
        </div>
      ) : null}
      <h2 className="text-lg font-semibold tracking-tight text-fg">{title}</h2>
      {body ? <div className="mt-2 max-w-xl text-sm leading-relaxed text-pretty text-fg-muted">{body}</div> : null}
      {children ? <div className="mt-8 w-full max-w-3xl text-left">{children}</div> : null}
      {action ? <div className="mt-8 flex flex-wrap items-center justify-center gap-3">{action}</div> : null}
    </div>
  );
}
