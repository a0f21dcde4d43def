/**
 * The Action a clone outputs at each decision, in its canonical (already
 * validated and normalised) form. parseAction (./action.ts) turns anything a
 * model or a rule produced into this, or into a rejection with a reason.
 *
 * Sizing, defined once for every mode (AUDITION, RACE, PERSONAL, BACKTEST,
 * DRY_RUN): `sizePct` is the percent of account equity committed as MARGIN.
 *   margin   = equity × sizePct / 100
 *   notional = margin × leverage
 * So sizePct 10 at leverage 5 on 10,000 USD commits 1,000 of margin for a
 * 5,000 position. Margin is what the safety limit `maxPositionPct` caps; the
 * exposure cap that follows is maxPositionPct × maxLeverage percent of equity.
 */
import { z } from "zod";
import type { Cents } from "@/lib/domain/money";

export const ACTION_KINDS = ["open_long", "open_short", "close", "hold"] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_BOUNDS = {
  maxSizePct: 100,
  minLeverage: 1,
  // Hyperliquid's highest leverage on any perp; clones are capped lower by their limits.
  maxLeverage: 50,
  maxTrailingStopPct: 100,
  maxAssetChars: 24,
  // Enough for a real argument; a model that writes megabytes is truncated, not obeyed.
  maxReasoningChars: 4_000,
  maxInvalidationChars: 500,
} as const;

// Upper-case symbols; ":" "." "-" "_" cover HIP-3 ("XYZ:TSLA") and spot pairs.
export const ASSET_PATTERN = /^[A-Z0-9][A-Z0-9:._-]{0,23}$/;

export const actionSchema = z.strictObject({
  action: z.enum(ACTION_KINDS),
  asset: z.string().regex(ASSET_PATTERN),
  sizePct: z.number().min(0).max(ACTION_BOUNDS.maxSizePct),
  leverage: z.number().min(ACTION_BOUNDS.minLeverage).max(ACTION_BOUNDS.maxLeverage),
  stopLoss: z.number().positive().optional(),
  takeProfit: z.number().positive().optional(),
  trailingStopPct: z.number().positive().max(ACTION_BOUNDS.maxTrailingStopPct).optional(),
  invalidation: z.string().max(ACTION_BOUNDS.maxInvalidationChars).optional(),
  confidence: z.number().min(0).max(1),
  reasoning: z.string().max(ACTION_BOUNDS.maxReasoningChars),
});

export type Action = z.infer<typeof actionSchema>;
export type ActionField = keyof Action;
export const ACTION_FIELDS = Object.keys(actionSchema.shape) as ActionField[];

const KINDS = new Set<string>(ACTION_KINDS);
const FIELD_NAMES = new Set<string>(ACTION_FIELDS);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isPrice = (v: unknown) => isNumber(v) && v > 0;

/**
 * actionSchema.safeParse(candidate).data when the schema accepts the candidate, read
 * without zod: its checks over the same bounds, the present fields copied in the
 * schema's order (as zod builds its output); null for anything else, for the schema
 * to reject with its issues. A backtest parses an action at every decision, and zod
 * costs ~2 µs of it; action.test.ts holds this to the schema over random candidates.
 */
