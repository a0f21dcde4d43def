/** Demo data for the local product: `npm run db:seed` (also run by `npm start`). Idempotent. */
import "@/scripts/load-env";
import { getEnv } from "@/lib/env";
import { createDb } from "@/server/db";
import { DEMO_PASSWORD, ensureDemoUsers } from "@/server/services/users/demo-users";
import { ensureDemoClones } from "@/server/services/clones/demo-clones";
import { ensureDemoArena, ensureDemoBackers } from "@/server/services/arena/demo-arena";
import { syncSource } from "@/server/services/market/sync";
import { systemClock } from "@/lib/domain/clock";

export async function seed(): Promise<void> {
  const env = getEnv();
  const db = createDb({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
  try {
    const { created, existing } = await ensureDemoUsers(db);
    if (created.length) console.info(`[seed] demo users created: ${created.join(", ")} (password: ${DEMO_PASSWORD})`);
    if (existing.length) console.info(`[seed] demo users already there: ${existing.join(", ")}`);
    const clones = await ensureDemoClones(db, Date.now());
    if (clones.length) console.info(`[seed] demo clones created: ${clones.join(", ")} (rules provider, PERSONAL accounts of 10,000 USD)`);
    const arenaClones = await ensureDemoArena(db);
    if (arenaClones.length) console.info(`[seed] Arena clones created: ${arenaClones.join(", ")} (in the Arena's 8 slots)`);
    const backers = await ensureDemoBackers(db);
    if (backers.length) console.info(`[seed] demo backers created: ${backers.join(", ")} (they buy tickets while a race accumulates)`);
    if (env.MARKET_SOURCE === "replay") {
      // market memory before the server starts, so the first decisions see fresh data
      const run = await syncSource(db, systemClock, "replay", { force: true });
      console.info(`[seed] replay market memory up to now: ${run.rows} rows`);
    }
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await seed();
