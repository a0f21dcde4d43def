"use client";

import { createContext, useContext } from "react";
import type { Block } from "@/lib/domain/graph/blocks";
import type { CloneGraph } from "@/lib/domain/graph/schema";
import type { GraphError } from "@/lib/domain/graph/validate";

/** What every view of the builder reads and edits: one draft of the clone graph. */
export interface Builder {
  cloneId: string;
  draft: CloneGraph;
  /** validateGraph on the draft, plus the server's errors for exactly this draft */
  errors: readonly GraphError[];
  savedVersion: number;
  savedGraph: CloneGraph;
  /** the draft differs from the saved version */
  dirty: boolean;
  setDraft: (graph: CloneGraph) => void;
  updateBlock: (block: Block) => void;
  /** a refused edit (connect, remove, …) or a template that refuses the input: shown once, above the views */
  notify: (message: string) => void;
  openLatestData: (assetId: string) => void;
  /** switch to Custom mode and bring the block's form into view */
  showInCustom: (blockId: string) => void;
}

export const BuilderContext = createContext<Builder | null>(null);

export function useBuilder(): Builder {
  const builder = useContext(BuilderContext);
  if (!builder) throw new Error("useBuilder is used outside the clone builder");
  return builder;
}
