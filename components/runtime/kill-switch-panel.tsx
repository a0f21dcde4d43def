"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { TextareaField } from "@/components/ui/field";
import { KILL_SWITCH_DESCRIPTIONS } from "@/lib/domain/runtime/controls";
import { KILL_SWITCH_LEVELS, type KillSwitchLevel } from "@/lib/domain/risk/gates";
import { useTRPC } from "@/lib/trpc/client";
import { toFormError, type FormError } from "@/lib/trpc/errors";

const LABELS: Record<KillSwitchLevel, string> = { none: "Off", pause: "Pause", flatten: "Flatten", emergency: "Emergency" };
const TONE: Record<KillSwitchLevel, string> = {
  none: "border-positive/40 bg-positive/10 text-positive",
  pause: "border-warning/40 bg-warning/10 text-warning",
  flatten: "border-warning/60 bg-warning/15 text-warning",
  emergency: "border-negative/50 bg-negative/15 text-negative",
};

/** Pick a level, say why, confirm. The current level is shown as selected and cannot be re-applied. */
export function KillSwitchPanel({ level }: { level: KillSwitchLevel }) {
  const trpc = useTRPC();
  const router = useRouter();
  const change = useMutation(trpc.admin.runtime.setKillSwitch.mutationOptions());
  const [target, setTarget] = useState<KillSwitchLevel | null>(null);
  const [failure, setFailure] = useState<FormError | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!target) return;
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    setFailure(null);
    try {
      await change.mutateAsync({ level: target, reason });
      setTarget(null);
      router.refresh();
    } catch (e) {
      setFailure(toFormError(e));
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-2 sm:grid-cols-4" role="group" aria-label="Kill switch level">
        {KILL_SWITCH_LEVELS.map((l) => {
          const current = l === level;
          const chosen = l === target;
          return (
            <button
              key={l}
              type="button"
              aria-pressed={current}
              disabled={current}
              onClick={() => { setTarget(l); setFailure(null); }}
              className={cn(
                "flex flex-col items-start gap-1 rounded-card border p-3 text-left transition-colors",
                current ? TONE[l] : "border-line bg-surface-2 text-fg hover:border-line-strong",
                chosen && "ring-2 ring-accent",
                current && "cursor-default",
              )}
            >
              <span className="text-sm font-semibold">{LABELS[l]}{current ? " · current" : ""}</span>
              <span className={cn("text-xs", current ? "" : "text-fg-muted")}>{KILL_SWITCH_DESCRIPTIONS[l]}</span>
            </button>
          );
        })}
      </div>
      {target ? (
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 rounded-card border border-line bg-surface-2 p-4" aria-label={`Set kill switch to ${LABELS[target]}`}>
          <p className="text-sm text-fg">
            Set the kill switch from <strong>{LABELS[level]}</strong> to <strong>{LABELS[target]}</strong>. {KILL_SWITCH_DESCRIPTIONS[target]}
          </p>
          {failure && !failure.fieldErrors.reason ? <Alert tone="negative">{failure.message}</Alert> : null}
          <TextareaField label="Reason" name="reason" required rows={2} error={failure?.fieldErrors.reason} hint="Recorded with your email in the change log." />
          <div className="flex gap-2">
            <Button type="submit" variant={target === "none" ? "primary" : "danger"} loading={change.isPending}>
              {target === "none" ? "Turn the kill switch off" : `Switch to ${LABELS[target]}`}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setTarget(null)}>Cancel</Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
