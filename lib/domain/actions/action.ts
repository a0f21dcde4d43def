/**
 * The one door from a model's answer to an Action. Malformed or hostile output
 * is a recorded rejection with a reason naming the field, never an exception
 * that stops a race: parseAction does not throw, whatever it is given.
 *
 * Decisions (see also ./action-schema.ts for what sizePct means):
 * - A string answer is accepted when it is JSON or one ```fenced``` JSON block;
 *   prose is rejected, even if it contains JSON.
 * - Unknown fields are ignored (listed in warnings), never copied anywhere.
 * - Numbers may arrive as plain decimal strings ("5", "0.7"); "ten", "5%",
 *   "0x10", NaN, ±Infinity are rejected; -0 becomes 0. null means "not given".
 * - Reasoning longer than 4,000 characters is truncated with a note, not
 *   rejected: the decision itself may be sound, and the full answer is kept in
 *   the decision run's raw model response. Invalidation is capped at 500.
 * - close and hold carry no size: sizePct and leverage may be omitted and are
 *   normalised to 0 and 1; the exit-plan fields are dropped (a close closes the
 *   whole position; a hold changes nothing). Values that are present must
 *   still be well-formed: garbage anywhere marks the answer as broken.
 */
import { describeUnknownKeys, readFields, type RawFields } from "./action-input";
import { acceptedAction, actionSchema, ACTION_BOUNDS, FIELD_EXPECTATIONS, type Action, type ActionField } from "./action-schema";
import { capText, describeValue, sanitizeText } from "./action-text";

export * from "./action-schema";
export { sanitizeText } from "./action-text";

export type ParseActionResult = { ok: true; action: Action; warnings: string[] } | { ok: false; reason: string };

const NUMERIC_FIELDS = ["sizePct", "leverage", "stopLoss", "takeProfit", "trailingStopPct", "confidence"] as const;
const EXIT_PLAN_FIELDS = ["stopLoss", "takeProfit", "trailingStopPct", "invalidation"] as const;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function toNumber(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value === "string" && value.length <= 40 && DECIMAL.test(value.trim())) return toNumber(Number(value.trim()));
  if (typeof value === "number" && Object.is(value, -0)) return 0;
  return value;
}

function toText(value: unknown, maxChars: number, field: ActionField, warnings: string[]): unknown {
  if (value === null) return undefined;
  if (typeof value !== "string") return value;
  const capped = capText(value, maxChars);
  if (capped.truncated) warnings.push(`${field} was truncated to ${maxChars.toLocaleString("en-US")} characters`);
  return capped.text;
}

function normalise(fields: RawFields, warnings: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const { action, asset } = fields;
  if (action !== undefined) out.action = typeof action === "string" ? action.trim().toLowerCase() : action;
  if (asset !== undefined) out.asset = typeof asset === "string" ? asset.trim().toUpperCase() : asset;
  for (const key of NUMERIC_FIELDS) {
    const n = toNumber(fields[key]);
    if (n !== undefined) out[key] = n;
  }
  const invalidation = toText(fields.invalidation, ACTION_BOUNDS.maxInvalidationChars, "invalidation", warnings);
  if (invalidation !== undefined) out.invalidation = invalidation;
  const reasoning = toText(fields.reasoning, ACTION_BOUNDS.maxReasoningChars, "reasoning", warnings);
  if (reasoning !== undefined) out.reasoning = reasoning;
  if (out.action === "close" || out.action === "hold") {
    out.sizePct ??= 0;
    out.leverage ??= 1;
  }
  return out;
}

function reasonFor(field: ActionField, original: unknown): string {
  const expected = FIELD_EXPECTATIONS[field];
  if (original === undefined || original === null) return `${field} is missing: it must be ${expected}`;
  return `${field} must be ${expected}, got ${describeValue(original)}`;
}

/** close and hold carry no size and no exit plan; say so instead of silently dropping. */
function stripSizeless(action: Action, warnings: string[]): Action {
  if (action.action !== "close" && action.action !== "hold") return action;
  const out: Action = { ...action, sizePct: 0, leverage: 1 };
  if (action.sizePct !== 0 || action.leverage !== 1) warnings.push(`sizePct and leverage are ignored for ${action.action}`);
  // most holds carry no exit plan: no list is made for them (a backtest parses one per decision)
  if (EXIT_PLAN_FIELDS.every((k) => action[k] === undefined)) return out;
  const dropped = EXIT_PLAN_FIELDS.filter((k) => action[k] !== undefined);
  for (const k of dropped) delete out[k];
  warnings.push(`${dropped.join(", ")} ignored for ${action.action}`);
  return out;
}

/**
 * The answer when it is an Action already, as the full path would return it: a plain
 * object of Action fields only, each as normalise leaves it, with nothing to warn about
 * (a rules strategy's answer, at every decision of a backtest). acceptedAction's copy of
 * it, without reading it into fields and copying it twice more; null for anything else,
 * which takes the full path. The outcome is the same either way.
 */
function canonicalAction(raw: unknown): Action | null {
  if (typeof raw !== "object" || raw === null || Object.getPrototypeOf(raw) !== Object.prototype) return null;
  const source = raw as Record<string, unknown>;
  // own keys only: for...in (acceptedAction's strictness) also lists a polluted prototype's, which readFields ignores
  for (const key in source) if (!Object.hasOwn(source, key)) return null;
  const action = acceptedAction(source);
  if (!action) return null;
  // normalise writes -0 as 0 (sizePct and confidence may be 0; the other numbers are positive)
  if (Object.is(action.sizePct, -0) || Object.is(action.confidence, -0)) return null;
  // text capText would change (within the caps, which acceptedAction checked, it only sanitises)
  if (sanitizeText(action.reasoning) !== action.reasoning) return null;
  if (action.invalidation !== undefined && sanitizeText(action.invalidation) !== action.invalidation) return null;
  // a close or hold is stripSizeless's answer when it carries no size and no exit plan
  if (action.action === "close" || action.action === "hold") {
    if (action.sizePct !== 0 || action.leverage !== 1) return null;
    if (action.stopLoss !== undefined || action.takeProfit !== undefined || action.trailingStopPct !== undefined || action.invalidation !== undefined) return null;
  }
  return action;
}

function parseUnsafe(raw: unknown): ParseActionResult {
  const canonical = canonicalAction(raw);
  if (canonical) return { ok: true, action: canonical, warnings: [] };
  const read = readFields(raw);
  if (!read.ok) return read;
  const warnings: string[] = [];
  if (read.unknownKeys.length > 0) warnings.push(describeUnknownKeys(read.unknownKeys));
  const candidate = normalise(read.fields, warnings);
  const accepted = acceptedAction(candidate);
  if (accepted) return { ok: true, action: stripSizeless(accepted, warnings), warnings };
  const parsed = actionSchema.safeParse(candidate);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    if (typeof field === "string" && field in FIELD_EXPECTATIONS) {
      const key = field as ActionField;
      return { ok: false, reason: reasonFor(key, read.fields[key]) };
    }
    return { ok: false, reason: "the action does not match the expected shape" };
  }
  return { ok: true, action: stripSizeless(parsed.data, warnings), warnings };
}

export function parseAction(raw: unknown): ParseActionResult {
  try {
    return parseUnsafe(raw);
  } catch {
    // Only reachable through exotic input (a Proxy whose traps throw, a
    // getter that throws, JSON nested deeper than the stack). The error itself
    // is not described: reading it could throw again.
    return { ok: false, reason: "the action could not be read: reading it raised an error" };
  }
}
