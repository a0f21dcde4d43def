"use client";

import { fieldMessages } from "@/lib/domain/graph/error-lookup";
import type { TradingCloneBlock } from "@/lib/domain/graph/trading-clone";
import { AVATAR_IDS, PROVIDERS, type Provider } from "@/lib/domain/graph/vocabulary";
import { BlockCard, FormRow } from "./block-card";
import { useBuilder } from "./builder-context";
import { NumberField, SelectField, TextField } from "./form-fields";

const SHOWN = ["name", "tagline", "avatar", "provider", "model", "temperature", "prompt"];
const PROVIDER_LABELS: Readonly<Record<Provider, string>> = { anthropic: "Anthropic (LLM)", rules: "Rules (deterministic)", scripted: "Scripted (tests)" };

export function TradingCloneForm({ clone }: { clone: TradingCloneBlock }) {
  const { errors, updateBlock } = useBuilder();
  const id = clone.id;
  const set = (patch: Partial<TradingCloneBlock>) => updateBlock({ ...clone, ...patch });
  const setModel = (model: string) => {
    const { model: _old, ...rest } = clone;
    updateBlock(model.trim() === "" ? rest : { ...rest, model });
  };
  const promptErrors = fieldMessages(errors, id, "prompt");

  return (
    <BlockCard block={clone} shownFields={SHOWN}>
      <FormRow title="Public identity">
        <TextField blockId={id} field="name" label="Name" labelAside="2–40 characters" maxLength={60} value={clone.name} onChange={(name) => set({ name })} />
        <TextField blockId={id} field="tagline" label="Tagline" labelAside="up to 120" value={clone.tagline} onChange={(tagline) => set({ tagline })} />
        <TextField blockId={id} field="avatar" label="Avatar" hint={`One emoji, or: ${AVATAR_IDS.slice(0, 6).join(", ")}…`} value={clone.avatar} onChange={(avatar) => set({ avatar })} />
      </FormRow>
      <FormRow title="Model">
        <SelectField blockId={id} field="provider" label="Provider" value={clone.provider} options={PROVIDERS} labels={PROVIDER_LABELS} onChange={(provider) => set({ provider })} />
        <TextField blockId={id} field="model" label="Model" mono hint={clone.provider === "anthropic" ? "Required for Anthropic" : "Only the Anthropic provider uses it"} placeholder="claude-sonnet-4-6" value={clone.model ?? ""} onChange={setModel} />
        <NumberField blockId={id} field="temperature" label="Temperature" labelAside="0 – 1" value={clone.temperature} onChange={(v) => set({ temperature: v ?? Number.NaN })} />
      </FormRow>
      <p className="text-xs text-fg-muted">
        Follows prompt <code className="font-mono text-fg">{clone.prompt}</code>
        {promptErrors.length > 0 ? <span data-testid={`error-${id}.prompt`} className="ml-2 font-medium text-negative">{promptErrors.join(" ")}</span> : null}
      </p>
    </BlockCard>
  );
}
