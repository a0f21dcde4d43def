/**
 * Validating a clone graph for people: every error names the block (by id and
 * type), the field inside it, and what is wrong in plain words.
 */
import type { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { describeBlock } from "./blocks";
import { graphErrorMap } from "./messages";
import { cloneGraphSchema, type CloneGraph } from "./schema";
import { BLOCK_TYPES, type BlockType } from "./vocabulary";

export interface GraphError {
  /** the block at fault, when the error sits inside one and it has an id */
  blockId: string | null;
  blockType: BlockType | null;
  /** the field inside the block ("risk.maxLeverage"), or in the graph when blockId is null ("edges.3.from") */
  field: string;
  /** the full dotted path in the document ("blocks.2.risk.maxLeverage"), for the raw JSON editor */
  path: string;
  message: string;
}

export type GraphValidation = { ok: true; graph: CloneGraph } | { ok: false; errors: GraphError[] };

type PathKey = PropertyKey;

function rawBlock(input: unknown, index: number): { id: string | null; type: BlockType | null } {
  const blocks = typeof input === "object" && input !== null ? (input as { blocks?: unknown }).blocks : undefined;
  const block: unknown = Array.isArray(blocks) ? blocks[index] : undefined;
  if (typeof block !== "object" || block === null) return { id: null, type: null };
  const { id, type } = block as { id?: unknown; type?: unknown };
  return {
    id: typeof id === "string" && id !== "" ? id : null,
    type: (BLOCK_TYPES as readonly unknown[]).includes(type) ? (type as BlockType) : null,
  };
}

/** The error at a path of the document `input`, with the block it sits in when there is one. */
export function toGraphError(input: unknown, path: readonly PathKey[], message: string): GraphError {
  const dotted = path.map(String).join(".");
  if (path[0] === "blocks" && typeof path[1] === "number") {
    const block = rawBlock(input, path[1]);
    return { blockId: block.id, blockType: block.type, field: path.slice(2).map(String).join("."), path: dotted, message };
  }
  return { blockId: null, blockType: null, field: dotted, path: dotted, message };
}

function toGraphErrors(input: unknown, issue: z.core.$ZodIssue): GraphError[] {
  // one error per unknown key, so an editor can point at each misspelt field
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => toGraphError(input, [...issue.path, key], `Unknown field '${key}'`));
  }
  return [toGraphError(input, issue.path, issue.message)];
}

export function validateGraph(input: unknown): GraphValidation {
  const parsed = cloneGraphSchema.safeParse(input, { error: graphErrorMap(input) });
  if (parsed.success) return { ok: true, graph: parsed.data };
  const seen = new Set<string>();
  const errors = parsed.error.issues
    .flatMap((issue) => toGraphErrors(input, issue))
    .filter((e) => {
      const key = `${e.path}\u0000${e.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
  return { ok: false, errors };
}

/** One line: "trading-prompt block 'prompt-1', risk.maxLeverage: Max leverage must be at most 50". */
export function describeGraphError(e: GraphError): string {
  const index = /^blocks\.(\d+)/.exec(e.path)?.[1];
  const where =
    e.blockId === null && index !== undefined
      ? `${describeBlock(null, e.blockType)} #${index}`
      : e.blockId !== null || e.blockType !== null
        ? describeBlock(e.blockId, e.blockType)
        : "graph";
  return e.field === "" ? `${where}: ${e.message}` : `${where}, ${e.field}: ${e.message}`;
}

export function formatGraphErrors(errors: readonly GraphError[]): string {
  return errors.map(describeGraphError).join("\n");
}

/** The DomainError services throw for an invalid graph; it carries every error, not just the first. */
export class GraphValidationError extends DomainError {
  constructor(public readonly errors: readonly GraphError[]) {
    super("VALIDATION_FAILED", formatGraphErrors(errors), errors[0]?.path);
    this.name = "GraphValidationError";
  }
}

export function assertValidGraph(input: unknown): CloneGraph {
  const result = validateGraph(input);
  if (!result.ok) throw new GraphValidationError(result.errors);
  return result.graph;
}
