import { getDb } from "@/server/db";
import { getHealth } from "@/server/services/health/get-health";

export const dynamic = "force-dynamic";

/** 200 while the database answers (status "ok" or "degraded"), 503 when it does not. */
export async function GET() {
  const health = await getHealth(getDb());
  return Response.json(health, {
    status: health.database.ok ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
