/**
 * Brings the database to the current schema and, unless DEMO_SEED=false, seeds the
 * demo accounts. Run by `npm start` / `npm run dev`; safe to run any number of times.
 */
import "./load-env";
import { getEnv } from "@/lib/env";
import { migrate } from "@/server/db/migrate";
import { seed } from "@/prisma/seed";

const env = getEnv();
const target = env.DATABASE_URL.startsWith("file:") ? env.DATABASE_URL : env.DATABASE_URL.replace(/\?.*$/, "");
const result = await migrate({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
console.info(
  `[db] ${target}: ${result.applied.length ? `applied ${result.applied.join(", ")}` : "schema up to date"} (${result.alreadyApplied} migration(s) already applied)`,
);
if (env.DEMO_SEED) await seed();
