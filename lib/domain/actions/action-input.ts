/**
 * Reading a model's raw answer into a bag of the known Action fields, and
 * nothing else. Values are copied out once into an object that holds every known
 * field as its own property, so `__proto__` / `constructor` keys, getters and
 * inherited properties can never reach the rest of the pipeline or Object.prototype.
 */
import { describeValue, sanitizeText } from "./action-text";
import { ACTION_FIELDS, type ActionField } from "./action-schema";

// A model's whole answer; bounded so JSON.parse of hostile input stays cheap.
export const MAX_RAW_TEXT_CHARS = 8_000_000;

export type RawFields = Partial<Record<ActionField, unknown>>;

export type ReadResult = { ok: true; fields: RawFields; unknownKeys: string[] } | { ok: false; reason: string };

const FENCED = /^```[\w-]*[ \t]*\n?([\s\S]*?)\n?[ \t]*```$/;

/**
 * A string is accepted when it is JSON, or a single ```fenced``` JSON block.
 * JSON embedded in prose is refused rather than dug out: the first "{" in a
 * paragraph may well be an example the model was quoting, not its decision.
 */
function parseText(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (text.length > MAX_RAW_TEXT_CHARS) {
    return { ok: false, reason: `the answer is ${text.length.toLocaleString("en-US")} characters long; at most ${MAX_RAW_TEXT_CHARS.toLocaleString("en-US")} are read` };
  }
  let body = text.trim();
  const fenced = FENCED.exec(body);
  if (fenced) body = (fenced[1] ?? "").trim();
  if (body === "") return { ok: false, reason: "the answer is empty: no action was given" };
  if (!body.startsWith("{")) {
    return { ok: false, reason: `the answer is text, not a JSON action: ${describeValue(body)}` };
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false, reason: `the answer looks like JSON but does not parse: ${describeValue(body)}` };
  }
}

function listKeys(keys: string[]): string {
  const shown = keys.slice(0, 5).map((k) => JSON.stringify(sanitizeText(k.slice(0, 40))));
  return keys.length > 5 ? `${shown.join(", ")} and ${keys.length - 5} more` : shown.join(", ");
}

export function describeUnknownKeys(keys: string[]): string {
  return `ignored unknown field${keys.length === 1 ? "" : "s"} ${listKeys(keys)}`;
}

const KNOWN = new Set<string>(ACTION_FIELDS);

export function readFields(raw: unknown): ReadResult {
  let value = raw;
  if (typeof value === "string") {
    const parsed = parseText(value);
    if (!parsed.ok) return parsed;
    value = parsed.value;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, reason: `the action must be an object with action, asset, sizePct, leverage, confidence and reasoning, got ${describeValue(value)}` };
  }
  const source = value as Record<string, unknown>;
  // Every known field is an own property (undefined until copied), so no read of one
  // reaches a prototype. Written out rather than Object.create(null): a null-prototype
  // object is a hash table, ~1 µs per action at every decision of a backtest.
  const fields: Record<ActionField, unknown> = {
    action: undefined, asset: undefined, sizePct: undefined, leverage: undefined, stopLoss: undefined,
    takeProfit: undefined, trailingStopPct: undefined, invalidation: undefined, confidence: undefined, reasoning: undefined,
  };
  for (const key of ACTION_FIELDS) {
    // Own properties only: an inherited `action` (from a polluted prototype) is not the model's answer.
    if (Object.hasOwn(source, key)) fields[key] = source[key];
  }
  const unknownKeys = Object.keys(source).filter((k) => !KNOWN.has(k));
  return { ok: true, fields, unknownKeys };
}
