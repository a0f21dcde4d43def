/**
 * `npm run market -- <command>`: market-memory operations (backfill, retry,
 * show, import). Arguments are checked before the database is opened, so a typo
 * touches nothing. See server/services/market/cli/usage.ts for the commands.
 */
import "./load-env";
import { systemClock } from "@/lib/domain/clock";
import { EnvError, getEnv } from "@/lib/env";
import { createDb, type PrismaClient } from "@/server/db";
import { parseCommand } from "@/server/services/market/cli/args";
import { EXIT, errorText } from "@/server/services/market/cli/context";
import { runCommand } from "@/server/services/market/cli/run";
import { USAGE } from "@/server/services/market/cli/usage";

const command = parseCommand(process.argv.slice(2));
if (command instanceof Error) {
  process.stderr.write(`market ${command.message}; see \`npm run market -- help\`\n`);
  process.exitCode = EXIT.usage;
} else if (command.name === "help") {
  process.stdout.write(USAGE);
} else {
  // first Ctrl-C: stop after the chunk being written; a second one: leave at once
  const interrupt = new AbortController();
  process.once("SIGINT", () => {
    interrupt.abort();
    process.stderr.write("\nstopping after the current chunk (Ctrl-C again to quit now)\n");
    process.once("SIGINT", () => process.exit(EXIT.interrupted));
  });
  let db: PrismaClient | undefined;
  try {
    const env = getEnv();
    db = createDb({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
    process.exitCode = await runCommand(command, { db, clock: systemClock, env, stdout: process.stdout, stderr: process.stderr, signal: interrupt.signal });
  } catch (e) {
    // EnvError already lists each bad variable; anything else is unexpected and reported whole
    process.stderr.write(`market ${command.name} failed: ${e instanceof EnvError ? e.message : errorText(e)}\n`);
    process.exitCode = EXIT.failed;
  } finally {
    await db?.$disconnect();
  }
}
