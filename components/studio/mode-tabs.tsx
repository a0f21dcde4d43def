"use client";

import type { KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { GRAPH_MODES, type GraphMode } from "@/lib/domain/graph/vocabulary";

export const MODE_LABEL: Readonly<Record<GraphMode, string>> = { basic: "Basic", custom: "Custom", power: "Power User" };
export const tabId = (mode: GraphMode) => `mode-tab-${mode}`;
export const panelId = (mode: GraphMode) => `mode-panel-${mode}`;

/** The three views as ARIA tabs; arrow keys move between them. */
export function ModeTabs({ mode, onChange }: { mode: GraphMode; onChange: (m: GraphMode) => void }) {
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = GRAPH_MODES[(GRAPH_MODES.indexOf(mode) + step + GRAPH_MODES.length) % GRAPH_MODES.length] ?? mode;
    onChange(next);
    document.getElementById(tabId(next))?.focus();
  }
  return (
    <div role="tablist" aria-label="Builder mode" onKeyDown={onKeyDown} className="inline-flex rounded-lg border border-line bg-surface p-1">
      {GRAPH_MODES.map((m) => (
        <button
          key={m}
          id={tabId(m)}
          type="button"
          role="tab"
          aria-selected={m === mode}
          aria-controls={panelId(m)}
          tabIndex={m === mode ? 0 : -1}
          onClick={() => onChange(m)}
          className={cn(
            "h-8 rounded-md px-3 text-sm font-medium whitespace-nowrap transition-colors sm:px-4",
            m === mode ? "bg-surface-3 text-fg shadow-[inset_0_0_0_1px_var(--color-line-strong)]" : "text-fg-muted hover:text-fg",
          )}
        >
          {MODE_LABEL[m]}
        </button>
      ))}
    </div>
  );
}
