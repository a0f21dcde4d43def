/**
 * Each runtime assertion as load -> pure check: the repository reads the rows of the
 * run's scope (assertion-scope.ts), lib/domain/runtime/assertions decides.
 * Checks that compare rows changed together by one write (an account's totals and
 * its fills) read inside one transaction, so a concurrent fill is never half-seen.
 */
import type { Clock } from "@/lib/domain/clock";
import { getArtifacts, resolvePayload } from "@/server/artifacts";
import {
  checkActionHasOrder,
  checkCapitalCaps,
  checkEquityIdentity,
  checkHeartbeatsFresh,
  checkInstrumentsInScope,
  checkNoFutureData,
  checkOrderHasFillOrState,
  checkPositionsMatchFills,
  type AssertionName,
  type AssertionOutcome,
  type CapsInForce,
} from "@/lib/domain/runtime/assertions";
import { controlsFromRows, GLOBAL_LIMIT_NAMES, limitKey } from "@/lib/domain/runtime/controls";
import { transaction, type PrismaClient } from "@/server/db";
import * as repo from "@/server/repositories/assertions";
import type { AssertionScope } from "./assertion-scope";

type Check = (db: PrismaClient, scope: AssertionScope, clock: Clock) => Promise<AssertionOutcome>;

/** Open positions of the scope's accounts, each with the decision that opened it (if one did). */
async function openPositionsWithOpening(db: PrismaClient, accountIds: readonly string[]) {
  const positions = await repo.openPositionsOf(db, accountIds);
  const opening = await repo.openingDecisions(db, positions);
  const byKey = new Map(opening.map((r) => [`${r.accountId}|${r.asset}|${r.decisionTimeMs}`, r]));
  return positions.map((p) => ({ ...p, opening: byKey.get(`${p.accountId}|${p.asset}|${p.openedAtMs}`) ?? null }));
}

function sizePctOf(parsedAction: string | null): number | null {
  if (!parsedAction) return null;
  try {
    const sizePct = (JSON.parse(parsedAction) as { sizePct?: unknown }).sizePct;
    return typeof sizePct === "number" ? sizePct : null;
  } catch {
    return null;
  }
}

export const CHECKS: Readonly<Record<AssertionName, Check>> = {
  "action-has-order": async (db, scope) => {
    const runs = await repo.decisionRunsByIds(db, await repo.decisionRunIdsIn(db, scope.decisionRuns));
    const newOrders = await repo.ordersWithFills(db, await repo.orderIdsIn(db, scope.orders));
    const known = new Set(runs.map((r) => r.id));
    const referencedRuns = await repo.decisionRunsByIds(db, [...new Set(newOrders.flatMap((o) => (o.decisionRunId && !known.has(o.decisionRunId) ? [o.decisionRunId] : [])))]);
    return checkActionHasOrder({ runs, orders: [...(await repo.ordersOfRuns(db, runs)), ...newOrders], referencedRuns });
  },

  "order-has-fill-or-state": async (db, scope) =>
    checkOrderHasFillOrState({ orders: await repo.ordersWithFills(db, await repo.orderIdsIn(db, scope.orders)) }),

  "positions-match-fills": (db, scope) =>
    transaction(db, async (tx) =>
      checkPositionsMatchFills({
        accountIds: scope.accountIds,
        fillTotals: await repo.fillSizeTotals(tx, scope.accountIds),
        openPositions: await repo.openPositionsOf(tx, scope.accountIds),
      }),
    ),

  "equity-identity": (db, scope) => transaction(db, async (tx) => checkEquityIdentity({ accounts: await repo.accountBooks(tx, scope.accountIds) })),

  "instruments-in-scope": async (db, scope) => {
    const positions = await openPositionsWithOpening(db, scope.accountIds);
    const versions = positions.flatMap((p) => [{ cloneId: p.cloneId, version: p.currentVersion }, ...(p.opening ? [{ cloneId: p.cloneId, version: p.opening.cloneVersion }] : [])]);
    const unique = [...new Map(versions.map((v) => [`${v.cloneId}@${v.version}`, v])).values()];
    return checkInstrumentsInScope({
      positions: positions.map((p) => ({ ...p, openingVersion: p.opening?.cloneVersion ?? null })),
      graphs: await repo.cloneGraphs(db, unique),
      marketSymbols: await repo.knownPerps(db, [...new Set(positions.map((p) => p.asset))]),
    });
  },

  "no-future-data": async (db, scope) => {
    const stored = await repo.decisionPacketsByIds(db, await repo.decisionRunIdsIn(db, scope.decisionRuns));
    // a packet offloaded to the artifact store is checked as stored there; one that cannot be read stays a reference, reported unreadable
    const store = getArtifacts().store;
    const runs = await Promise.all(stored.map(async (r) => ({ ...r, contextPacket: await resolvePayload(store, r.contextPacket).catch(() => r.contextPacket) })));
    const orders = await repo.ordersOfRuns(db, runs);
    const fills = orders.flatMap((o) => o.fills.map((f) => ({ ...f, decisionRunId: o.decisionRunId! })));
    return checkNoFutureData({ runs, fills });
  },

  "capital-caps": async (db, scope) => {
    const rows = await repo.globalLimitRows(db);
    const caps = Object.fromEntries(
      GLOBAL_LIMIT_NAMES.map((name) => {
        const row = rows.find((r) => r.key === limitKey(name));
        // parsed as the runner reads it: an unreadable value is the tightest bound
        return [name, { value: controlsFromRows(row ? [row] : []).limits[name], sinceMs: row ? row.updatedAt.getTime() : null }];
      }),
    ) as CapsInForce;
    const positions = await openPositionsWithOpening(db, scope.accountIds);
    return checkCapitalCaps({ caps, positions: positions.map((p) => ({ ...p, openingSizePct: sizePctOf(p.opening?.parsedAction ?? null) })) });
  },

  "heartbeats-fresh": async (db, _scope, clock) => {
    const jobs = await repo.runningLeases(db);
    const workers = await repo.workersByIds(db, [...new Set(jobs.map((j) => j.leaseOwner))]);
    return checkHeartbeatsFresh({ nowMs: clock.now().getTime(), jobs, workers });
  },
};
