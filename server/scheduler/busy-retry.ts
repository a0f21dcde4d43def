import { isBusyError } from "@/server/db";

/**
 * Runs a single write again when SQLite reports the file busy. Recording a job's
 * outcome matters: if it were given up, the job would stay RUNNING until its lease
 * expired and then run a second time.
 */
export async function retryOnBusy<T>(fn: () => Promise<T>, attempts = 6): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i + 1 >= attempts || !isBusyError(e)) throw e;
      const delay = Math.min(1_000, 25 * 2 ** i) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
