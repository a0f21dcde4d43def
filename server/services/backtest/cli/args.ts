/**
 * `npm run backtest` arguments: node:util's parseArgs (strict) splits them, zod
 * checks their values, and anything wrong is one line naming the option.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { TEMPLATE_IDS, type TemplateId } from "@/lib/domain/graph/templates";
import { parseIsoTime } from "@/lib/iso-time";

export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArgumentError";
  }
}

export interface BacktestArgs {
  target: { kind: "clone"; cloneId: string } | { kind: "template"; templateId: TemplateId };
  asset: string;
  from: number;
  to: number;
  json: boolean;
}

export const OPTIONS = {
  clone: { type: "string" },
  template: { type: "string" },
  asset: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

const missing = (iss: { input: unknown }) => (iss.input === undefined ? "is required" : undefined);
const text = () => z.string({ error: missing }).trim().min(1, { error: "must not be empty" });
const isoTime = () =>
  z.string({ error: missing }).transform((value, ctx) => {
    const ms = parseIsoTime(value);
    if (ms === null) ctx.addIssue({ code: "custom", message: `"${value}" is not an ISO date or date-time (e.g. 2026-03-01 or 2026-03-01T12:00:00Z)` });
    return ms ?? z.NEVER;
  });

const schema = z
  .object({
    clone: text().optional(),
    template: z.enum(TEMPLATE_IDS, { error: (iss) => `"${String(iss.input)}" is not a template (templates: ${TEMPLATE_IDS.join(", ")})` }).optional(),
    asset: text(),
    from: isoTime(),
    to: isoTime(),
    json: z.boolean().default(false),
  })
  .strict();

/** The arguments, `help`, or an ArgumentError whose message is the one line to print. */
export function parseBacktestArgs(argv: readonly string[]): BacktestArgs | "help" | ArgumentError {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (e) {
    return new ArgumentError(describeParseError(e));
  }
  if (values.help) return "help";
  if ((values.clone === undefined) === (values.template === undefined)) {
    return new ArgumentError(`give exactly one of --clone ID or --template ID (${values.clone === undefined ? "neither was" : "both were"} given)`);
  }
  const { help: _help, ...input } = values;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path[0];
    return new ArgumentError(`${key === undefined ? "" : `--${String(key)} `}${issue?.message ?? "invalid arguments"}`);
  }
  const a = parsed.data;
  return {
    target: a.template ? { kind: "template", templateId: a.template } : { kind: "clone", cloneId: a.clone! },
    asset: a.asset, from: a.from, to: a.to, json: a.json,
  };
}

/** parseArgs' messages are long and suggest `--`; name the option and say what is wrong instead. */
function describeParseError(e: unknown): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? "";
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `${option} is not an option (options: ${Object.keys(OPTIONS).map((o) => `--${o}`).join(", ")})`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return message.includes("argument missing") ? `${option} needs a value` : `${option} takes no value`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ""} (every value follows its --option)`;
    default:
      return message;
  }
}