export function acceptedAction(candidate: Record<string, unknown>): Action | null {
  const { action, asset, sizePct, leverage, confidence, reasoning } = candidate;
  if (typeof action !== "string" || !KINDS.has(action) || typeof asset !== "string" || !ASSET_PATTERN.test(asset)) return null;
  if (!isNumber(sizePct) || sizePct < 0 || sizePct > ACTION_BOUNDS.maxSizePct) return null;
  if (!isNumber(leverage) || leverage < ACTION_BOUNDS.minLeverage || leverage > ACTION_BOUNDS.maxLeverage) return null;
  if (!isNumber(confidence) || confidence < 0 || confidence > 1) return null;
  if (typeof reasoning !== "string" || reasoning.length > ACTION_BOUNDS.maxReasoningChars) return null;
  const out = { action, asset, sizePct, leverage } as Action;
  let fields = 6;
  // the optional fields: absent, or well-formed (zod counts a field as given when `key in` the candidate)
  // each read once, like the required fields (a value is what one read of it gave)
  if ("stopLoss" in candidate) {
    const v = candidate.stopLoss;
    if (!isPrice(v)) return null;
    out.stopLoss = v as number;
    fields++;
  }
  if ("takeProfit" in candidate) {
    const v = candidate.takeProfit;
    if (!isPrice(v)) return null;
    out.takeProfit = v as number;
    fields++;
  }
  if ("trailingStopPct" in candidate) {
    const v = candidate.trailingStopPct;
    if (!isPrice(v) || (v as number) > ACTION_BOUNDS.maxTrailingStopPct) return null;
    out.trailingStopPct = v as number;
    fields++;
  }
  if ("invalidation" in candidate) {
    const v = candidate.invalidation;
    if (typeof v !== "string" || v.length > ACTION_BOUNDS.maxInvalidationChars) return null;
    out.invalidation = v;
    fields++;
  }
  out.confidence = confidence;
  out.reasoning = reasoning;
  // a strict object: any other key is the schema's to refuse (it lists them with for…in, as here)
  let listed = 0;
  for (const key in candidate) {
    if (!FIELD_NAMES.has(key)) return null;
    listed++;
  }
  return listed === fields ? out : null;
}

/** What each field must be, in the words a rejection reason uses. */
export const FIELD_EXPECTATIONS: Record<ActionField, string> = {
  action: `one of ${ACTION_KINDS.join(", ")}`,
  asset: `a symbol like "BTC" (letters, digits, at most ${ACTION_BOUNDS.maxAssetChars} characters)`,
  sizePct: "a number from 0 to 100 (percent of equity used as margin)",
  leverage: `a number between ${ACTION_BOUNDS.minLeverage} and ${ACTION_BOUNDS.maxLeverage}`,
  stopLoss: "a price above 0",
  takeProfit: "a price above 0",
  trailingStopPct: "a number above 0 and at most 100",
  invalidation: "text",
  confidence: "a number between 0 and 1",
  reasoning: "text",
};

/** A JSON Schema object as Anthropic's `Tool.input_schema` takes it. */
export interface ToolInputSchema {
  type: "object";
  properties: Record<string, Record<string, unknown>>;
  required: string[];
  additionalProperties: false;
  [key: string]: unknown;
}

/**
 * Written by hand rather than with z.toJSONSchema because Anthropic's strict
 * tool grammar rejects numeric and length bounds (minimum, maxLength, pattern):
 * the bounds are stated in the descriptions for the model and enforced by
 * parseAction. sizePct and leverage are required here so the model always
 * states them; parseAction still accepts a close/hold without them.
 */
export const actionToolInputSchema: ToolInputSchema = {
  type: "object",
  properties: {
    action: { type: "string", enum: [...ACTION_KINDS], description: "open_long, open_short, close the open position on this asset, or hold (no trade)." },
    asset: { type: "string", description: 'The asset symbol, e.g. "BTC".' },
    sizePct: {
      type: "number",
      description: "Percent of account equity used as margin, 0 to 100. Position notional = equity × sizePct/100 × leverage. Use 0 for close and hold.",
    },
    leverage: { type: "number", description: "Leverage from 1 to 50 (your limits may be lower). Use 1 for close and hold." },
    stopLoss: { type: "number", description: "Optional stop-loss price: below the price for a long, above it for a short." },
    takeProfit: { type: "number", description: "Optional take-profit price: above the price for a long, below it for a short." },
    trailingStopPct: { type: "number", description: "Optional trailing stop, percent from the best price since entry (above 0, at most 100)." },
    invalidation: { type: "string", description: "Optional: what would prove this trade wrong (at most 500 characters)." },
    confidence: { type: "number", description: "Your confidence from 0 to 1." },
    reasoning: { type: "string", description: "Why, in plain text (at most 4,000 characters; longer is truncated)." },
  },
  required: ["action", "asset", "sizePct", "leverage", "confidence", "reasoning"],
  additionalProperties: false,
};

/** Margin committed by an open: floored, so an action never commits more than it asked. */
export function marginCentsFor(equityCents: Cents, sizePct: number): Cents {
  return Math.floor((equityCents * sizePct) / 100);
}

export function notionalCentsFor(equityCents: Cents, sizePct: number, leverage: number): Cents {
  return Math.floor(marginCentsFor(equityCents, sizePct) * leverage);
}
