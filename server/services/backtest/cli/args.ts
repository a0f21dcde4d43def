/**
 * `npm run backtest` arguments: node:util's parseArgs (strict) splits them, zod
 * checks their values, and anything wrong is one line naming the option.
 */
import { z } from "zod";
import { parseIsoTime } from "@/lib/iso-time";
import { ArgumentError, cloneTargetFields, cloneTargetOptions, parseCloneTargetArgs, requiredString, type CloneTarget } from "../../cli/clone-target-args";

export { ArgumentError };

export interface BacktestArgs {
  target: CloneTarget;
  asset: string;
  from: number;
  to: number;
  json: boolean;
}

export const OPTIONS = cloneTargetOptions({ from: { type: "string" }, to: { type: "string" } });

const isoTime = () =>
  requiredString().transform((value, ctx) => {
    const ms = parseIsoTime(value);
    if (ms === null) ctx.addIssue({ code: "custom", message: `"${value}" is not an ISO date or date-time (e.g. 2026-03-01 or 2026-03-01T12:00:00Z)` });
    return ms ?? z.NEVER;
  });

const schema = z.object({ ...cloneTargetFields, from: isoTime(), to: isoTime() }).strict();

/** The arguments, `help`, or an ArgumentError whose message is the one line to print. */
export function parseBacktestArgs(argv: readonly string[]): BacktestArgs | "help" | ArgumentError {
  const parsed = parseCloneTargetArgs(argv, OPTIONS, schema);
  if (parsed === "help" || parsed instanceof ArgumentError) return parsed;
  const { values: a, target } = parsed;
  return { target, asset: a.asset, from: a.from, to: a.to, json: a.json };
}
