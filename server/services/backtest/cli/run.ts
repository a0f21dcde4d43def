/**
 * `npm run backtest`: arguments checked first (a typo touches nothing), then the
 * clone or template checked against the database (what only it can refute, such as
 * an unknown clone or a window without data, still exits 2 naming the option), the
 * run recorded, run with a progress bar on stderr, and reported.
 */
import type { Clock } from "@/lib/domain/clock";
import { isDomainError } from "@/lib/domain/errors";
import { GraphValidationError } from "@/lib/domain/graph/validate";
import type { PrismaClient } from "@/server/db";
import { executeBacktest, recordBacktest } from "../backtest-runs";
import { prepareBacktest } from "../run-backtest";
import { ArgumentError, parseBacktestArgs } from "./args";
import { BacktestProgress, type Out } from "./progress";
import { renderReport } from "./render";
import { USAGE } from "./usage";

export interface BacktestCliDeps {
  db: PrismaClient;
  clock: Clock;
  stdout: Out;
  stderr: Out;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
const OPTION_OF_FIELD: Record<string, string> = { cloneId: "clone", templateId: "template", asset: "asset", from: "from", to: "to" };

export async function runBacktestCli(argv: readonly string[], deps: BacktestCliDeps): Promise<number> {
  const args = parseBacktestArgs(argv);
  if (args === "help") {
    deps.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (args instanceof ArgumentError) return usageError(deps, args.message);
  let prepared;
  try {
    prepared = await prepareBacktest(deps.db, { target: args.target, asset: args.asset, from: args.from, to: args.to, now: deps.clock.now().getTime() });
  } catch (e) {
    if (e instanceof GraphValidationError) return usageError(deps, `--asset "${args.asset}": ${e.message}`);
    const option = isDomainError(e) && e.field ? OPTION_OF_FIELD[e.field] : undefined;
    if (option && (e as { code: string }).code !== "INVARIANT_VIOLATED") return usageError(deps, `--${option}: ${(e as Error).message}`);
    deps.stderr.write(`backtest failed: ${errorText(e)}\n`);
    return EXIT.failed;
  }
  try {
    const run = await recordBacktest(deps.db, prepared, null);
    const progress = new BacktestProgress(deps.stderr, `backtest ${prepared.asset} ${run.id}`);
    const result = await executeBacktest(deps.db, run.id, prepared, { onProgress: (f) => progress.update(f) });
    progress.finish();
    deps.stdout.write(args.json ? `${JSON.stringify({ runId: run.id, ...result })}\n` : renderReport(run.id, prepared, result));
    return EXIT.ok;
  } catch (e) {
    deps.stderr.write(`\nbacktest failed: ${errorText(e)}\n`);
    return EXIT.failed;
  }
}

function usageError(deps: Pick<BacktestCliDeps, "stderr">, message: string): number {
  deps.stderr.write(`backtest: ${message}; see \`npm run backtest -- --help\`\n`);
  return EXIT.usage;
}

const errorText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));
