"use client";

import { withStrategy } from "@/lib/domain/graph/defaults";
import { fieldMessages } from "@/lib/domain/graph/error-lookup";
import type { Risk, TradingPromptBlock } from "@/lib/domain/graph/trading-prompt";
import { ACTIONS, CADENCES, STRATEGIES, type ActionKind, type Strategy } from "@/lib/domain/graph/vocabulary";
import { BlockCard, FormRow } from "./block-card";
import { useBuilder } from "./builder-context";
import { CheckGroup, NumberField, SelectField, TextareaField } from "./form-fields";

const SHOWN = ["prompt", "strategy", "params", "cadence", "risk", "allowedActions", "assets"];

const STRATEGY_LABELS: Readonly<Record<Strategy, string>> = {
  momentum: "Momentum (rules)",
  "mean-reversion": "Mean reversion (rules)",
  "volume-spike": "Volume spike (rules)",
  "funding-carry": "Funding carry (rules)",
  discretionary: "Discretionary (LLM)",
};

/** Each strategy's parameters: key, label, unit or hint. */
const PARAMS: Readonly<Record<Strategy, readonly (readonly [string, string, string?])[]>> = {
  momentum: [["fastEma", "Fast EMA period", "bars"], ["slowEma", "Slow EMA period", "bars"]],
  "mean-reversion": [["period", "Mean-reversion period", "bars"], ["entryZ", "Entry z-score", "σ"], ["exitZ", "Exit z-score", "σ"]],
  "volume-spike": [["lookback", "Volume lookback", "bars"], ["multiple", "Volume multiple", "× average"]],
  "funding-carry": [["threshold", "Funding threshold", "per hour, 0.00005 = 0.005%"]],
  discretionary: [],
};

type RiskKey = keyof Risk;
const RISK: readonly (readonly [RiskKey, string, string, boolean])[] = [
  ["maxPositionPct", "Max position size", "% of equity", false],
  ["maxLeverage", "Max leverage", "× whole steps", false],
  ["stopLossPct", "Stop-loss", "% · empty: none", true],
  ["takeProfitPct", "Take-profit", "% · empty: none", true],
  ["trailingStopPct", "Trailing stop", "% · empty: none", true],
  ["maxDailyLossPct", "Max daily loss", "% of the day's start", false],
];

const ACTION_LABELS: Readonly<Record<ActionKind, string>> = { open_long: "Open long", open_short: "Open short", close: "Close", hold: "Hold" };

export function TradingPromptForm({ prompt }: { prompt: TradingPromptBlock }) {
  const { errors, updateBlock } = useBuilder();
  const id = prompt.id;
  const set = (patch: Partial<TradingPromptBlock>) => updateBlock({ ...prompt, ...patch } as TradingPromptBlock);
  const setRisk = (key: RiskKey, value: number | undefined) => {
    const { [key]: _old, ...rest } = prompt.risk;
    set({ risk: (value === undefined ? rest : { ...rest, [key]: value }) as Risk });
  };
  const params = prompt.params as Record<string, number | undefined>;
  const assetErrors = fieldMessages(errors, id, "assets");

  return (
    <BlockCard block={prompt} shownFields={SHOWN}>
      <TextareaField blockId={id} field="prompt" label="Prompt" labelAside={`${prompt.prompt.length} / 8000`} rows={7} value={prompt.prompt} onChange={(v) => set({ prompt: v })} />
      <FormRow title="Strategy">
        <SelectField blockId={id} field="strategy" label="Strategy" value={prompt.strategy} options={STRATEGIES} labels={STRATEGY_LABELS} onChange={(s) => updateBlock(withStrategy(prompt, s))} />
        <SelectField blockId={id} field="cadence" label="Cadence" labelAside="one decision every" value={prompt.cadence} options={CADENCES} onChange={(cadence) => set({ cadence })} />
        {(PARAMS[prompt.strategy] ?? []).map(([key, label, aside]) => (
          <NumberField key={key} blockId={id} field={`params.${key}`} label={label} labelAside={aside} value={params[key]} onChange={(v) => set({ params: { ...params, [key]: v ?? Number.NaN } } as Partial<TradingPromptBlock>)} />
        ))}
      </FormRow>
      <FormRow title="Risk and execution">
        {RISK.map(([key, label, aside, optional]) => (
          <NumberField key={key} blockId={id} field={`risk.${key}`} label={label} labelAside={aside} optional={optional} value={prompt.risk[key]} onChange={(v) => setRisk(key, optional ? v : (v ?? Number.NaN))} />
        ))}
      </FormRow>
      <CheckGroup<ActionKind>
        blockId={id}
        field="allowedActions"
        label="Allowed actions"
        options={ACTIONS}
        labels={ACTION_LABELS}
        values={prompt.allowedActions}
        onChange={(allowedActions) => set({ allowedActions })}
      />
      <div className="flex flex-col gap-2">
        <h3 className="text-xs font-medium tracking-wide text-fg-muted uppercase">Assets traded</h3>
        <div className="flex flex-wrap gap-2">
          {prompt.assets.length === 0 ? <span className="text-sm text-fg-muted">None connected: connect an asset in Power User mode.</span> : null}
          {prompt.assets.map((a) => (
            <code key={a} className="rounded border border-line bg-surface-2 px-2 py-1 font-mono text-xs text-fg">{a}</code>
          ))}
        </div>
        {assetErrors.length > 0 ? <p data-testid={`error-${id}.assets`} className="text-xs font-medium text-negative">{assetErrors.join(" ")}</p> : null}
      </div>
    </BlockCard>
  );
}
