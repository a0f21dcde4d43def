/**
 * What is due now: for every running account, its monitoring slot (stops,
 * take-profits and funding, once a minute) and, for every enabled asset of its
 * clone, the decision slot of the clone's cadence. Paused clones get monitoring but
 * no decisions; a pair the runner stopped after repeated failures gets neither
 * decisions nor retries until a person resumes it; Emergency plans nothing. A race
 * account decides only within its race's live window.
 */
import { enabledAssets } from "@/lib/domain/graph/queries";
import { GRANULARITY_MS } from "@/lib/domain/graph/vocabulary";
import { MONITOR_ASSET, MONITOR_EVERY_MS, slotTime } from "@/lib/domain/runner/slots";
import type { RuntimeControls } from "@/lib/domain/runtime/controls";
import type { Db } from "@/server/db";
import { stoppedPairs, type SlotRequest } from "@/server/repositories/decision-slots";
import { runningAccounts } from "@/server/repositories/paper";
import { cloneVersionUse } from "../decisions/clone-versions";

export interface DuePlan {
  monitors: SlotRequest[];
  decisions: (SlotRequest & { cadenceMs: number })[];
  /** each running clone's current version (decisions use it) */
  versions: Map<string, number>;
  /** decisions not planned because the clone is paused or the pair is stopped */
  skipped: { paused: number; stopped: number };
}

export async function planDueSlots(db: Db, now: number, controls: RuntimeControls): Promise<DuePlan> {
  const plan: DuePlan = { monitors: [], decisions: [], versions: new Map(), skipped: { paused: 0, stopped: 0 } };
  if (controls.killSwitch === "emergency") return plan;
  const [accounts, stopped] = await Promise.all([runningAccounts(db), stoppedPairs(db)]);
  const isStopped = new Set(stopped.map((s) => `${s.accountId}|${s.asset}`));
  for (const a of accounts) {
    plan.monitors.push({ accountId: a.accountId, cloneId: a.cloneId, asset: MONITOR_ASSET, slotMs: slotTime(now, MONITOR_EVERY_MS) });
    plan.versions.set(a.cloneId, a.version);
    const version = await cloneVersionUse(db, a.cloneId, a.version);
    if (!version) continue;
    const cadenceMs = GRANULARITY_MS[version.prompt.cadence];
    const slotMs = slotTime(now, cadenceMs);
    // a race account decides only while its race is live: not on a slot begun before it went live, nor after its end
    if (a.window && (slotMs < a.window.from || slotMs >= a.window.to)) continue;
    for (const asset of enabledAssets(version.graph)) {
      if (controls.pausedClones.has(a.cloneId)) plan.skipped.paused++;
      else if (isStopped.has(`${a.accountId}|${asset.symbol}`)) plan.skipped.stopped++;
      else plan.decisions.push({ accountId: a.accountId, cloneId: a.cloneId, asset: asset.symbol, slotMs, cadenceMs });
    }
  }
  return plan;
}
