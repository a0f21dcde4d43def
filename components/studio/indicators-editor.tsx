"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/input";
import { CloseIcon } from "@/components/ui/icons";
import type { DataStreamBlock } from "@/lib/domain/graph/data-stream";
import { defaultIndicator } from "@/lib/domain/graph/defaults";
import { fieldMessages } from "@/lib/domain/graph/error-lookup";
import { indicatorLabel, INDICATOR_KINDS, type Indicator, type IndicatorKind } from "@/lib/domain/graph/indicators";
import { useBuilder } from "./builder-context";
import { NumberInput } from "./number-input";

const KIND_NAME: Readonly<Record<IndicatorKind, string>> = {
  ema: "EMA", sma: "SMA", rsi: "RSI", atr: "ATR", bollinger: "Bollinger bands", macd: "MACD", vwap: "VWAP", "realized-vol": "Realized volatility",
};

/** The numeric parameters of an indicator, in the order people write them ("MACD 12/26/9"). */
const PARAMS: Readonly<Record<IndicatorKind, readonly (readonly [string, string])[]>> = {
  ema: [["period", "Period"]],
  sma: [["period", "Period"]],
  rsi: [["period", "Period"]],
  atr: [["period", "Period"]],
  bollinger: [["period", "Period"], ["stdDev", "Std devs"]],
  macd: [["fast", "Fast"], ["slow", "Slow"], ["signal", "Signal"]],
  vwap: [],
  "realized-vol": [["period", "Period"]],
};

/** The stream's indicators, one compact row each, with their parameters and errors. */
export function IndicatorsEditor({ stream, onChange }: { stream: DataStreamBlock; onChange: (indicators: Indicator[]) => void }) {
  const { errors } = useBuilder();
  const [kind, setKind] = useState<IndicatorKind>("ema");
  const listErrors = fieldMessages(errors, stream.id, "indicators", true);
  const set = (i: number, next: Indicator) => onChange(stream.indicators.map((x, k) => (k === i ? next : x)));
  const candles = stream.dataset === "candles";

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-2 text-xs font-medium tracking-wide text-fg-muted uppercase">Indicators</legend>
      {stream.indicators.length === 0 ? (
        <p className="text-sm text-fg-muted">{candles ? "None: the prompt sees the bars only." : `Indicators are computed from candles; this stream reads ${stream.dataset}.`}</p>
      ) : null}
      <ul className="flex flex-col divide-y divide-line rounded-md border border-line empty:hidden">
        {stream.indicators.map((indicator, i) => {
          const rowErrors = fieldMessages(errors, stream.id, `indicators.${i}`);
          const name = `${stream.id}.indicators.${i}`;
          return (
            <li key={i} className="flex flex-col gap-1.5 px-3 py-2">
              <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                <p className="w-36 text-sm font-medium text-fg">{KIND_NAME[indicator.kind] ?? indicator.kind}</p>
                {PARAMS[indicator.kind]?.map(([key, label]) => (
                  <label key={key} className="flex items-center gap-2 text-xs text-fg-muted">
                    {label}
                    <span className="w-20">
                      <NumberInput
                        aria-invalid={fieldMessages(errors, stream.id, `indicators.${i}.${key}`).length > 0 || undefined}
                        aria-describedby={rowErrors.length > 0 ? `${name}-error` : undefined}
                        value={(indicator as Record<string, unknown>)[key] as number | undefined}
                        onChange={(v) => set(i, { ...indicator, [key]: v } as Indicator)}
                      />
                    </span>
                  </label>
                ))}
                <Button variant="ghost" size="sm" className="ml-auto h-8 px-2" aria-label={`Remove ${safeLabel(indicator)}`} onClick={() => onChange(stream.indicators.filter((_, k) => k !== i))}>
                  <CloseIcon className="size-4" />
                </Button>
              </div>
              {rowErrors.length > 0 ? <p id={`${name}-error`} data-testid={`error-${name}`} className="text-xs font-medium text-negative">{rowErrors.join(" ")}</p> : null}
            </li>
          );
        })}
      </ul>
      {listErrors.length > 0 ? <p data-testid={`error-${stream.id}.indicators`} className="text-xs font-medium text-negative">{listErrors.join(" ")}</p> : null}
      {candles ? (
        <div className="flex flex-wrap items-center gap-2">
          <span className="w-48">
            <select aria-label="Indicator to add" className={`${controlClasses} h-8`} value={kind} onChange={(e) => setKind(e.target.value as IndicatorKind)}>
              {INDICATOR_KINDS.map((k) => (
                <option key={k} value={k}>{KIND_NAME[k]}</option>
              ))}
            </select>
          </span>
          <Button variant="secondary" size="sm" onClick={() => onChange([...stream.indicators, defaultIndicator(kind)])}>Add indicator</Button>
        </div>
      ) : null}
    </fieldset>
  );
}

/** The label of an indicator whose parameters may be mid-edit (NaN while a field is empty). */
function safeLabel(indicator: Indicator): string {
  try {
    return indicatorLabel(indicator);
  } catch {
    return indicator.kind;
  }
}
