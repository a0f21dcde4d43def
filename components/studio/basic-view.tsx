"use client";

import { useId, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { basicSettings, BASIC_SLIDERS, primaryAsset, withBasicSettings, type BasicRisk, type BasicSettings } from "@/lib/domain/graph/basic";
import { fieldMessages } from "@/lib/domain/graph/error-lookup";
import { tradingPrompt } from "@/lib/domain/graph/queries";
import { TEMPLATE_SUMMARIES, type TemplateId } from "@/lib/domain/graph/templates";
import { CADENCES } from "@/lib/domain/graph/vocabulary";
import { useBuilder } from "./builder-context";
import { SelectField, TextField } from "./form-fields";

/** Basic mode: a template and a few sliders over the same draft the other modes edit. */
export function BasicView() {
  const { draft, errors, setDraft, notify } = useBuilder();
  let settings: BasicSettings;
  let assetId: string;
  let promptId: string;
  try {
    settings = basicSettings(draft);
    assetId = primaryAsset(draft).id;
    promptId = tradingPrompt(draft).id;
  } catch (e) {
    return <Alert tone="warning" title="Basic mode cannot read this graph">{e instanceof Error ? e.message : String(e)}. Fix it in Custom or Power User mode.</Alert>;
  }

  function apply(next: Partial<BasicSettings>) {
    try {
      setDraft(withBasicSettings(draft, { ...settings, ...next }));
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e));
    }
  }
  const risk = (patch: Partial<BasicRisk>) => apply({ riskLevel: { ...settings.riskLevel, ...patch } });
  const template = TEMPLATE_SUMMARIES.find((t) => t.id === settings.templateId);
  const riskErrors = (field: string) => fieldMessages(errors, promptId, `risk.${field}`);
  const { riskLevel } = settings;

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card className="flex flex-col">
        <CardHeader><div><CardTitle>Strategy</CardTitle><CardDescription>Start from a template; switching it keeps the clone&apos;s name, tagline and avatar and replaces the rest.</CardDescription></div></CardHeader>
        <CardBody className="flex flex-1 flex-col gap-4">
          <SelectField<TemplateId>
            blockId={promptId}
            field="strategy"
            label="Template"
            value={settings.templateId}
            options={TEMPLATE_SUMMARIES.map((t) => t.id)}
            labels={Object.fromEntries(TEMPLATE_SUMMARIES.map((t) => [t.id, t.title]))}
            placeholder="No template: a custom graph"
            hint={template?.description}
            onChange={(templateId) => apply({ templateId })}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField blockId={assetId} field="symbol" label="Asset" labelAside="Hyperliquid perp" mono value={settings.symbol} onChange={(symbol) => apply({ symbol })} />
            <SelectField blockId={promptId} field="cadence" label="Cadence" labelAside="one decision every" value={settings.cadence} options={CADENCES} onChange={(cadence) => apply({ cadence })} />
          </div>
          <p className="mt-auto border-t border-line pt-4 text-xs leading-relaxed text-fg-muted">
            Data streams, indicators, the prompt text, trailing stop, daily loss cap and the model are edited in Custom mode;
            blocks and connections in Power User mode. All three modes edit the same draft.
          </p>
        </CardBody>
      </Card>
      <Card>
        <CardHeader><div><CardTitle>Risk</CardTitle><CardDescription>Basic mode caps leverage at 5x, the audition&apos;s default; Custom mode reaches the schema&apos;s limits.</CardDescription></div></CardHeader>
        <CardBody className="flex flex-col gap-5">
          <Slider label="Max position size" unit="% of equity" value={riskLevel.positionPct} range={BASIC_SLIDERS.positionPct} errors={riskErrors("maxPositionPct")} onChange={(positionPct) => risk({ positionPct })} />
          <Slider
            label="Max leverage"
            unit="x"
            value={riskLevel.leverage}
            range={BASIC_SLIDERS.leverage}
            errors={riskErrors("maxLeverage")}
            note={riskLevel.leverage > BASIC_SLIDERS.leverage.max ? `Set to ${riskLevel.leverage}x in Custom mode; moving the slider brings it within 5x.` : undefined}
            onChange={(leverage) => risk({ leverage })}
          />
          <Slider label="Stop-loss" unit="%" optional value={riskLevel.stopLossPct} range={BASIC_SLIDERS.stopLossPct} errors={riskErrors("stopLossPct")} onChange={(stopLossPct) => risk({ stopLossPct })} />
          <Slider label="Take-profit" unit="%" optional value={riskLevel.takeProfitPct} range={BASIC_SLIDERS.takeProfitPct} errors={riskErrors("takeProfitPct")} onChange={(takeProfitPct) => risk({ takeProfitPct })} />
        </CardBody>
      </Card>
    </div>
  );
}

interface SliderProps {
  label: string;
  unit: string;
  value: number | undefined;
  range: { min: number; max: number; step: number };
  errors: string[];
  /** a checkbox turns it off (no stop-loss) and on again at a default */
  optional?: boolean;
  note?: ReactNode;
  onChange: (value: number | undefined) => void;
}

function Slider({ label, unit, value, range, errors, optional, note, onChange }: SliderProps) {
  const id = useId();
  const on = value !== undefined;
  const shown = on ? (Number.isNaN(value) ? "—" : `${value}${/^[%x]/.test(unit) ? "" : " "}${unit}`) : "none";
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-3">
        <label htmlFor={id} className="text-sm font-medium text-fg">{label}</label>
        <div className="flex items-center gap-3">
          <output htmlFor={id} className="tabular text-sm text-fg">{shown}</output>
          {optional ? (
            <label className="flex items-center gap-1.5 text-xs text-fg-muted">
              <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked ? Math.min(range.max, Math.max(range.min, 2)) : undefined)} className="size-4 accent-accent" />
              Use
            </label>
          ) : null}
        </div>
      </div>
      <input
        id={id}
        type="range"
        min={range.min}
        max={range.max}
        step={range.step}
        disabled={!on}
        value={on && !Number.isNaN(value) ? Math.min(range.max, value) : range.min}
        onChange={(e) => onChange(Number(e.target.value))}
        aria-invalid={errors.length > 0 || undefined}
        className="h-2 w-full cursor-pointer accent-accent disabled:cursor-not-allowed disabled:opacity-40"
      />
      <div className="flex justify-between text-xs text-fg-subtle tabular"><span>{range.min}</span><span>{range.max}</span></div>
      {note ? <p className="text-xs text-warning">{note}</p> : null}
      {errors.length > 0 ? <p className="text-xs font-medium text-negative">{errors.join(" ")}</p> : null}
    </div>
  );
}
