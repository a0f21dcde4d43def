"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc/client";
import { PauseToggle } from "./pause-toggle";

/** Pause or resume one clone's decisions. */
export function ClonePauseToggle({ cloneId, name, paused }: { cloneId: string; name: string; paused: boolean }) {
  const trpc = useTRPC();
  const toggle = useMutation(trpc.admin.runtime.setClonePaused.mutationOptions());
  return <PauseToggle name={name} paused={paused} onToggle={(p) => toggle.mutateAsync({ cloneId, ...p })} />;
}
