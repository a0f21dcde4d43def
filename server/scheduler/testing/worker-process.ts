/**
 * A scheduler worker as a separate OS process, for two-processes.test.ts:
 *   tsx server/scheduler/testing/worker-process.ts <dbUrl> <logFile> <workerName> [goFile]
 * Each job appends "<jobId> <workerName>" to logFile. The worker prints "ready",
 * waits for goFile to exist (so both workers start together), then runs until no
 * job is PENDING or RUNNING.
 */
import fs from "node:fs";
import { createDb } from "@/server/db";
import { countJobsByStatus } from "@/server/repositories/jobs";
import { EmbeddedScheduler } from "../scheduler";

// two-processes.test.ts enqueues jobs under this name; importing this file would start a worker.
const TEST_JOB_NAME = "test.append";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const [dbUrl, logFile, workerName, goFile] = process.argv.slice(2);
  if (!dbUrl || !logFile || !workerName) throw new Error("usage: worker-process.ts <dbUrl> <logFile> <workerName> [goFile]");
  const db = createDb({ url: dbUrl });
  const scheduler = new EmbeddedScheduler({
    db,
    workerId: workerName,
    handlers: {
      [TEST_JOB_NAME]: async (_payload, ctx) => {
        fs.appendFileSync(logFile, `${ctx.jobId} ${workerName}\n`);
        await sleep(3);
      },
    },
    pollMs: 20,
    batchSize: 5,
    leaseMs: 30_000,
    keepAlive: true,
    logger: { info: console.error, warn: console.error, error: console.error },
  });

  process.stdout.write("ready\n");
  if (goFile) while (!fs.existsSync(goFile)) await sleep(10);

  scheduler.start();
  for (;;) {
    await sleep(50);
    const counts = await countJobsByStatus(db);
    if (counts.PENDING + counts.RUNNING === 0) break;
  }
  await scheduler.stop();
  await db.$disconnect();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
