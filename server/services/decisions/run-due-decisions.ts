/**
 * The decision job: for every running PERSONAL account, every enabled asset of its
 * clone decides once per cadence slot (a slot already decided is skipped by the
 * pipeline itself), after its open positions are brought up to date. The full
 * runner with per-slot leases and retries builds on this (issue 5).
 */
import type { Clock } from "@/lib/domain/clock";
import { enabledAssets, tradingClone, tradingPrompt } from "@/lib/domain/graph/queries";
import type { CloneGraph } from "@/lib/domain/graph/schema";
import { GRANULARITY_MS } from "@/lib/domain/graph/vocabulary";
import type { PrismaClient } from "@/server/db";
import { providerFor } from "@/server/models";
import { activePersonalAccounts } from "@/server/repositories/paper";
import { monitorAccount } from "../paper/monitor";
import { decide, type DecisionStatus } from "./decide";

export async function runDueDecisions(db: PrismaClient, clock: Clock, opts: { anthropicApiKey?: string; anthropicBaseUrl?: string } = {}) {
  const now = clock.now().getTime();
  const tally: Record<DecisionStatus | "skipped", number> = { ACTION: 0, HOLD: 0, REJECTED: 0, NO_TRADE: 0, skipped: 0 };
  for (const a of await activePersonalAccounts(db)) {
    const graph = JSON.parse(a.graph) as CloneGraph;
    const clone = tradingClone(graph);
    const cadence = GRANULARITY_MS[tradingPrompt(graph).cadence];
    const slot = Math.floor(now / cadence) * cadence;
    await monitorAccount(db, a.accountId, now);
    const provider = providerFor(clone.provider, { anthropicApiKey: opts.anthropicApiKey, anthropicBaseUrl: opts.anthropicBaseUrl });
    for (const asset of enabledAssets(graph)) {
      const result = await decide(db, { accountId: a.accountId, asset: asset.symbol, decisionTime: slot, provider });
      tally[result.replayed ? "skipped" : result.status]++;
    }
  }
  return tally;
}
