/** The reasoning feed of a race: its accounts' newest decisions, with what each clone said and did. */
import type { Action } from "@/lib/domain/actions/action";
import type { Db } from "@/server/db";

export async function raceDecisionFeed(db: Db, accountIds: readonly string[], take: number) {
  if (!accountIds.length) return [];
  const rows = await db.decisionRun.findMany({
    where: { accountId: { in: [...accountIds] } },
    orderBy: [{ decisionTimeMs: "desc" }, { id: "desc" }],
    take,
    select: { id: true, accountId: true, asset: true, decisionTimeMs: true, status: true, reason: true, parsedAction: true },
  });
  return rows.map((r) => {
    const action = r.parsedAction ? (JSON.parse(r.parsedAction) as Action) : null;
    return {
      id: r.id, accountId: r.accountId, asset: r.asset, time: Number(r.decisionTimeMs), status: r.status,
      action: action?.action ?? null, reasoning: action && "reasoning" in action ? action.reasoning : null, reason: r.reason,
    };
  });
}
