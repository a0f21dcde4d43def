/**
 * `npm run decide -- (--clone ID | --template ID) --asset A [--at ISO] [--json]`:
 * one decision against DATABASE_URL. Arguments are checked before the database
 * is opened, so a typo touches nothing. See server/services/decisions/cli/usage.ts.
 */
import "./load-env";
import { systemClock } from "@/lib/domain/clock";
import { EnvError, getEnv } from "@/lib/env";
import { createDb, type PrismaClient } from "@/server/db";
import { parseDecideArgs } from "@/server/services/decisions/cli/args";
import { ArgumentError, EXIT, errorText } from "@/server/services/decisions/cli/context";
import { runDecide, usageError } from "@/server/services/decisions/cli/run";
import { USAGE } from "@/server/services/decisions/cli/usage";

// The pipeline logs (the DRY_RUN order line) through console; stdout is kept for
// the report alone, so `--json` output can be piped as it is.
console.log = console.info = (...parts: unknown[]) => console.error(...parts);

const args = parseDecideArgs(process.argv.slice(2));
if (args === "help") {
  process.stdout.write(USAGE);
} else if (args instanceof ArgumentError) {
  process.exitCode = usageError({ stderr: process.stderr }, args);
} else {
  let db: PrismaClient | undefined;
  try {
    const env = getEnv();
    db = createDb({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
    const anthropic = { apiKey: env.ANTHROPIC_API_KEY, baseUrl: env.ANTHROPIC_BASE_URL };
    process.exitCode = await runDecide(args, { db, clock: systemClock, stdout: process.stdout, stderr: process.stderr, anthropic });
  } catch (e) {
    process.stderr.write(`decide failed: ${e instanceof EnvError ? e.message : errorText(e)}\n`);
    process.exitCode = EXIT.failed;
  } finally {
    await db?.$disconnect();
  }
}
