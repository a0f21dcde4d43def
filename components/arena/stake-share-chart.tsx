"use client";

import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import { formatCredits } from "@/lib/domain/money";
import { sharePct, slotColor } from "./format";

export interface StakeSlice {
  cloneId: string;
  slot: number;
  name: string;
  stakeCents: number;
  stakeShare: number;
}

/** The pool as a ring, one arc per clone in its slot colour; the pool in the middle. */
export function StakeShareChart({ slices, poolCents, size = 184 }: { slices: StakeSlice[]; poolCents: number; size?: number }) {
  const backed = slices.filter((s) => s.stakeCents > 0);
  const summary =
    backed.length === 0
      ? "Stake shares: no tickets yet"
      : `Stake shares: ${backed.map((s) => `${s.name} ${sharePct(s.stakeShare)}`).join(", ")}`;
  return (
    <figure className="relative shrink-0" style={{ width: size, height: size }} role="img" aria-label={summary} data-testid="stake-chart">
      <ResponsiveContainer width="100%" height="100%">
        <PieChart>
          {backed.length === 0 ? (
            <Pie data={[{ name: "empty", value: 1 }]} dataKey="value" innerRadius="68%" outerRadius="100%" stroke="none" isAnimationActive={false} fill="var(--color-surface-3)" />
          ) : (
            <Pie
              data={backed}
              dataKey="stakeCents"
              nameKey="name"
              innerRadius="68%"
              outerRadius="100%"
              paddingAngle={backed.length > 1 ? 1.5 : 0}
              stroke="var(--color-surface)"
              strokeWidth={1}
              isAnimationActive={false}
              startAngle={90}
              endAngle={-270}
            >
              {backed.map((s) => (
                <Cell key={s.cloneId} fill={slotColor(s.slot)} />
              ))}
            </Pie>
          )}
          {backed.length > 0 ? <Tooltip content={<ShareTooltip />} isAnimationActive={false} /> : null}
        </PieChart>
      </ResponsiveContainer>
      <figcaption className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center text-center" aria-hidden="true">
        <span className="text-[11px] font-medium tracking-wide text-fg-muted uppercase">Pool</span>
        <span className="tabular text-lg font-semibold text-fg">{formatCredits(poolCents)}</span>
        <span className="text-[11px] text-fg-subtle">credits</span>
      </figcaption>
    </figure>
  );
}

function ShareTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: StakeSlice }[] }) {
  const s = active ? payload?.[0]?.payload : undefined;
  if (!s) return null;
  return (
    <div className="rounded-md border border-line-strong bg-surface-2 px-3 py-2 text-xs shadow-lg shadow-black/40">
      <div className="flex items-center gap-2 font-medium text-fg">
        <span className="size-2 rounded-full" style={{ background: slotColor(s.slot) }} />
        {s.name}
      </div>
      <div className="mt-1 tabular text-fg-muted">
        {formatCredits(s.stakeCents)} cr · {sharePct(s.stakeShare)}
      </div>
    </div>
  );
}
