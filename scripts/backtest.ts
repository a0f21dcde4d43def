/**
 * `npm run backtest -- (--clone ID | --template ID) --asset A --from ISO --to ISO [--json]`:
 * a rules clone over a window of market memory in DATABASE_URL. Arguments are
 * checked before the database is opened, so help and typos touch nothing. See
 * server/services/backtest/cli/usage.ts.
 */
import "./load-env";
import { systemClock } from "@/lib/domain/clock";
import { EnvError, getEnv } from "@/lib/env";
import { createDb, type PrismaClient } from "@/server/db";
import { ArgumentError, parseBacktestArgs } from "@/server/services/backtest/cli/args";
import { EXIT, runBacktestCli } from "@/server/services/backtest/cli/run";

// stdout carries the report alone, so `--json` can be piped as it is
console.log = console.info = (...parts: unknown[]) => console.error(...parts);

const argv = process.argv.slice(2);
const parsed = parseBacktestArgs(argv);
let db: PrismaClient | undefined;
try {
  if (parsed !== "help" && !(parsed instanceof ArgumentError)) {
    const env = getEnv();
    db = createDb({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
  }
  // without valid arguments the command prints help or the error and never reads `db`
  process.exitCode = await runBacktestCli(argv, { db: db as PrismaClient, clock: systemClock, stdout: process.stdout, stderr: process.stderr });
} catch (e) {
  process.stderr.write(`backtest failed: ${e instanceof EnvError ? e.message : e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = EXIT.failed;
} finally {
  await db?.$disconnect();
}
