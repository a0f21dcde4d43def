/**
 * The server the Playwright journeys run against: a brand-new database under
 * data/e2e (data/e2e-<port> for a port other than the default 3100, so a second
 * server, e.g. for screenshots, does not delete the first one's database; deleted
 * first), migrated and seeded, and `next start` on 127.0.0.1.
 * `npm run test:e2e` builds the app before Playwright starts this.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const port = process.argv[2] ?? "3100";
const dataDir = path.resolve(port === "3100" ? "data/e2e" : `data/e2e-${port}`);
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

Object.assign(process.env, {
  DATA_DIR: dataDir,
  DATABASE_URL: `file:${path.join(dataDir, "clash.db")}`,
  SCHEDULER: "embedded",
  SCHEDULER_POLL_MS: "500",
  DEMO_SEED: "true",
  ADMIN_EMAILS: "",
});
// fast races for the Arena journey: 30 s accumulating and 90 s live on the wall clock (1 and 3 race
// minutes at a time scale of 2: a live race always spans a minute boundary, where the clones decide),
// unless the caller chose a schedule
for (const [name, value] of Object.entries({ ARENA_ACCUMULATE_MINUTES: "1", ARENA_LIVE_MINUTES: "3", ARENA_TIME_SCALE: "2" })) {
  process.env[name] ??= value;
}

const { migrate } = await import("@/server/db/migrate");
const { seed } = await import("@/prisma/seed");
await migrate({ url: process.env.DATABASE_URL! });
await seed();

const next = spawn(path.resolve("node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", port], {
  stdio: "inherit",
  env: process.env,
});
const stop = () => next.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
next.on("exit", (code) => process.exit(code ?? 0));
