/** Test helpers: captured output streams and the dependencies of a command run in-process. */
import { ManualClock } from "@/lib/domain/clock";
import { parseEnv, type Env } from "@/lib/env";
import type { PrismaClient } from "@/server/db";
import type { CliDeps, Out } from "./context";

export interface Captured extends Out {
  text: string;
  /** called after every write, e.g. to interrupt a run at a chosen point */
  onWrite?: (text: string) => void;
}

export function capture(isTTY = false): Captured {
  const out: Captured = {
    text: "",
    isTTY,
    write(chunk: string) {
      out.text += chunk;
      out.onWrite?.(chunk);
      return true;
    },
  };
  return out;
}

export function cliDeps(db: PrismaClient, opts: { now: number; env?: Env } & Partial<Omit<CliDeps, "db" | "stdout" | "stderr">>) {
  const stdout = capture();
  const stderr = capture();
  const { now, env, ...rest } = opts;
  const deps: CliDeps = { db, clock: new ManualClock(now), env: env ?? parseEnv({ REPLAY_SEED: "cli-test" }), stdout, stderr, wallNow: () => 0, ...rest };
  return { deps, stdout, stderr };
}
