/**
 * `npm run decide`: one decision through the same pipeline every clone, audition
 * and race uses. A rejected, refused or missing model answer is a normal outcome
 * (exit 0, its reason printed); only bad arguments exit 2.
 */
import { providerFor } from "@/server/models";
import { monitorAccount } from "../../paper/monitor";
import { decide } from "../decide";
import { parseDecideArgs, type DecideArgs } from "./args";
import { ArgumentError, EXIT, HELP_HINT, errorText, type DecideCliDeps } from "./context";
import { prepareTarget } from "./prepare";
import { renderReport } from "./render";
import { decisionReport } from "./report";
import { USAGE } from "./usage";

const M = 60_000;

/** argv in, exit code out: the whole command, for the script and for in-process tests. */
export async function runDecideCli(argv: readonly string[], deps: DecideCliDeps): Promise<number> {
  const args = parseDecideArgs(argv);
  if (args === "help") {
    deps.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (args instanceof ArgumentError) return usageError(deps, args);
  return runDecide(args, deps);
}

/** Runs checked arguments; arguments only the database can refute (an unknown clone) still exit 2. */
export async function runDecide(args: DecideArgs, deps: DecideCliDeps): Promise<number> {
  try {
    return await decideAndPrint(args, deps);
  } catch (e) {
    if (e instanceof ArgumentError) return usageError(deps, e);
    deps.stderr.write(`decide failed: ${errorText(e)}\n`);
    return EXIT.failed;
  }
}

async function decideAndPrint(args: DecideArgs, deps: DecideCliDeps): Promise<number> {
  const { db, stdout } = deps;
  const now = deps.clock.now().getTime();
  // "now" is the last completed minute: the newest bar a decision can see is whole
  const T = args.at ?? Math.floor(now / M) * M;
  if (T > now) throw new ArgumentError(`--at ${new Date(T).toISOString()} is in the future (now is ${new Date(now).toISOString()})`);
  const target = await prepareTarget(db, args, T);
  const monitor = await monitorAccount(db, target.account.id, T);
  const provider = deps.providerFor
    ? deps.providerFor(target.provider)
    : providerFor(target.provider, { anthropicApiKey: deps.anthropic.apiKey, anthropicBaseUrl: deps.anthropic.baseUrl });
  const result = await decide(db, { accountId: target.account.id, asset: target.asset, decisionTime: T, provider });
  const report = await decisionReport(db, result, target, monitor);
  stdout.write(args.json ? `${JSON.stringify(report)}\n` : renderReport(report));
  return EXIT.ok;
}

export function usageError(deps: Pick<DecideCliDeps, "stderr">, e: ArgumentError): number {
  deps.stderr.write(`decide: ${e.message}; ${HELP_HINT}\n`);
  return EXIT.usage;
}
