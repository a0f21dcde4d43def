"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/lib/trpc/client";
import { toFormError } from "@/lib/trpc/errors";

export function RetryChannelButton({ channelId }: { channelId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const retry = useMutation(trpc.admin.market.retryChannel.mutationOptions());
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function onClick() {
    setMessage(null);
    try {
      const result = await retry.mutateAsync({ channelId });
      setMessage(result.ok ? { ok: true, text: "Synced" } : { ok: false, text: result.lastError ?? "Still failing" });
      router.refresh();
    } catch (e) {
      setMessage({ ok: false, text: toFormError(e).message });
    }
  }

  return (
    <div className="flex items-center justify-end gap-2">
      {message ? (
        <span className={message.ok ? "text-xs text-positive" : "max-w-48 truncate text-xs text-negative"} title={message.text}>
          {message.text}
        </span>
      ) : null}
      <Button size="sm" variant="secondary" loading={retry.isPending} onClick={onClick} aria-label={`Retry ${channelId}`}>
        Retry
      </Button>
    </div>
  );
}
