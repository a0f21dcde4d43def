"use client";

import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { cn } from "@/components/ui/cn";
import type { Block } from "@/lib/domain/graph/blocks";
import { BLOCK_ACCENT, BLOCK_TITLE, blockSummary } from "./block-meta";

export type BlockNodeData = { block: Block; problems: number; onLatestData: (() => void) | null };
export type BlockNodeType = Node<BlockNodeData, "block">;

export const NODE_WIDTH = 240;

const handle = "size-3! border-2! border-surface! bg-fg-muted! hover:bg-accent!";

/** A block on the canvas: inputs on the left, output on the right, in the chain's direction. */
export function BlockNode({ data, selected }: NodeProps<BlockNodeType>) {
  const { block, problems, onLatestData } = data;
  return (
    <div
      data-testid={`node-${block.id}`}
      style={{ width: NODE_WIDTH }}
      className={cn(
        "rounded-lg border border-l-4 bg-surface-2 px-3 py-2.5 text-left shadow-lg shadow-black/40",
        selected ? "border-accent ring-2 ring-accent/30" : "border-line-strong",
        BLOCK_ACCENT[block.type],
      )}
    >
      {block.type !== "data-stream" ? <Handle type="target" position={Position.Left} className={handle} /> : null}
      <p className="truncate text-[11px] font-medium tracking-wide text-fg-muted uppercase">{BLOCK_TITLE[block.type]}</p>
      <p className="mt-0.5 font-mono text-sm text-fg">{block.id}</p>
      <p className="mt-0.5 truncate text-xs text-fg-muted" title={blockSummary(block)}>{blockSummary(block)}</p>
      {problems > 0 || onLatestData ? (
        <div className="mt-2 flex items-center justify-between gap-2">
          {problems > 0 ? <span className="text-xs font-medium text-negative">{problems} {problems === 1 ? "problem" : "problems"}</span> : <span />}
          {onLatestData ? (
            <button type="button" onClick={onLatestData} className="nodrag rounded border border-line-strong px-2 py-0.5 text-xs text-fg-muted hover:border-fg-subtle hover:text-fg">
              Latest data
            </button>
          ) : null}
        </div>
      ) : null}
      {block.type !== "trading-clone" ? <Handle type="source" position={Position.Right} className={handle} /> : null}
    </div>
  );
}
