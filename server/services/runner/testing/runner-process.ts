/**
 * A decision runner as a separate OS process, for two-processes.test.ts:
 *   tsx server/services/runner/testing/runner-process.ts <dbUrl> <workerName> <clockMs> <goFile>
 * Prints "ready", waits for goFile (so both workers start together), then runs
 * ticks at the fixed clock until two ticks in a row claim nothing, and prints its
 * summed report as one JSON line.
 */
import fs from "node:fs";
import { ManualClock } from "@/lib/domain/clock";
import { createDb } from "@/server/db";
import { runDecisionTick } from "../run-tick";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const [dbUrl, workerId, clockMs, goFile] = process.argv.slice(2);
  if (!dbUrl || !workerId || !clockMs || !goFile) throw new Error("usage: runner-process.ts <dbUrl> <workerName> <clockMs> <goFile>");
  const db = createDb({ url: dbUrl });
  const clock = new ManualClock(Number(clockMs));
  process.stdout.write("ready\n");
  while (!fs.existsSync(goFile)) await sleep(10);
  const total = { claimed: 0, decided: 0, replayed: 0, monitored: 0, errors: [] as string[] };
  for (let idle = 0; idle < 2; ) {
    const r = await runDecisionTick(db, clock, { workerId });
    total.claimed += r.claimed;
    total.decided += r.decided.ACTION + r.decided.HOLD + r.decided.REJECTED + r.decided.NO_TRADE;
    total.replayed += r.decided.replayed;
    total.monitored += r.monitored;
    total.errors.push(...r.errors.map((e) => e.error));
    idle = r.claimed === 0 ? idle + 1 : 0;
  }
  process.stdout.write(`${JSON.stringify(total)}\n`);
  await db.$disconnect();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
