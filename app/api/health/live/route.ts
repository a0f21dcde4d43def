export const dynamic = "force-dynamic";

/**
 * Liveness: 200 while this process serves requests, without touching the
 * database or the scheduler (for a container's liveness probe, which should
 * restart a stuck process but not one whose database is down). Readiness, with
 * the database, the workers and market memory, is `GET /api/health`.
 */
export function GET() {
  return Response.json({ status: "alive", time: new Date().toISOString() }, { headers: { "cache-control": "no-store" } });
}
