/**
 * What every market CLI command receives. Commands take their streams and clock
 * instead of reaching for process globals, so tests run them in-process and read
 * exactly what an operator would see.
 */
import type { Clock } from "@/lib/domain/clock";
import type { Env } from "@/lib/env";
import type { PrismaClient } from "@/server/db";
import type { LiveClients } from "../sync/live";

/** The part of a writable stream the CLI uses; `isTTY` decides how progress is drawn. */
export interface Out {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliDeps {
  db: PrismaClient;
  clock: Clock;
  env: Env;
  stdout: Out;
  stderr: Out;
  /** aborted on Ctrl-C: a backfill stops between chunks */
  signal?: AbortSignal;
  /** source clients to use instead of the ones built from env (tests pass mocks) */
  clients?: LiveClients;
  /** wall time for durations; the application clock may be manual or compressed */
  wallNow?: () => number;
}

/** Exit codes: 0 done, 1 the work failed, 2 the arguments were wrong, 130 interrupted. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArgumentError";
  }
}

export const iso = (ms: number) => new Date(ms).toISOString();

export function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
