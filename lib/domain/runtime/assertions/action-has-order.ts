/**
 * action-has-order: every action maps to an order or a recorded rejection.
 *
 * Definition, from how decide() writes a decision (server/services/decisions/decide.ts):
 * - an ACTION run has at least one order naming it (decisionRunId), and that order
 *   is FILLED: the run and its fill are written in one transaction, and an
 *   execution refusal turns the run into REJECTED in that same transaction;
 * - a REJECTED run has a non-empty reason; if it has orders they are REJECTED
 *   (an execution refusal records its refused order), never FILLED;
 * - HOLD, NO_TRADE and ERROR runs have no order at all;
 * - an order naming a decision run names one that exists;
 * - no other status exists.
 *
 * `runs` are the decision runs to check (the ones written since the last check);
 * `orders` holds every order naming one of them plus the newly written orders;
 * `referencedRuns` the runs those new orders name, when not already in `runs`.
 */
import { isoTime, outcome, type AssertionOutcome, type Problem } from "./outcome";

export interface DecisionRunRow {
  id: string;
  status: string;
  reason: string | null;
  asset: string;
  decisionTimeMs: number;
}

export interface RunOrderRow {
  id: string;
  decisionRunId: string | null;
  status: string;
}

const KNOWN_STATUSES = new Set(["ACTION", "REJECTED", "HOLD", "NO_TRADE", "ERROR"]);

const describeRun = (r: DecisionRunRow) => `decision run ${r.id} (${r.status}, ${r.asset} at ${isoTime(r.decisionTimeMs)})`;

export function checkActionHasOrder(input: {
  runs: readonly DecisionRunRow[];
  orders: readonly RunOrderRow[];
  referencedRuns?: readonly DecisionRunRow[];
}): AssertionOutcome {
  const problems: Problem[] = [];
  const ordersByRun = new Map<string, RunOrderRow[]>();
  for (const o of new Map(input.orders.map((o) => [o.id, o])).values()) {
    if (o.decisionRunId === null) continue;
    ordersByRun.set(o.decisionRunId, [...(ordersByRun.get(o.decisionRunId) ?? []), o]);
  }
  const runs = new Map([...(input.referencedRuns ?? []), ...input.runs].map((r) => [r.id, r]));
  const record = (r: DecisionRunRow, extra: Problem["record"] = {}) => ({ runId: r.id, status: r.status, asset: r.asset, decisionTime: isoTime(r.decisionTimeMs), ...extra });

  for (const run of input.runs) {
    const orders = ordersByRun.get(run.id) ?? [];
    if (!KNOWN_STATUSES.has(run.status)) {
      problems.push({ message: `${describeRun(run)} has an unknown status`, record: record(run) });
    } else if (run.status === "ACTION") {
      if (orders.length === 0) problems.push({ message: `${describeRun(run)} has no order`, record: record(run) });
      else if (!orders.some((o) => o.status === "FILLED")) {
        const o = orders[0]!;
        problems.push({ message: `${describeRun(run)} has no filled order (order ${o.id} is ${o.status})`, record: record(run, { orderId: o.id, orderStatus: o.status }) });
      }
    } else if (run.status === "REJECTED" && !run.reason?.trim()) {
      problems.push({ message: `${describeRun(run)} has no recorded reason`, record: record(run) });
    }
  }

  for (const [runId, orders] of ordersByRun) {
    const run = runs.get(runId);
    for (const o of orders) {
      if (!run) {
        problems.push({ message: `order ${o.id} names decision run ${runId}, which does not exist`, record: { orderId: o.id, runId } });
      } else if (run.status === "REJECTED" && o.status === "FILLED") {
        problems.push({ message: `${describeRun(run)} has a FILLED order ${o.id}`, record: record(run, { orderId: o.id, orderStatus: o.status }) });
      } else if (run.status !== "ACTION" && run.status !== "REJECTED" && KNOWN_STATUSES.has(run.status)) {
        problems.push({ message: `${describeRun(run)} has order ${o.id}, but only an action orders`, record: record(run, { orderId: o.id, orderStatus: o.status }) });
      }
    }
  }
  return outcome(input.runs.length + ordersByRun.size, problems);
}
