"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { NEXT_BLOCK_TYPE } from "@/lib/domain/graph/blocks";
import { connect, disconnect, removeBlock } from "@/lib/domain/graph/editing";
import { describeGraphError } from "@/lib/domain/graph/validate";
import { BLOCK_TITLE, blockSummary } from "./block-meta";
import { useBuilder } from "./builder-context";
import type { CanvasSelection } from "./graph-canvas";

/**
 * What can be done to the selected block or edge, as plain buttons: the same
 * edits as dragging on the canvas, reachable by keyboard and on a phone.
 */
export function PowerInspector({ selection, onSelect }: { selection: CanvasSelection; onSelect: (s: CanvasSelection) => void }) {
  const { draft, errors, setDraft, notify, openLatestData, showInCustom } = useBuilder();
  const [target, setTarget] = useState("");
  const run = (r: { ok: true; graph: typeof draft } | { ok: false; reason: string }, after?: () => void) => {
    if (!r.ok) return notify(r.reason);
    setDraft(r.graph);
    after?.();
  };

  if (selection?.kind === "edge") {
    return (
      <div className="flex flex-col gap-3" data-testid="inspector">
        <p className="text-xs font-medium tracking-wide text-fg-muted uppercase">Edge</p>
        <p className="text-sm text-fg"><code className="font-mono">{selection.from}</code> → <code className="font-mono">{selection.to}</code></p>
        <Button variant="danger" size="sm" onClick={() => run(disconnect(draft, selection.from, selection.to), () => onSelect(null))}>Disconnect</Button>
      </div>
    );
  }
  const block = selection?.kind === "block" ? draft.blocks.find((b) => b.id === selection.id) : undefined;
  if (!block) {
    return (
      <div className="flex flex-col gap-2 text-sm text-fg-muted" data-testid="inspector">
        <p className="font-medium text-fg">Nothing selected</p>
        <p>Select a block or an edge to connect, disconnect or remove it.</p>
        <p>Drag blocks to arrange them (positions are saved with the graph); drag from a block&apos;s right handle to the next block to connect them.</p>
      </div>
    );
  }
  const outgoing = draft.edges.filter((e) => e.from === block.id);
  const incoming = draft.edges.filter((e) => e.to === block.id);
  const next = NEXT_BLOCK_TYPE[block.type];
  const candidates = draft.blocks.filter((b) => b.type === next && !outgoing.some((e) => e.to === b.id));
  const own = errors.filter((e) => e.blockId === block.id);

  return (
    <div className="grid gap-4 text-sm md:grid-cols-3 md:gap-6" data-testid="inspector">
      <div className="flex flex-col gap-2">
        <div>
          <p className="text-xs font-medium tracking-wide text-fg-muted uppercase">{BLOCK_TITLE[block.type]}</p>
          <p className="font-mono text-fg">{block.id}</p>
          <p className="text-xs text-fg-muted">{blockSummary(block)}</p>
        </div>
        {own.length > 0 ? (
          <ul className="space-y-1 text-xs text-negative">{own.map((e) => <li key={`${e.path}:${e.message}`}>{describeGraphError(e)}</li>)}</ul>
        ) : <p className="text-xs text-positive">No problems in this block.</p>}
      </div>
      <div className="flex flex-col gap-3">
        {block.type !== "data-stream" ? <EdgeList title="Fed by" edges={incoming.map((e) => e.from)} onDisconnect={(id) => run(disconnect(draft, id, block.id))} /> : null}
        {next !== null ? <EdgeList title="Feeds" edges={outgoing.map((e) => e.to)} onDisconnect={(id) => run(disconnect(draft, block.id, id))} /> : null}
        {next !== null ? (
          <div className="flex gap-2">
            <select aria-label={`Connect ${block.id} to`} className={cn(controlClasses, "h-8 min-w-0 flex-1")} value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">{candidates.length > 0 ? "Connect to…" : `No free ${next} block`}</option>
              {candidates.map((b) => <option key={b.id} value={b.id}>{b.id}</option>)}
            </select>
            <Button variant="secondary" size="sm" disabled={target === ""} onClick={() => run(connect(draft, block.id, target), () => setTarget(""))}>Connect</Button>
          </div>
        ) : null}
      </div>
      <div className="flex flex-wrap content-start gap-2 md:justify-end">
        <Button variant="secondary" size="sm" onClick={() => showInCustom(block.id)}>Edit fields</Button>
        {block.type === "asset" ? <Button variant="secondary" size="sm" onClick={() => openLatestData(block.id)}>Latest data</Button> : null}
        {block.type !== "trading-clone" ? (
          <Button variant="danger" size="sm" onClick={() => run(removeBlock(draft, block.id), () => onSelect(null))}>Remove block</Button>
        ) : null}
      </div>
    </div>
  );
}

function EdgeList({ title, edges, onDisconnect }: { title: string; edges: string[]; onDisconnect: (id: string) => void }) {
  return (
    <div>
      <p className="mb-1 text-xs text-fg-muted">{title}{edges.length === 0 ? ": nothing" : ""}</p>
      <ul className="flex flex-col gap-1">
        {edges.map((id) => (
          <li key={id} className="flex items-center justify-between gap-2">
            <code className="truncate font-mono text-xs text-fg">{id}</code>
            <Button variant="ghost" size="sm" className="h-7 px-2 text-xs" onClick={() => onDisconnect(id)} aria-label={`Disconnect ${id}`}>Disconnect</Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
