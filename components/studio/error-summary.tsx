"use client";

import { useState } from "react";
import { ErrorIcon } from "@/components/ui/icons";
import { describeGraphError, type GraphError } from "@/lib/domain/graph/validate";

const FIRST = 6;

/** Every problem of the draft in one place, each naming its block and field; a click shows the block's form. */
export function ErrorSummary({ errors, onShow }: { errors: readonly GraphError[]; onShow: (blockId: string) => void }) {
  const [all, setAll] = useState(false);
  if (errors.length === 0) return null;
  const shown = all ? errors : errors.slice(0, FIRST);
  return (
    <section aria-label="Problems in the graph" data-testid="graph-errors" className="rounded-lg border border-negative/35 bg-negative/[0.08] px-4 py-3 text-sm">
      <p className="flex items-center gap-2 font-semibold text-fg">
        <ErrorIcon className="size-5 text-negative" />
        {errors.length} {errors.length === 1 ? "problem" : "problems"} to fix before this graph can be saved
      </p>
      <ul className="mt-2 space-y-1 pl-7">
        {shown.map(({ blockId, ...e }) => (
          <li key={`${e.path}:${e.message}`} className="text-fg-muted">
            {blockId !== null ? (
              <button type="button" className="text-left hover:text-fg" onClick={() => onShow(blockId)}>{describeGraphError({ blockId, ...e })}</button>
            ) : (
              describeGraphError({ blockId, ...e })
            )}
          </li>
        ))}
      </ul>
      {errors.length > FIRST ? (
        <button type="button" className="mt-1 pl-7 text-xs text-fg underline underline-offset-2" onClick={() => setAll(!all)}>
          {all ? "Show fewer" : `Show all ${errors.length}`}
        </button>
      ) : null}
    </section>
  );
}
