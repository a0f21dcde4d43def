import { randomBytes } from "node:crypto";
import os from "node:os";

/**
 * `<hostname>:<pid>:<random>`. The random part keeps ids distinct when a pid is
 * reused (containers often start every process as pid 1) or when one process runs
 * two schedulers.
 */
export function createWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}
