"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { addBlock } from "@/lib/domain/graph/editing";
import { BLOCK_TITLE } from "./block-meta";
import { useBuilder } from "./builder-context";
import { GraphCanvas, type CanvasSelection } from "./graph-canvas";
import { JsonEditor } from "./json-editor";
import { PowerInspector } from "./power-inspector";

const ADDABLE = ["data-stream", "asset", "trading-prompt"] as const;

/** Power User mode: the graph as a canvas of blocks and edges, and as raw JSON. */
export function PowerView() {
  const { draft, setDraft, notify } = useBuilder();
  const [selection, setSelection] = useState<CanvasSelection>(null);

  function add(type: (typeof ADDABLE)[number]) {
    const r = addBlock(draft, type);
    if (!r.ok) return notify(r.reason);
    setDraft(r.graph);
    setSelection({ kind: "block", id: r.blockId });
  }

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <div>
            <CardTitle>Graph</CardTitle>
            <CardDescription>Data flows left to right. Select a block or edge and press Delete to remove it.</CardDescription>
          </div>
          <div className="flex flex-wrap gap-2">
            {ADDABLE.map((type) => (
              <Button key={type} variant="secondary" size="sm" onClick={() => add(type)}>+ {BLOCK_TITLE[type].replace(" Block", "")}</Button>
            ))}
          </div>
        </CardHeader>
        <div className="h-[24rem] border-b border-line sm:h-[30rem]" data-testid="graph-canvas">
          <GraphCanvas selection={selection} onSelect={setSelection} />
        </div>
        <aside aria-label="Selection" className="p-4 sm:px-5">
          <PowerInspector selection={selection} onSelect={setSelection} />
        </aside>
      </Card>
      <JsonEditor />
    </div>
  );
}
