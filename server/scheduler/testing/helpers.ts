/** Small helpers shared by the scheduler's tests. */
import type { SchedulerLogger } from "../types";

export interface RecordingLogger extends SchedulerLogger {
  lines: string[];
}

/** Keeps test output clean and lets a test assert what was logged. */
export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  const log = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  return { lines, info: log, warn: log, error: log };
}

export interface Gate {
  promise: Promise<void>;
  open(): void;
}

export function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Polls `check` until it returns true; throws after `maxWaitMs` so a broken feature fails, not hangs. */
export async function eventually(check: () => Promise<boolean>, what: string, maxWaitMs = 10_000): Promise<void> {
  const deadline = Date.now() + maxWaitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
