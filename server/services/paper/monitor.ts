/**
 * Watching open positions between decisions: every stored 1-minute bar since the
 * position was last updated goes through the stop-loss / take-profit / trailing
 * stop rules, and every funding hour crossed books its payment, in time order, so
 * nothing accrues after an exit.
 *
 * The rules are the backtest's own (lib/domain/backtest/monitor-step.ts) over the
 * same market memory, read once per perp for all the accounts monitored together
 * (a runner batch): its minutes since the oldest position's last update, its
 * funding hours and tops of book. Each account's changes (exit orders and fills,
 * positions, funding and fees) are then one transaction. A position saved by
 * someone else since it was read (a close signal in another worker) makes that
 * account's transaction roll back with a CONFLICT, to be redone from a fresh read.
 */
import { monitorStep } from "@/lib/domain/backtest/monitor-step";
import type { AccountState } from "@/lib/domain/backtest/decision-step";
import type { PerpSeries } from "@/lib/domain/backtest/series";
import { HOUR_MS } from "@/lib/domain/paper/position";
import type { LedgerDelta, Position } from "@/lib/domain/paper/position-types";
import { writeTransaction, type PrismaClient } from "@/server/db";
import { loadPerpSeries } from "@/server/repositories/market/backtest-series";
import * as paper from "@/server/repositories/paper";

const M = 60_000;

export interface MonitorResult {
  exits: { positionId: string; reason: string; price: number }[];
  fundingHours: number;
}

export async function monitorAccount(db: PrismaClient, accountId: string, until: number): Promise<MonitorResult> {
  const result = (await monitorAccounts(db, [accountId], until)).get(accountId)!;
  if (result instanceof Error) throw result;
  return result;
}

/** Monitors every account given up to `until`; per account its result, or the error that left it unchanged. */
export async function monitorAccounts(db: PrismaClient, accountIds: readonly string[], until: number): Promise<Map<string, MonitorResult | Error>> {
  const open = await paper.monitoredPositions(db, accountIds);
  const perps = await perpSeriesFor(db, [...open.values()].flat(), until);
  const results = new Map<string, MonitorResult | Error>();
  for (const accountId of accountIds) {
    const result: MonitorResult = { exits: [], fundingHours: 0 };
    const changes: { stored: paper.StoredPosition; position: Position; exit: ReturnType<typeof monitorStep>["exit"] }[] = [];
    // the account's totals start at zero here, so after the steps they hold the delta to book
    const delta: AccountState = { startMicro: 0, realizedMicro: 0, feesMicro: 0, fundingMicro: 0, peakEquityMicro: 0, dayStartEquityMicro: 0, dayStartMs: 0 };
    for (const stored of open.get(accountId) ?? []) {
      const perp = perps.get(stored.position.asset);
      if (!perp) continue;
      const watched = monitorStep(perp, delta, stored.position, until);
      result.fundingHours += watched.fundingHours;
      if (watched.exit) result.exits.push({ positionId: stored.id, reason: watched.exit.position.exitReason!, price: watched.exit.fill.price });
      if (watched.position !== stored.position) changes.push({ stored, position: watched.position, exit: watched.exit });
    }
    if (!changes.length) {
      results.set(accountId, result);
      continue;
    }
    try {
      await writeTransaction(db, async (tx) => {
        for (const { stored, position, exit } of changes) {
          if (exit) {
            await paper.insertOrderWithFill(tx, {
              accountId, decisionRunId: null, clientKey: `${stored.id}:exit`, asset: position.asset,
              purpose: position.exitTrigger!.kind.toUpperCase(), reduceOnly: true, fill: exit.fill,
            });
          }
          await paper.savePosition(tx, stored.id, position, stored.position);
        }
        await paper.bookAccountDelta(tx, accountId, delta satisfies LedgerDelta);
      });
      results.set(accountId, result);
    } catch (e) {
      results.set(accountId, e instanceof Error ? e : new Error(String(e)));
    }
  }
  return results;
}

/**
 * Per perp, market memory from the earliest minute any of its positions still needs
 * (the first bar after its last update, or the mark of its next funding hour) up to
 * `until`: one read per perp, whatever the number of positions.
 */
async function perpSeriesFor(db: PrismaClient, positions: readonly paper.StoredPosition[], until: number): Promise<Map<string, PerpSeries>> {
  const from = new Map<string, number>();
  for (const { position: p } of positions) {
    const needs = Math.min(Math.ceil((p.updatedAt + 1) / M) * M, p.fundingThroughHour + HOUR_MS - M);
    from.set(p.asset, Math.min(from.get(p.asset) ?? Infinity, needs));
  }
  const out = new Map<string, PerpSeries>();
  for (const [symbol, start] of from) {
    if (start >= until) continue;
    const series = await loadPerpSeries(db, symbol, start, until, { minutes: 0, funding: 1, contexts: 0 });
    if (series) out.set(symbol, series);
  }
  return out;
}
