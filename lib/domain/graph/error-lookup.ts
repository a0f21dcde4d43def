/**
 * Finding a graph's errors where the Studio shows them: next to a block's field,
 * at the top of a block for what no field shows, or above the whole graph. Errors
 * come from validateGraph on the draft, or from the server's fieldErrors
 * ("graph.blocks.2.risk.maxLeverage"), read back against the draft that was sent.
 */
import { toGraphError, type GraphError } from "./validate";

const GRAPH_KEY = "graph";

const pathKeys = (dotted: string): (string | number)[] =>
  dotted === "" ? [] : dotted.split(".").map((k) => (/^\d+$/.test(k) ? Number(k) : k));

/** The graph's errors among a tRPC error's fieldErrors; other keys ("expectedVersion") are not the graph's. */
export function errorsFromFieldErrors(fieldErrors: Readonly<Record<string, readonly string[]>>, sent: unknown): GraphError[] {
  return Object.entries(fieldErrors).flatMap(([key, messages]) => {
    if (key !== GRAPH_KEY && !key.startsWith(`${GRAPH_KEY}.`)) return [];
    const path = pathKeys(key.slice(GRAPH_KEY.length + 1));
    return messages.map((message) => toGraphError(sent, path, message));
  });
}

/** `field` itself, or anything inside it ("lookback" holds "lookback.amount"); `exact` for the field alone. */
export function isAt(error: GraphError, field: string, exact = false): boolean {
  return error.field === field || (!exact && error.field.startsWith(`${field}.`));
}

/** The messages a block's field shows beside it. */
export function fieldMessages(errors: readonly GraphError[], blockId: string, field: string, exact = false): string[] {
  return errors.filter((e) => e.blockId === blockId && isAt(e, field, exact)).map((e) => e.message);
}

/** A block's errors that none of the fields its form shows will display: shown at the top of the block. */
export function unplacedBlockErrors(errors: readonly GraphError[], blockId: string, shownFields: readonly string[]): GraphError[] {
  return errors.filter((e) => e.blockId === blockId && !shownFields.some((f) => e.field !== "" && isAt(e, f)));
}

/** Errors in no block with an id: edges, layout, the block list, or a block whose id itself is broken. */
export const graphLevelErrors = (errors: readonly GraphError[]): GraphError[] => errors.filter((e) => e.blockId === null);

/** Validation and server errors together, each (path, message) once. */
export function mergeErrors(...lists: readonly (readonly GraphError[])[]): GraphError[] {
  const seen = new Set<string>();
  return lists.flat().filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
