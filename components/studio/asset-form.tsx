"use client";

import { Button } from "@/components/ui/button";
import { ArrowRightIcon } from "@/components/ui/icons";
import { exchangeUrl, type AssetBlock } from "@/lib/domain/graph/asset";
import { addBlock, connect } from "@/lib/domain/graph/editing";
import { fieldMessages } from "@/lib/domain/graph/error-lookup";
import { VENUES } from "@/lib/domain/graph/vocabulary";
import { BlockCard, FormRow } from "./block-card";
import { useBuilder } from "./builder-context";
import { CheckField, SelectField, TextField } from "./form-fields";

const SHOWN = ["venue", "symbol", "enabled", "streams"];
const VENUE_LABELS = { HYPERLIQUID: "Hyperliquid", POLYMARKET: "Polymarket" } as const;

export function AssetForm({ asset }: { asset: AssetBlock }) {
  const { draft, errors, setDraft, updateBlock, notify, openLatestData } = useBuilder();
  const set = (patch: Partial<AssetBlock>) => updateBlock({ ...asset, ...patch });
  const streamErrors = fieldMessages(errors, asset.id, "streams");

  function addStream() {
    const added = addBlock(draft, "data-stream");
    if (!added.ok) return notify(added.reason);
    const linked = connect(added.graph, added.blockId, asset.id);
    if (!linked.ok) return notify(linked.reason);
    setDraft(linked.graph);
  }

  return (
    <BlockCard
      block={asset}
      shownFields={SHOWN}
      actions={<Button variant="secondary" size="sm" onClick={() => openLatestData(asset.id)}>Latest data</Button>}
    >
      <FormRow>
        <SelectField blockId={asset.id} field="venue" label="Venue" value={asset.venue} options={VENUES} labels={VENUE_LABELS} onChange={(venue) => set({ venue })} />
        <TextField
          blockId={asset.id}
          field="symbol"
          label="Symbol"
          mono
          hint={asset.venue === "HYPERLIQUID" ? "The perp's coin, like BTC or kPEPE" : "The market's slug"}
          value={asset.symbol}
          onChange={(symbol) => set({ symbol })}
        />
        <div className="flex flex-col gap-1.5">
          <span className="text-sm font-medium text-fg">Exchange page</span>
          <a
            href={exchangeUrl(asset)}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex h-10 items-center gap-1.5 truncate text-sm text-accent underline-offset-2 hover:underline"
          >
            {asset.symbol || "—"} on {VENUE_LABELS[asset.venue]} <ArrowRightIcon className="size-4 -rotate-45" />
          </a>
        </div>
      </FormRow>
      <CheckField
        blockId={asset.id}
        field="enabled"
        label="Enabled"
        hint="A paused asset stays in the graph but gets no decisions."
        checked={asset.enabled}
        onChange={(enabled) => set({ enabled })}
      />
      <div className="flex flex-col gap-2">
        <h3 className="text-xs font-medium tracking-wide text-fg-muted uppercase">Data streams</h3>
        <div className="flex flex-wrap items-center gap-2">
          {asset.streams.length === 0 ? <span className="text-sm text-fg-muted">None connected.</span> : null}
          {asset.streams.map((s) => (
            <code key={s} className="rounded border border-line bg-surface-2 px-2 py-1 font-mono text-xs text-fg">{s}</code>
          ))}
          <Button variant="ghost" size="sm" onClick={addStream}>+ Add a data stream</Button>
        </div>
        {streamErrors.length > 0 ? <p data-testid={`error-${asset.id}.streams`} className="text-xs font-medium text-negative">{streamErrors.join(" ")}</p> : null}
      </div>
    </BlockCard>
  );
}
