/**
 * `market retry`: the admin page's retry button from a shell. The channel's
 * failure count restarts and its source family syncs now; the exit code says
 * whether the channel came back.
 */
import { isDomainError } from "@/lib/domain/errors";
import { retryChannel } from "../retry-channel";
import { EXIT, errorText, type CliDeps } from "./context";
import type { RetryArgs } from "./schemas";

export async function retry(args: RetryArgs, deps: Pick<CliDeps, "db" | "clock" | "stdout" | "stderr">): Promise<number> {
  const { db, clock, stdout, stderr } = deps;
  let result: Awaited<ReturnType<typeof retryChannel>>;
  try {
    result = await retryChannel(db, clock, args.channel);
  } catch (e) {
    const what = isDomainError(e) ? e.message : errorText(e);
    stderr.write(`market retry: --channel ${args.channel}: ${what}\n`);
    return EXIT.failed;
  }
  const synced = `synced ${result.run.source}: ${result.run.rows.toLocaleString("en-US")} row(s)`;
  if (result.ok) {
    stdout.write(`${result.channelId}: ok (${synced})\n`);
    return EXIT.ok;
  }
  stdout.write(`${result.channelId}: still failing (${synced})\n`);
  stderr.write(`${result.channelId}: ${result.lastError ?? "the sync recorded no error"}\n`);
  return EXIT.failed;
}
