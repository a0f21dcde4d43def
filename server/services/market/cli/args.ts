/**
 * From argv to a validated command: node:util's parseArgs (strict) splits the
 * options of the named command, zod checks their values. Anything wrong becomes
 * one line naming the option, so an operator fixes it without reading a trace.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { z } from "zod";
import { ArgumentError } from "./context";
import { backfillSchema, importSchema, retrySchema, showSchema, type BackfillArgs, type ImportArgs, type RetryArgs, type ShowArgs } from "./schemas";

export type Command =
  | { name: "help" }
  | { name: "backfill"; args: BackfillArgs }
  | { name: "retry"; args: RetryArgs }
  | { name: "show"; args: ShowArgs }
  | { name: "import"; args: ImportArgs };

type Options = NonNullable<ParseArgsConfig["options"]>;
const value = { type: "string" } as const;
const help = { help: { type: "boolean", short: "h" } } as const;

const COMMANDS = {
  backfill: { options: { source: value, asset: value, interval: value, from: value, to: value }, schema: backfillSchema },
  retry: { options: { channel: value }, schema: retrySchema },
  show: { options: { asset: value, interval: value, from: value, to: value, json: { type: "boolean" }, venue: value }, schema: showSchema },
  import: { options: { file: value, time: value, "token-id": value, source: value }, schema: importSchema },
} satisfies Record<string, { options: Options; schema: z.ZodType }>;
type CommandName = keyof typeof COMMANDS;

const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);
const flag = (key: PropertyKey) => `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
const camel = (name: string) => name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/** The command to run, `help`, or an ArgumentError whose message is the one line to print. */
export function parseCommand(argv: readonly string[]): Command | ArgumentError {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") return { name: "help" };
  if (!isCommand(name)) {
    const what = name.startsWith("-") ? `expected a command before ${name}` : `unknown command "${name}"`;
    return new ArgumentError(`${what} (commands: ${[...Object.keys(COMMANDS), "help"].join(", ")})`);
  }
  const spec = COMMANDS[name];
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: [...rest], options: { ...spec.options, ...help }, strict: true, allowPositionals: false }).values;
  } catch (e) {
    return new ArgumentError(`${name}: ${describeParseError(e, spec.options)}`);
  }
  if (values.help) return { name: "help" };
  const input = Object.fromEntries(Object.entries(values).filter(([k]) => k !== "help").map(([k, v]) => [camel(k), v]));
  const parsed = spec.schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path[0];
    return new ArgumentError(`${name}: ${key === undefined ? "" : `${flag(key)} `}${issue?.message ?? "invalid arguments"}`);
  }
  return { name, args: parsed.data } as Command;
}

/** parseArgs' messages are long and suggest `--`; name the option and say what is wrong instead. */
function describeParseError(e: unknown, options: Options): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? "";
  const known = Object.keys(options).map((o) => `--${o}`).join(", ");
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `${option} is not an option here (options: ${known})`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return message.includes("argument missing") ? `${option} needs a value` : `${option} takes no value`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ""} (every value follows its --option)`;
    default:
      return message;
  }
}
