/**
 * From argv to validated `npm run decide` arguments, through the parsing shared by
 * the clone CLIs (../../cli/clone-target-args.ts): anything wrong becomes one line
 * naming the option.
 */
import { z } from "zod";
import { parseIsoTime } from "@/lib/iso-time";
import { cloneTargetFields, cloneTargetOptions, parseCloneTargetArgs, type CloneTarget } from "../../cli/clone-target-args";
import { ArgumentError } from "./context";

export interface DecideArgs {
  target: CloneTarget;
  asset: string;
  /** the decision time T in ms; undefined: the last completed minute */
  at?: number;
  json: boolean;
}

const OPTIONS = cloneTargetOptions({ at: { type: "string" } });

const schema = z
  .object({
    ...cloneTargetFields,
    at: z
      .string()
      .transform((value, ctx) => {
        const ms = parseIsoTime(value);
        if (ms === null) ctx.addIssue({ code: "custom", message: `"${value}" is not an ISO date-time (e.g. 2026-07-01T10:30:00Z)` });
        return ms ?? z.NEVER;
      })
      .optional(),
  })
  .strict();

/** The arguments, `help`, or an ArgumentError whose message is the one line to print. */
export function parseDecideArgs(argv: readonly string[]): DecideArgs | "help" | ArgumentError {
  const parsed = parseCloneTargetArgs(argv, OPTIONS, schema);
  if (parsed === "help" || parsed instanceof ArgumentError) return parsed;
  const { values: a, target } = parsed;
  return { target, asset: a.asset, ...(a.at !== undefined && { at: a.at }), json: a.json };
}
