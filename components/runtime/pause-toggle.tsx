"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { toFormError } from "@/lib/trpc/errors";

/** Pause or resume something from the runtime controls, with the reason the change log keeps. */
export function PauseToggle({ name, paused, onToggle }: { name: string; paused: boolean; onToggle: (p: { paused: boolean; reason: string }) => Promise<unknown> }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    setError(null);
    setPending(true);
    try {
      await onToggle({ paused: !paused, reason });
      router.refresh();
    } catch (e) {
      const f = toFormError(e);
      setError(f.fieldErrors.reason?.[0] ?? f.message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-1" aria-label={`${paused ? "Resume" : "Pause"} ${name}`}>
      <div className="flex items-center gap-2">
        <div className="w-44">
          <Input name="reason" placeholder="Reason" aria-label={`Reason to ${paused ? "resume" : "pause"} ${name}`} />
        </div>
        <Button type="submit" variant={paused ? "primary" : "secondary"} loading={pending}>
          {paused ? "Resume" : "Pause"}
        </Button>
      </div>
      {error ? <span className="text-xs text-negative" role="alert">{error}</span> : null}
    </form>
  );
}
