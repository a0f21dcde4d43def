"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/lib/trpc/client";
import { toFormError } from "@/lib/trpc/errors";

/** Pause or resume one clone's decisions, with a reason for the change log. */
export function ClonePauseToggle({ cloneId, name, paused }: { cloneId: string; name: string; paused: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toggle = useMutation(trpc.admin.runtime.setClonePaused.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    setError(null);
    try {
      await toggle.mutateAsync({ cloneId, paused: !paused, reason });
      router.refresh();
    } catch (e) {
      const f = toFormError(e);
      setError(f.fieldErrors.reason?.[0] ?? f.message);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-1" aria-label={`${paused ? "Resume" : "Pause"} ${name}`}>
      <div className="flex items-center gap-2">
        <div className="w-44">
          <Input name="reason" placeholder="Reason" aria-label={`Reason to ${paused ? "resume" : "pause"} ${name}`} />
        </div>
        <Button type="submit" variant={paused ? "primary" : "secondary"} loading={toggle.isPending}>
          {paused ? "Resume" : "Pause"}
        </Button>
      </div>
      {error ? <span className="text-xs text-negative" role="alert">{error}</span> : null}
    </form>
  );
}
