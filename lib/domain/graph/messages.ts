/**
 * Plain-words messages for zod's built-in issues ("Max leverage must be at most
 * 50"), so a person sees the field's name rather than "Too big: expected number
 * to be <=50". Messages written by the graph's own rules pass through untouched.
 */
import type { z } from "zod";

type PathKey = PropertyKey;

const LABELS: Readonly<Record<string, string>> = {
  id: "Block id",
  type: "Block type",
  source: "Source",
  dataset: "Dataset",
  include: "Include",
  lookback: "Lookback",
  "lookback.amount": "Lookback amount",
  "lookback.unit": "Lookback unit",
  granularity: "Granularity",
  datapoints: "Datapoints",
  "datapoints[]": "Datapoint",
  retrievalDepth: "Retrieval depth",
  indicators: "Indicators",
  "indicators[]": "Indicator",
  "indicators[].kind": "Indicator",
  "indicators[].period": "Indicator period",
  "indicators[].stdDev": "Bollinger standard deviations",
  "indicators[].fast": "MACD fast period",
  "indicators[].slow": "MACD slow period",
  "indicators[].signal": "MACD signal period",
  market: "Market",
  series: "Series",
  symbol: "Symbol",
  venue: "Venue",
  enabled: "Enabled",
  streams: "Streams",
  "streams[]": "Stream id",
  prompt: "Prompt",
  "trading-clone:prompt": "Prompt block id",
  strategy: "Strategy",
  params: "Strategy parameters",
  "params.fastEma": "Fast EMA period",
  "params.slowEma": "Slow EMA period",
  "params.period": "Mean-reversion period",
  "params.entryZ": "Entry z-score",
  "params.exitZ": "Exit z-score",
  "params.lookback": "Volume lookback",
  "params.multiple": "Volume multiple",
  "params.threshold": "Funding threshold",
  cadence: "Cadence",
  risk: "Risk",
  "risk.maxPositionPct": "Max position size",
  "risk.maxLeverage": "Max leverage",
  "risk.stopLossPct": "Stop-loss",
  "risk.takeProfitPct": "Take-profit",
  "risk.trailingStopPct": "Trailing stop",
  "risk.maxDailyLossPct": "Max daily loss",
  allowedActions: "Allowed actions",
  "allowedActions[]": "Action",
  assets: "Assets",
  "assets[]": "Asset id",
  name: "Name",
  tagline: "Tagline",
  avatar: "Avatar",
  provider: "Provider",
  model: "Model",
  temperature: "Temperature",
  version: "Version",
  mode: "Mode",
  blocks: "Blocks",
  "blocks[]": "Block",
  edges: "Edges",
  "edges[]": "Edge",
  "edges[].from": "Edge start",
  "edges[].to": "Edge end",
  layout: "Layout",
  "layout{}": "Position",
  "layout{}.x": "Position x",
  "layout{}.y": "Position y",
};

/** "risk.maxLeverage", "indicators[].period", "layout{}.x": a path with its varying parts blanked out. */
function labelKey(path: readonly PathKey[]): string {
  const blockLevel = path[0] === "blocks" && typeof path[1] === "number" && path.length > 2;
  const rest = blockLevel ? path.slice(2) : path;
  let key = "";
  rest.forEach((p, i) => {
    if (typeof p === "number") key += "[]";
    else if (i === 1 && rest[0] === "layout") key += "{}";
    else key += (key === "" ? "" : ".") + String(p);
  });
  return key;
}

function humanize(key: PathKey | undefined): string {
  const words = String(key ?? "value").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function blockTypeAt(input: unknown, index: PathKey | undefined): string | null {
  if (typeof index !== "number" || typeof input !== "object" || input === null) return null;
  const blocks = (input as { blocks?: unknown }).blocks;
  const block: unknown = Array.isArray(blocks) ? blocks[index] : undefined;
  const type = typeof block === "object" && block !== null ? (block as { type?: unknown }).type : undefined;
  return typeof type === "string" ? type : null;
}

export function fieldLabel(path: readonly PathKey[], root?: unknown): string {
  if (path.length === 0) return "The graph";
  const key = labelKey(path);
  const blockType = path[0] === "blocks" ? blockTypeAt(root, path[1]) : null;
  return LABELS[`${blockType}:${key}`] ?? LABELS[key] ?? humanize([...path].reverse().find((p) => typeof p === "string"));
}

const unitOf = (path: readonly PathKey[]) => (String(path[path.length - 1]).endsWith("Pct") ? "%" : "");

const list = (values: readonly unknown[]) => values.map((v) => String(v)).join(", ");

const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: "a number",
  int: "a whole number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  record: "an object",
};

function sizeMessage(label: string, unit: string, issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== "too_big" && issue.code !== "too_small") return undefined;
  const big = issue.code === "too_big";
  const bound = String(big ? issue.maximum : issue.minimum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case "string":
      if (!big && bound === "1") return `${label} cannot be empty`;
      return `${label} must be ${big ? "at most" : "at least"} ${bound} characters`;
    case "array":
    case "set":
      if (!big && bound === "1") return `${label} needs at least one entry`;
      return big ? `${label} can have at most ${bound} entries` : `${label} needs at least ${bound} entries`;
    default: {
      const relation = big ? (inclusive ? "at most" : "below") : inclusive ? "at least" : "above";
      return `${label} must be ${relation} ${bound}${unit}`;
    }
  }
}

/** A per-parse error map bound to the document being parsed, so labels can depend on a block's type. */
export function graphErrorMap(root: unknown): z.core.$ZodErrorMap {
  return (issue) => {
    const path = issue.path ?? [];
    const label = fieldLabel(path, root);
    switch (issue.code) {
      case "invalid_type":
        if (issue.input === undefined) return `${label} is required`;
        return `${label} must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
      case "too_big":
      case "too_small":
        return sizeMessage(label, unitOf(path), issue);
      case "invalid_value":
        if (issue.input === undefined) return `${label} is required`;
        return issue.values.length === 1
          ? `${label} must be ${String(issue.values[0])}`
          : `${label} must be one of ${list(issue.values)}`;
      case "invalid_union": {
        const options = (issue as { options?: unknown }).options;
        if (!Array.isArray(options)) return `${label} is not valid`;
        const got = typeof issue.input === "object" && issue.input !== null ? (issue.input as Record<string, unknown>)[String(path[path.length - 1])] : undefined;
        const given = got === undefined ? " (none given)" : ` (got '${String(got)}')`;
        return `${label} must be one of ${list(options)}${given}`;
      }
      case "unrecognized_keys":
        return `Unknown field${issue.keys.length === 1 ? "" : "s"} ${issue.keys.map((k) => `'${k}'`).join(", ")}`;
      case "invalid_format":
        return `${label} has the wrong format`;
      case "invalid_key":
        return `${label} has an invalid key`;
      default:
        return undefined;
    }
  };
}
