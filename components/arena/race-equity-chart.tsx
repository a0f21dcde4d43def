"use client";

import { useMemo } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CloneAvatar } from "./clone-avatar";
import { formatReturnPct, slotColor, toneOf } from "./format";
import { money, niceAxis } from "@/components/charts/axis";

export interface ChartEntrant {
  cloneId: string;
  slot: number;
  name: string;
  avatar: string;
  returnPct: number;
}

type Curve = { cloneId: string; points: { time: number; equityUsd: number }[] };
type Row = { time: number } & Record<string, number>;

const clock = (ms: number, seconds: boolean) => new Date(ms).toISOString().slice(11, seconds ? 19 : 16);


/** Every entrant's equity from its 10,000 USD start, one line per clone in its slot colour. */
export function RaceEquityChart({ curves, entrants, startUsd, height = 320 }: { curves: Curve[]; entrants: ChartEntrant[]; startUsd: number; height?: number }) {
  const byId = useMemo(() => new Map(entrants.map((e) => [e.cloneId, e])), [entrants]);
  const rows = useMemo<Row[]>(() => {
    // the curves are sampled per account: merge them on time, a clone missing a sample is bridged
    const at = new Map<number, Row>();
    for (const c of curves) {
      for (const p of c.points) {
        const row = at.get(p.time) ?? ({ time: p.time } as Row);
        row[c.cloneId] = p.equityUsd;
        at.set(p.time, row);
      }
    }
    return [...at.values()].sort((a, b) => a.time - b.time);
  }, [curves]);
  const drawn = curves.filter((c) => c.points.length > 0 && byId.has(c.cloneId));
  const values = curves.flatMap((c) => c.points.map((p) => p.equityUsd)).concat(startUsd);
  const axis = niceAxis(values);
  const span = rows.length > 1 ? rows.at(-1)!.time - rows[0]!.time : 0;
  const seconds = span < 15 * 60_000;
  const legend = [...entrants].sort((a, b) => b.returnPct - a.returnPct);

  return (
    <div className="flex flex-col gap-4">
      <div
        data-testid="race-equity-chart"
        className="w-full"
        style={{ height }}
        role="img"
        aria-label={`Equity curves: ${legend.map((e) => `${e.name} ${formatReturnPct(e.returnPct)}`).join(", ")}`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
            <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="time" type="number" scale="time" domain={["dataMin", "dataMax"]}
              tickFormatter={(t: number) => clock(t, seconds)} minTickGap={32}
              stroke="var(--color-fg-subtle)" tick={{ fontSize: 11 }} tickLine={false} axisLine={{ stroke: "var(--color-line-strong)" }}
            />
            <YAxis
              domain={axis.domain} ticks={axis.ticks} tickFormatter={(v: number) => money(v, axis.step < 1 ? 2 : 0)} width={axis.step < 1 ? 82 : 70}
              stroke="var(--color-fg-subtle)" tick={{ fontSize: 11 }} tickLine={false} axisLine={false}
            />
            <ReferenceLine y={startUsd} stroke="var(--color-fg-subtle)" strokeDasharray="4 4" ifOverflow="extendDomain" />
            <Tooltip content={<CurvesTooltip byId={byId} />} cursor={{ stroke: "var(--color-line-strong)" }} isAnimationActive={false} />
            {drawn.map((c) => {
              const e = byId.get(c.cloneId)!;
              return (
                <Line
                  key={c.cloneId} type="linear" dataKey={c.cloneId} name={e.name} stroke={slotColor(e.slot)} strokeWidth={1.75}
                  dot={false} activeDot={{ r: 3 }} isAnimationActive={false} connectNulls
                />
              );
            })}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-2" aria-label="Legend">
        {legend.map((e) => (
          <li key={e.cloneId} className="flex items-center gap-1.5 text-xs">
            <span className="h-0.5 w-4 rounded-full" style={{ background: slotColor(e.slot) }} aria-hidden="true" />
            <CloneAvatar avatar={e.avatar} name={e.name} size="sm" />
            <span className="font-medium text-fg">{e.name}</span>
            <span className={`tabular ${toneOf(e.returnPct)}`}>{formatReturnPct(e.returnPct)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function CurvesTooltip({ active, payload, label, byId }: { active?: boolean; payload?: readonly { dataKey?: unknown; value?: unknown }[]; label?: unknown; byId: Map<string, ChartEntrant> }) {
  if (!active || !payload?.length || typeof label !== "number") return null;
  const lines = payload
    .flatMap((p) => {
      const e = byId.get(String(p.dataKey));
      return e && typeof p.value === "number" ? [{ e, value: p.value }] : [];
    })
    .sort((a, b) => b.value - a.value);
  return (
    <div className="rounded-md border border-line-strong bg-surface-2 px-3 py-2 text-xs shadow-lg shadow-black/40">
      <div className="mb-1 text-fg-muted">{new Date(label).toISOString().slice(0, 19).replace("T", " ")} UTC</div>
      {lines.map(({ e, value }) => (
        <div key={e.cloneId} className="flex items-center justify-between gap-4">
          <span className="flex items-center gap-1.5 text-fg">
            <span className="size-2 rounded-full" style={{ background: slotColor(e.slot) }} />
            {e.name}
          </span>
          <span className="tabular text-fg">{money(value, 2)}</span>
        </div>
      ))}
    </div>
  );
}
