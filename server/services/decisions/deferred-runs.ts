/**
 * Decision runs written together: a runner tick's decisions that place no order
 * (HOLD, NO_TRADE, REJECTED: a run row and nothing else) are kept here and stored in
 * a few multi-row statements, instead of one committed INSERT each (an fsync each).
 *
 * The runner flushes before it marks the slots done: a worker that dies first leaves
 * its slots leased and undone, another worker takes them over when the leases expire
 * and decides them again, so a slot still ends with exactly one run. A decision that
 * places an order is never deferred (its run, order and fill are one transaction).
 */
import { newId, type Db } from "@/server/db";
import * as decisions from "@/server/repositories/decisions";

export interface FlushedRun {
  /** the slot's stored run: this decision's, or the one another decider stored first */
  runId: string;
  /** another decider's run was stored for the slot: this decision was not */
  replaced: { status: string } | null;
}

export class DeferredRuns {
  private pending: { id: string; data: decisions.DecisionRunData }[] = [];

  /** whether a run with this id waits for the next flush */
  has(id: string): boolean {
    return this.pending.some((r) => r.id === id);
  }

  /** Keeps a run for the next flush; its id is final unless the slot turns out to be stored already. */
  add(data: decisions.DecisionRunData): string {
    const id = newId();
    this.pending.push({ id, data });
    return id;
  }

  /** Stores every kept run; by each kept id, the slot's stored run. */
  async flush(db: Db): Promise<Map<string, FlushedRun>> {
    const runs = this.pending;
    this.pending = [];
    const { skipped } = await decisions.insertDecisionRuns(db, runs);
    const out = new Map<string, FlushedRun>(runs.map((r) => [r.id, { runId: r.id, replaced: null }]));
    for (const id of skipped) {
      const d = runs.find((r) => r.id === id)!.data;
      const winner = await decisions.findDecisionRun(db, d.accountId, d.asset, d.decisionTimeMs);
      if (!winner) throw new Error(`The decision run of ${d.accountId}/${d.asset} at ${d.decisionTimeMs} was neither stored nor found`);
      out.set(id, { runId: winner.id, replaced: { status: winner.status } });
    }
    return out;
  }
}
