/**
 * Argument parsing shared by the CLIs that act on one clone (`npm run decide`,
 * `npm run backtest`): node:util's parseArgs (strict) splits the options, zod
 * checks their values, and anything wrong becomes one line naming the option, so
 * an operator fixes it without reading a trace.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { TEMPLATE_IDS, type TemplateId } from "@/lib/domain/graph/templates";

export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArgumentError";
  }
}

export type CloneTarget = { kind: "clone"; cloneId: string } | { kind: "template"; templateId: TemplateId };

const missing = (iss: { input: unknown }) => (iss.input === undefined ? "is required" : undefined);
export const requiredText = () => z.string({ error: missing }).trim().min(1, { error: "must not be empty" });
export const requiredString = () => z.string({ error: missing });

type Options = Record<string, { type: "string" | "boolean"; short?: string }>;

/** The options every clone CLI has, with its own between --asset and --json (the order usage lists them in). */
export function cloneTargetOptions<E extends Options>(own: E) {
  return {
    clone: { type: "string" },
    template: { type: "string" },
    asset: { type: "string" },
    ...own,
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  } as const;
}

export const cloneTargetFields = {
  clone: requiredText().optional(),
  template: z.enum(TEMPLATE_IDS, { error: (iss) => `"${String(iss.input)}" is not a template (templates: ${TEMPLATE_IDS.join(", ")})` }).optional(),
  asset: requiredText(),
  json: z.boolean().default(false),
};

/** The checked values and the clone they name, `help`, or an ArgumentError whose message is the one line to print. */
export function parseCloneTargetArgs<S extends z.ZodType<{ clone?: string; template?: TemplateId }>>(
  argv: readonly string[],
  options: Options,
  schema: S,
): { values: z.output<S>; target: CloneTarget } | "help" | ArgumentError {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    return new ArgumentError(describeParseError(e, options));
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
  return { values: a, target: a.template ? { kind: "template", templateId: a.template } : { kind: "clone", cloneId: a.clone! } };
}

/** parseArgs' messages are long and suggest `--`; name the option and say what is wrong instead. */
function describeParseError(e: unknown, options: Options): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? "";
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `${option} is not an option (options: ${Object.keys(options).map((o) => `--${o}`).join(", ")})`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return message.includes("argument missing") ? `${option} needs a value` : `${option} takes no value`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ""} (every value follows its --option)`;
    default:
      return message;
  }
}
