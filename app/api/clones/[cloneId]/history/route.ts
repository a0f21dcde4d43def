/**
 * GET /api/clones/:cloneId/history?kind=decisions|orders|fills|positions&asset=&status=&state=&mode=&account=&from=&to=
 * A clone's trading history as a CSV download, streamed. The same session and the
 * same rule as the history procedures (its creator, or an admin); the same filters
 * as the history page's URL, so a download holds what the page lists.
 */
import { isDomainError } from "@/lib/domain/errors";
import { HISTORY_KINDS, historyFilters, parseHistoryQuery, type HistoryKind } from "@/lib/schemas/history";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";
import { historyCsv } from "@/server/services/history/export-csv";

export const dynamic = "force-dynamic";

const plain = (status: number, message: string) =>
  new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

export async function GET(request: Request, { params }: { params: Promise<{ cloneId: string }> }) {
  const { cloneId } = await params;
  const user = await getCurrentUser();
  if (!user) return plain(401, "Sign in first");
  const sp = new URL(request.url).searchParams;
  const kind = sp.get("kind") ?? "decisions";
  if (!(HISTORY_KINDS as readonly string[]).includes(kind)) return plain(400, `kind must be one of ${HISTORY_KINDS.join(", ")}`);
  const query = parseHistoryQuery({ ...Object.fromEntries(sp), tab: kind });
  const filters = historyFilters.safeParse({ cloneId, ...query.filters });
  if (!filters.success) return plain(400, filters.error.issues[0]?.message ?? "Invalid filters");

  let csv: Awaited<ReturnType<typeof historyCsv>>;
  try {
    csv = await historyCsv(getDb(), user, { kind: kind as HistoryKind, filters: filters.data, status: query.status, state: query.state });
  } catch (e) {
    if (isDomainError(e) && e.code === "NOT_FOUND") return plain(404, e.message);
    if (isDomainError(e) && e.code === "VALIDATION_FAILED") return plain(400, e.message);
    throw e;
  }
  const chunks = csv.chunks;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (e) {
        console.error("[history csv] export failed", e);
        controller.error(e);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${csv.filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
