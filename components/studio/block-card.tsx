"use client";

import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { Block } from "@/lib/domain/graph/blocks";
import { unplacedBlockErrors } from "@/lib/domain/graph/error-lookup";
import { BLOCK_ACCENT, BLOCK_TITLE, blockSummary } from "./block-meta";
import { useBuilder } from "./builder-context";

export const blockDomId = (blockId: string) => `block-${blockId}`;

/**
 * One block's form in Custom mode: a region named after the block ("Asset Block
 * asset-1"), its problem count, and at the top whatever errors no field below shows.
 */
export function BlockCard({ block, shownFields, actions, children }: { block: Block; shownFields: readonly string[]; actions?: ReactNode; children: ReactNode }) {
  const { errors } = useBuilder();
  const count = errors.filter((e) => e.blockId === block.id).length;
  const unplaced = unplacedBlockErrors(errors, block.id, shownFields);
  const id = blockDomId(block.id);
  return (
    <Card id={id} aria-labelledby={`${id}-title`} className={cn("scroll-mt-36 border-l-4", BLOCK_ACCENT[block.type])}>
      <CardHeader>
        <div className="min-w-0">
          <CardTitle id={`${id}-title`} className="flex flex-wrap items-baseline gap-x-2">
            {BLOCK_TITLE[block.type]}
            <code className="font-mono text-xs font-normal text-fg-muted">{block.id}</code>
          </CardTitle>
          <CardDescription className="mt-0.5 truncate text-xs">{blockSummary(block)}</CardDescription>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {count > 0 ? <Badge tone="negative">{count} {count === 1 ? "problem" : "problems"}</Badge> : <Badge tone="positive" dot>Valid</Badge>}
          {actions}
        </div>
      </CardHeader>
      <CardBody className="flex flex-col gap-5">
        {unplaced.length > 0 ? (
          <ul className="space-y-1 rounded-md border border-negative/35 bg-negative/[0.08] px-3 py-2 text-xs text-negative" data-testid={`block-errors-${block.id}`}>
            {unplaced.map((e) => (
              <li key={`${e.path}:${e.message}`}>{e.field ? <span className="font-mono">{e.field}: </span> : null}{e.message}</li>
            ))}
          </ul>
        ) : null}
        {children}
      </CardBody>
    </Card>
  );
}

/** A labelled row of a block's form: a heading and a responsive grid of fields. */
export function FormRow({ title, children, className }: { title?: string; children: ReactNode; className?: string }) {
  return (
    <div className="flex flex-col gap-3">
      {title ? <h3 className="text-xs font-medium tracking-wide text-fg-muted uppercase">{title}</h3> : null}
      <div className={cn("grid gap-4 sm:grid-cols-2 lg:grid-cols-3", className)}>{children}</div>
    </div>
  );
}
