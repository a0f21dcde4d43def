"use client";

import { cn } from "@/components/ui/cn";
import type { Block } from "@/lib/domain/graph/blocks";
import { removeBlock } from "@/lib/domain/graph/editing";
import { BLOCK_TYPES } from "@/lib/domain/graph/vocabulary";
import { AssetForm } from "./asset-form";
import { blockDomId } from "./block-card";
import { BLOCK_DOT, BLOCK_SECTION, BLOCK_TITLE } from "./block-meta";
import { useBuilder } from "./builder-context";
import { DataStreamForm } from "./data-stream-form";
import { TradingCloneForm } from "./trading-clone-form";
import { TradingPromptForm } from "./trading-prompt-form";

/** Custom mode: a form per block, in the order data flows through the chain. */
export function CustomView() {
  const { draft, errors, setDraft, notify } = useBuilder();

  function remove(id: string) {
    const r = removeBlock(draft, id);
    if (r.ok) setDraft(r.graph);
    else notify(r.reason);
  }

  const form = (b: Block) => {
    switch (b.type) {
      case "data-stream":
        return <DataStreamForm key={b.id} stream={b} onRemove={() => remove(b.id)} />;
      case "asset":
        return <AssetForm key={b.id} asset={b} />;
      case "trading-prompt":
        return <TradingPromptForm key={b.id} prompt={b} />;
      case "trading-clone":
        return <TradingCloneForm key={b.id} clone={b} />;
    }
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[13rem_minmax(0,1fr)]">
      <nav aria-label="Blocks" className="hidden lg:block">
        <ol className="sticky top-36 flex flex-col gap-1 text-sm">
          {draft.blocks.map((b) => {
            const count = errors.filter((e) => e.blockId === b.id).length;
            return (
              <li key={b.id}>
                <a href={`#${blockDomId(b.id)}`} className="flex items-center gap-2 rounded-md px-2 py-1.5 text-fg-muted hover:bg-surface-2 hover:text-fg">
                  <span className={cn("size-2 shrink-0 rounded-full", BLOCK_DOT[b.type])} aria-hidden="true" />
                  <span className="truncate font-mono text-xs">{b.id}</span>
                  {count > 0 ? <span className="ml-auto rounded-full bg-negative/15 px-1.5 text-xs text-negative">{count}</span> : null}
                </a>
              </li>
            );
          })}
        </ol>
      </nav>
      <div className="flex min-w-0 flex-col gap-8">
        {BLOCK_TYPES.map((type) => {
          const blocks = draft.blocks.filter((b) => b.type === type);
          if (blocks.length === 0) return null;
          return (
            <div key={type} className="flex flex-col gap-3">
              <h2 className="flex items-center gap-2 text-sm font-semibold text-fg">
                <span className={cn("size-2 rounded-full", BLOCK_DOT[type])} aria-hidden="true" />
                {blocks.length === 1 ? BLOCK_TITLE[type] : BLOCK_SECTION[type]}
              </h2>
              {blocks.map(form)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
