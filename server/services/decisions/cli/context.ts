/**
 * What `npm run decide` receives. The command takes its streams, clock and model
 * settings instead of reaching for process globals, so tests run it in-process
 * and read exactly what an operator would see.
 */
import type { Clock } from "@/lib/domain/clock";
import type { PrismaClient } from "@/server/db";
import type { ModelProvider, ProviderName } from "@/server/models";

export interface Out {
  write(text: string): unknown;
}

export interface DecideCliDeps {
  db: PrismaClient;
  clock: Clock;
  stdout: Out;
  stderr: Out;
  /** ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL: without a key, anthropic clones record an explained no-trade */
  anthropic: { apiKey?: string; baseUrl?: string };
  /** a provider to use instead of the clone's (tests); default: providerFor */
  providerFor?: (name: ProviderName) => ModelProvider;
}

/** Exit codes: 0 a decision was run, whatever its outcome; 1 the run failed; 2 bad arguments. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export { ArgumentError } from "../../cli/clone-target-args";

export const HELP_HINT = "see `npm run decide -- --help`";

export const errorText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));
