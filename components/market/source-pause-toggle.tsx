"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/lib/trpc/client";
import { toFormError } from "@/lib/trpc/errors";

export function SourcePauseToggle({ source, paused }: { source: "hyperliquid" | "polymarket" | "defillama" | "replay"; paused: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toggle = useMutation(trpc.admin.market.setSourcePaused.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    setError(null);
    try {
      await toggle.mutateAsync({ source, paused: !paused, reason });
      router.refresh();
    } catch (e) {
      setError(toFormError(e).fieldErrors.reason?.[0] ?? toFormError(e).message);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-1" aria-label={`${paused ? "Resume" : "Pause"} ${source}`}>
      <div className="flex items-center gap-2">
        <div className="w-44">
          <Input name="reason" placeholder="Reason" aria-label={`Reason to ${paused ? "resume" : "pause"} ${source}`} />
        </div>
        <Button type="submit" variant={paused ? "primary" : "secondary"} loading={toggle.isPending}>
          {paused ? "Resume" : "Pause"}
        </Button>
      </div>
      {error ? <span className="text-xs text-negative">{error}</span> : null}
    </form>
  );
}
