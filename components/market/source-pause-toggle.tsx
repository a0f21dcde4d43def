"use client";

import { useMutation } from "@tanstack/react-query";
import { PauseToggle } from "@/components/runtime/pause-toggle";
import { useTRPC } from "@/lib/trpc/client";

export function SourcePauseToggle({ source, paused }: { source: "hyperliquid" | "polymarket" | "defillama" | "replay"; paused: boolean }) {
  const trpc = useTRPC();
  const toggle = useMutation(trpc.admin.market.setSourcePaused.mutationOptions());
  return <PauseToggle name={source} paused={paused} onToggle={(p) => toggle.mutateAsync({ source, ...p })} />;
}
