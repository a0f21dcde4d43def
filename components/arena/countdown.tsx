"use client";

import { formatCountdown } from "./format";
import { useNow } from "./use-now";

/** Time left until `to` (ms epoch), ticking each second; `done` once it has passed. */
export function Countdown({ to, done, className }: { to: number; done: string; className?: string }) {
  const now = useNow();
  const left = now === null ? null : to - now;
  return (
    <span role="timer" className={className} data-testid="countdown">
      {left === null ? "–:––" : left > 0 ? formatCountdown(left) : done}
    </span>
  );
}
