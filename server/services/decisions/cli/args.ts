/**
 * From argv to validated arguments: node:util's parseArgs (strict) splits the
 * options, zod checks their values. Anything wrong becomes one line naming the
 * option, so an operator fixes it without reading a trace.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { TEMPLATE_IDS, type TemplateId } from "@/lib/domain/graph/templates";
import { ArgumentError } from "./context";
import { parseIsoTime } from "@/lib/iso-time";

export interface DecideArgs {
  target: { kind: "clone"; cloneId: string } | { kind: "template"; templateId: TemplateId };
  asset: string;
  /** the decision time T in ms; undefined: the last completed minute */
  at?: number;
  json: boolean;
}

const OPTIONS = {
  clone: { type: "string" },
  template: { type: "string" },
  asset: { type: "string" },
  at: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

const missing = (iss: { input: unknown }) => (iss.input === undefined ? "is required" : undefined);
const text = () => z.string({ error: missing }).trim().min(1, { error: "must not be empty" });

const schema = z
  .object({
    clone: text().optional(),
    template: z.enum(TEMPLATE_IDS, { error: (iss) => `"${String(iss.input)}" is not a template (templates: ${TEMPLATE_IDS.join(", ")})` }).optional(),
    asset: text(),
    at: z
      .string()
      .transform((value, ctx) => {
        const ms = parseIsoTime(value);
        if (ms === null) ctx.addIssue({ code: "custom", message: `"${value}" is not an ISO date-time (e.g. 2026-07-01T10:30:00Z)` });
        return ms ?? z.NEVER;
      })
      .optional(),
    json: z.boolean().default(false),
  })
  .strict();

/** The arguments, `help`, or an ArgumentError whose message is the one line to print. */
export function parseDecideArgs(argv: readonly string[]): DecideArgs | "help" | ArgumentError {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (e) {
    return new ArgumentError(describeParseError(e));
  }
  if (values.help) return "help";
  // the choice of clone comes first: without it no other argument means anything
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
    asset: a.asset,
    ...(a.at !== undefined && { at: a.at }),
    json: a.json,
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
