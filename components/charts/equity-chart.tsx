"use client";

import { useMemo } from "react";
import { Area, AreaChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { money, niceAxis } from "./axis";

export interface EquityChartPoint {
  time: number;
  equityMicro: number;
  realizedMicro: number;
  unrealizedMicro: number;
  feesMicro: number;
  fundingMicro: number;
}

const DAY = 86_400_000;
const dollars = (micro: number) => micro / 1_000_000;
const utc = (ms: number, withDate: boolean) => {
  const iso = new Date(ms).toISOString();
  return withDate ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(11, 16);
};


const MINUTE = 60_000;
const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map((m) => m * MINUTE);

/** Ticks on round UTC times (every 5 min, every hour, every day…), at most about five. */
function timeTicks(from: number, to: number): number[] {
  const step = TIME_STEPS.find((s) => (to - from) / s <= 5) ?? TIME_STEPS.at(-1)!;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}

interface Row {
  time: number;
  equity: number;
  point: EquityChartPoint;
}

/** A paper account's equity over time, against its starting equity (the dashed line). */
export function EquityChart({ points, startMicro, height = 260 }: { points: EquityChartPoint[]; startMicro: number; height?: number }) {
  const rows = useMemo<Row[]>(() => points.map((p) => ({ time: p.time, equity: dollars(p.equityMicro), point: p })), [points]);
  const span = points.length > 1 ? points.at(-1)!.time - points[0]!.time : 0;
  const up = (points.at(-1)?.equityMicro ?? startMicro) >= startMicro;
  const color = up ? "var(--color-positive)" : "var(--color-negative)";
  const start = dollars(startMicro);
  const axis = niceAxis(rows.map((r) => r.equity).concat(start));
  const ticks = points.length > 1 ? timeTicks(points[0]!.time, points.at(-1)!.time) : undefined;

  return (
    <div data-testid="equity-chart" className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
          <defs>
            <linearGradient id="equity-fill" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor={color} stopOpacity={0.28} />
              <stop offset="100%" stopColor={color} stopOpacity={0.02} />
            </linearGradient>
          </defs>
          <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="time" type="number" scale="time" domain={["dataMin", "dataMax"]} ticks={ticks}
            tickFormatter={(t: number) => utc(t, span > DAY)} minTickGap={24}
            stroke="var(--color-fg-subtle)" tick={{ fontSize: 11 }} tickLine={false} axisLine={{ stroke: "var(--color-line-strong)" }}
          />
          <YAxis
            domain={axis.domain} ticks={axis.ticks} tickFormatter={(v: number) => money(v, axis.step < 1 ? 2 : 0)} width={axis.step < 1 ? 82 : 70}
            stroke="var(--color-fg-subtle)" tick={{ fontSize: 11 }} tickLine={false} axisLine={false} allowDecimals
          />
          <ReferenceLine y={start} stroke="var(--color-fg-subtle)" strokeDasharray="4 4" ifOverflow="extendDomain" />
          <Tooltip content={<EquityTooltip startMicro={startMicro} />} cursor={{ stroke: "var(--color-line-strong)" }} isAnimationActive={false} />
          <Area type="linear" dataKey="equity" stroke={color} strokeWidth={1.75} fill="url(#equity-fill)" isAnimationActive={false} dot={false} activeDot={{ r: 3 }} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}

function EquityTooltip({ active, payload, startMicro }: { active?: boolean; payload?: readonly { payload?: Row }[]; startMicro: number }) {
  const p = active ? payload?.[0]?.payload?.point : undefined;
  if (!p) return null;
  const change = p.equityMicro - startMicro;
  const line = (name: string, micro: number) => (
    <div className="flex justify-between gap-4"><span className="text-fg-muted">{name}</span><span className="tabular">{money(dollars(micro))}</span></div>
  );
  return (
    <div className="rounded-md border border-line-strong bg-surface-2 px-3 py-2 text-xs shadow-lg shadow-black/40">
      <div className="mb-1 text-fg-muted">{new Date(p.time).toISOString().slice(0, 19).replace("T", " ")} UTC</div>
      <div className="mb-1 flex justify-between gap-4 font-medium text-fg">
        <span>Equity</span>
        <span className="tabular">{money(dollars(p.equityMicro))} <span className={change >= 0 ? "text-positive" : "text-negative"}>({change >= 0 ? "+" : ""}{money(dollars(change))})</span></span>
      </div>
      {line("Realized", p.realizedMicro)}
      {line("Unrealized", p.unrealizedMicro)}
      {line("Fees", -p.feesMicro)}
      {line("Funding", p.fundingMicro)}
    </div>
  );
}
