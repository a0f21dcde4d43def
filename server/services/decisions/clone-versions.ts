/**
 * A clone version as a decision uses it: the parsed graph, its trading-clone and
 * trading-prompt blocks, and the system prompt (stable for a version). A version's
 * graph never changes once saved, so each (cloneId, version) is parsed once per
 * process and kept; which version is newest is read by every decision, never cached.
 */
import { systemPrompt } from "@/lib/domain/decisions/prompt";
import { tradingClone, tradingPrompt } from "@/lib/domain/graph/queries";
import type { CloneGraph, TradingCloneBlock, TradingPromptBlock } from "@/lib/domain/graph/schema";
import type { Db } from "@/server/db";
import { findCloneVersion } from "@/server/repositories/clones";

export interface CloneVersionUse {
  version: number;
  graph: CloneGraph;
  /** the graph as stored (JSON text): equal texts are equal graphs, whose decisions at one T share a context packet */
  graphText: string;
  clone: TradingCloneBlock;
  prompt: TradingPromptBlock;
  system: string;
}

/** Enough for every clone a process decides for; the oldest kept are dropped first. */
const MAX_KEPT = 2_000;
const keptByDb = new WeakMap<object, Map<string, CloneVersionUse>>();

export async function cloneVersionUse(db: Db, cloneId: string, version: number): Promise<CloneVersionUse | null> {
  // a version read inside a transaction could be rolled back: only client reads are kept
  const kept = "$transaction" in db ? keptOf(db) : null;
  const key = `${cloneId}:${version}`;
  const hit = kept?.get(key);
  if (hit) return hit;
  const row = await findCloneVersion(db, cloneId, version);
  if (!row) return null;
  const graph = deepFreeze(JSON.parse(row.graph) as CloneGraph);
  const clone = tradingClone(graph);
  const prompt = tradingPrompt(graph);
  const use = { version, graph, graphText: row.graph, clone, prompt, system: systemPrompt(clone, prompt) };
  if (kept) {
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, use);
  }
  return use;
}

function keptOf(db: Db) {
  let kept = keptByDb.get(db);
  if (!kept) keptByDb.set(db, (kept = new Map()));
  return kept;
}

/** Shared by every decision of the version: a change by one would leak into the next. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
