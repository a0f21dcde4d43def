import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";
import { CheckCircleIcon, ErrorIcon, InfoIcon, WarningIcon } from "./icons";
import type { Tone } from "./badge";

const TONES: Record<Tone, { box: string; icon: ReactNode }> = {
  neutral: { box: "border-line-strong bg-surface-2 text-fg", icon: <InfoIcon className="size-5 text-fg-muted" /> },
  info: { box: "border-info/30 bg-info/[0.07] text-fg", icon: <InfoIcon className="size-5 text-info" /> },
  positive: { box: "border-positive/30 bg-positive/[0.07] text-fg", icon: <CheckCircleIcon className="size-5 text-positive" /> },
  warning: { box: "border-warning/30 bg-warning/[0.07] text-fg", icon: <WarningIcon className="size-5 text-warning" /> },
  negative: { box: "border-negative/35 bg-negative/[0.08] text-fg", icon: <ErrorIcon className="size-5 text-negative" /> },
};

export interface AlertProps extends Omit<ComponentProps<"div">, "title"> {
  tone?: Tone;
  title?: ReactNode;
  /** Buttons or links shown under the message. */
  actions?: ReactNode;
}

/**
 * An inline message box. Negative alerts use role="alert" so screen readers announce
 * failures at once; the others are polite status messages.
 */
export function Alert({ tone = "info", title, actions, className, children, role, ...props }: AlertProps) {
  const t = TONES[tone];
  return (
    <div
      role={role ?? (tone === "negative" ? "alert" : "status")}
      className={cn("flex gap-3 rounded-lg border px-4 py-3 text-sm", t.box, className)}
      {...props}
    >
      <span className="mt-px shrink-0">{t.icon}</span>
      <div className="min-w-0 flex-1 space-y-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className="text-fg-muted [&_a]:text-fg [&_a]:underline [&_a]:underline-offset-2">{children}</div> : null}
        {actions ? <div className="flex flex-wrap gap-2 pt-2">{actions}</div> : null}
      </div>
    </div>
  );
}
