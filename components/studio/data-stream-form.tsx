"use client";

import { Button } from "@/components/ui/button";
import { FieldShell, fieldControlProps } from "@/components/ui/field";
import { controlClasses } from "@/components/ui/input";
import type { DataStreamBlock } from "@/lib/domain/graph/data-stream";
import { withDataset, withSource } from "@/lib/domain/graph/defaults";
import { fieldMessages } from "@/lib/domain/graph/error-lookup";
import {
  DATAPOINTS_BY_DATASET,
  DATASETS_BY_SOURCE,
  GRANULARITIES,
  LOOKBACK_UNITS,
  MACRO_SERIES,
  MAX_RETRIEVAL_DEPTH,
  STREAM_SOURCES,
  type Datapoint,
} from "@/lib/domain/graph/vocabulary";
import { BlockCard, FormRow } from "./block-card";
import { useBuilder } from "./builder-context";
import { CheckField, CheckGroup, NumberField, SelectField, TextField } from "./form-fields";
import { IndicatorsEditor } from "./indicators-editor";
import { NumberInput } from "./number-input";

const SHOWN = ["source", "dataset", "market", "series", "symbol", "include", "lookback", "granularity", "datapoints", "retrievalDepth", "indicators"];
const SOURCE_LABELS = { hyperliquid: "Hyperliquid", polymarket: "Polymarket", defillama: "DefiLlama" } as const;

export function DataStreamForm({ stream, onRemove }: { stream: DataStreamBlock; onRemove: () => void }) {
  const { draft, updateBlock } = useBuilder();
  const set = (patch: Partial<DataStreamBlock>) => updateBlock({ ...stream, ...patch });
  const setOptional = (key: "market" | "symbol", value: string) => {
    const { [key]: _old, ...rest } = stream;
    updateBlock(value.trim() === "" ? rest : { ...rest, [key]: value });
  };
  const feeds = draft.blocks.filter((b) => b.type === "asset" && b.streams.includes(stream.id)).map((b) => b.id);
  const id = stream.id;

  return (
    <BlockCard
      block={stream}
      shownFields={SHOWN}
      actions={<Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove data stream ${id}`}>Remove</Button>}
    >
      <p className="text-xs text-fg-muted">
        Feeds {feeds.length > 0 ? feeds.map((a) => <code key={a} className="mr-1 font-mono text-fg">{a}</code>) : <span className="text-warning">no asset yet</span>}
      </p>
      <FormRow title="Source">
        <SelectField blockId={id} field="source" label="Source" value={stream.source} options={STREAM_SOURCES} labels={SOURCE_LABELS} onChange={(s) => updateBlock(withSource(stream, s))} />
        <SelectField blockId={id} field="dataset" label="Dataset" value={stream.dataset} options={DATASETS_BY_SOURCE[stream.source] ?? []} onChange={(d) => updateBlock(withDataset(stream, d))} />
        {stream.source === "polymarket" ? (
          <TextField blockId={id} field="market" label="Market slug" mono value={stream.market ?? ""} placeholder="will-btc-close-above-100k" onChange={(v) => setOptional("market", v)} />
        ) : null}
        {stream.source === "defillama" ? (
          <SelectField blockId={id} field="series" label="Series" value={stream.series} options={MACRO_SERIES} onChange={(v) => set({ series: v })} />
        ) : null}
        {stream.source === "hyperliquid" ? (
          <TextField blockId={id} field="symbol" label="Perp to read" hint="Empty: the asset it feeds" mono value={stream.symbol ?? ""} placeholder="same as asset" onChange={(v) => setOptional("symbol", v)} />
        ) : null}
      </FormRow>
      <FormRow title="Window">
        <LookbackField stream={stream} onChange={(lookback) => set({ lookback })} />
        <SelectField blockId={id} field="granularity" label="Granularity" value={stream.granularity} options={GRANULARITIES} onChange={(g) => set({ granularity: g })} />
        <NumberField blockId={id} field="retrievalDepth" label="Retrieval depth" labelAside={`bars, max ${MAX_RETRIEVAL_DEPTH}`} value={stream.retrievalDepth} onChange={(v) => set({ retrievalDepth: v ?? Number.NaN })} />
      </FormRow>
      <CheckGroup<Datapoint>
        blockId={id}
        field="datapoints"
        label="Datapoints"
        options={DATAPOINTS_BY_DATASET[stream.dataset] ?? []}
        values={stream.datapoints}
        onChange={(datapoints) => set({ datapoints })}
      />
      <CheckField blockId={id} field="include" label="Include in the prompt" hint="Excluded streams stay available to rule strategies but are not shown to the model." checked={stream.include} onChange={(include) => set({ include })} />
      <IndicatorsEditor stream={stream} onChange={(indicators) => set({ indicators })} />
    </BlockCard>
  );
}

/** Amount and unit side by side; the lookback's own errors (too short for the depth) sit under both. */
function LookbackField({ stream, onChange }: { stream: DataStreamBlock; onChange: (l: DataStreamBlock["lookback"]) => void }) {
  const { errors } = useBuilder();
  const name = `${stream.id}.lookback`;
  const error = fieldMessages(errors, stream.id, "lookback");
  return (
    <FieldShell label="Lookback" name={name} error={error}>
      <div className="flex gap-2">
        <div className="min-w-0 flex-1">
          <NumberInput {...fieldControlProps({ name, error })} value={stream.lookback.amount} onChange={(v) => onChange({ ...stream.lookback, amount: v ?? Number.NaN })} />
        </div>
        <div className="w-28 shrink-0">
          <select aria-label="Lookback unit" className={`${controlClasses} h-10`} value={stream.lookback.unit} onChange={(e) => onChange({ ...stream.lookback, unit: e.target.value as DataStreamBlock["lookback"]["unit"] })}>
            {LOOKBACK_UNITS.map((u) => (
              <option key={u} value={u}>{u}</option>
            ))}
          </select>
        </div>
      </div>
    </FieldShell>
  );
}
