/**
 * What one run of the runtime assertions looks at, so a big database stays cheap:
 *
 * - decision runs and orders written since the previous run: rowid windows
 *   (after, upTo] that start where the previous run's stopped (recorded in every
 *   AssertionResult's details.scope), at most `runBatch` / `orderBatch` rows per
 *   run; a backlog is caught up over the next runs. Runs and orders are written
 *   once and never updated, so checking each once, when it is new, is enough.
 * - the books (fills, positions, account totals) of every account with a new order,
 *   plus a rotating slice of `sweepAccounts` accounts: positions and totals do
 *   change in place (funding hours, exits), and the slice also catches a row
 *   edited behind the pipeline's back, every account within a full rotation.
 * The first run (or one after the last result was pruned) starts with the newest
 * batch rather than the whole history.
 */
import type { PrismaClient } from "@/server/db";
import * as repo from "@/server/repositories/assertions";

export interface ScopeLimits {
  runBatch: number;
  orderBatch: number;
  sweepAccounts: number;
}

export const DEFAULT_SCOPE_LIMITS: ScopeLimits = { runBatch: 1_000, orderBatch: 2_000, sweepAccounts: 25 };

export interface AssertionScope {
  decisionRuns: repo.RowRange;
  orders: repo.RowRange;
  /** accounts whose books are checked this run */
  accountIds: string[];
  /** the rotating slice's cursor (a PaperAccount rowid) for the next run */
  sweepNext: number;
}

/** What a result records, so the next run knows where to start. */
export interface StoredScope {
  decisionRuns: [number, number];
  orders: [number, number];
  sweepNext: number;
}

export function storedScope(s: AssertionScope): StoredScope {
  return { decisionRuns: [s.decisionRuns.after, s.decisionRuns.upTo], orders: [s.orders.after, s.orders.upTo], sweepNext: s.sweepNext };
}

function previousScope(details: string | undefined): StoredScope | null {
  if (!details) return null;
  try {
    const scope = (JSON.parse(details) as { scope?: StoredScope }).scope;
    const ok = scope && [...scope.decisionRuns, ...scope.orders, scope.sweepNext].every((v) => Number.isSafeInteger(v) && v >= 0);
    return ok ? scope : null;
  } catch {
    return null;
  }
}

function window(previousUpTo: number | undefined, highWater: number, batch: number): repo.RowRange {
  // a high-water mark below the previous window means rows were deleted: start again from the newest batch
  const after = previousUpTo !== undefined && previousUpTo <= highWater ? previousUpTo : Math.max(0, highWater - batch);
  return { after, upTo: Math.min(highWater, after + batch) };
}

export async function resolveScope(db: PrismaClient, limits: ScopeLimits = DEFAULT_SCOPE_LIMITS): Promise<AssertionScope> {
  const previous = previousScope((await repo.latestAssertionResult(db))?.details);
  const marks = await repo.highWaterMarks(db);
  const decisionRuns = window(previous?.decisionRuns[1], marks.decisionRuns, limits.runBatch);
  const orders = window(previous?.orders[1], marks.orders, limits.orderBatch);

  const touched = await repo.accountIdsOfOrdersIn(db, orders);
  let slice = await repo.accountsAfter(db, previous?.sweepNext ?? 0, limits.sweepAccounts);
  if (slice.length < limits.sweepAccounts && (previous?.sweepNext ?? 0) > 0) {
    // wrap around to the first accounts
    const seen = new Set(slice.map((a) => a.id));
    slice = [...slice, ...(await repo.accountsAfter(db, 0, limits.sweepAccounts - slice.length)).filter((a) => !seen.has(a.id))];
  }
  return {
    decisionRuns,
    orders,
    accountIds: [...new Set([...touched, ...slice.map((a) => a.id)])],
    sweepNext: slice.at(-1)?.seq ?? 0,
  };
}
