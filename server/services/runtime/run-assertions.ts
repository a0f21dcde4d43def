/**
 * The runtime assertions (PRODUCT.md §5), run continuously by the scheduler: every
 * assertion is checked over what changed since the previous run (assertion-scope.ts),
 * one AssertionResult is written per assertion, and any failure trips the kill
 * switch to pause with a reason naming the assertions and what failed on what.
 * An assertion that cannot run (its read throws) counts as failed: an invariant
 * nobody could check is not known to hold, and the breaker fails closed.
 */
import { systemClock, type Clock } from "@/lib/domain/clock";
import { ASSERTION_DESCRIPTIONS, ASSERTION_NAMES, outcome, type AssertionName, type AssertionOutcome } from "@/lib/domain/runtime/assertions";
import type { KillSwitchLevel } from "@/lib/domain/risk/gates";
import type { PrismaClient } from "@/server/db";
import * as repo from "@/server/repositories/assertions";
import { CHECKS } from "./assertion-checks";
import { DEFAULT_SCOPE_LIMITS, resolveScope, storedScope, type ScopeLimits } from "./assertion-scope";
import { tripBreaker } from "./controls";

export interface AssertionRunResult {
  assertion: AssertionName;
  ok: boolean;
  message: string;
  checked: number;
  durationMs: number;
}

export interface RuntimeAssertionsReport {
  ok: boolean;
  checkedAt: Date;
  results: AssertionRunResult[];
  /** set when an assertion failed: whether this run raised the kill switch, and its level now */
  breaker: { tripped: boolean; level: KillSwitchLevel } | null;
}

function couldNotRun(e: unknown): AssertionOutcome {
  const error = e instanceof Error ? e.message : String(e);
  return outcome(0, [{ message: `could not run: ${error.split("\n")[0]}`, record: { error: error.slice(0, 500) } }]);
}

/** The breaker's reason: the failed assertions' names first (they survive truncation), then what failed. */
export function breakerReason(failed: readonly Pick<AssertionRunResult, "assertion" | "message">[]): string {
  const names = failed.map((f) => f.assertion).join(", ");
  return `Runtime assertion${failed.length > 1 ? "s" : ""} failed (${names}): ${failed.map((f) => `${f.assertion}: ${f.message}`).join("; ")}`;
}

export async function runRuntimeAssertions(
  db: PrismaClient,
  clock: Clock = systemClock,
  limits: ScopeLimits = DEFAULT_SCOPE_LIMITS,
): Promise<RuntimeAssertionsReport> {
  const checkedAt = clock.now();
  const scope = await resolveScope(db, limits);
  const results: AssertionRunResult[] = [];
  for (const assertion of ASSERTION_NAMES) {
    const started = clock.now().getTime();
    let result: AssertionOutcome;
    try {
      result = await CHECKS[assertion](db, scope, clock);
    } catch (e) {
      result = couldNotRun(e);
    }
    const durationMs = Math.max(0, clock.now().getTime() - started);
    await repo.insertAssertionResult(db, {
      assertion, ok: result.ok, message: result.message, checkedAt, durationMs,
      details: { ...result.details, scope: storedScope(scope) },
    });
    results.push({ assertion, ok: result.ok, message: result.message, checked: result.details.checked, durationMs });
  }

  const failed = results.filter((r) => !r.ok);
  if (failed.length === 0) return { ok: true, checkedAt, results, breaker: null };
  const reason = breakerReason(failed);
  console.error(`[runtime-assertions] ${reason}`);
  const breaker = await tripBreaker(db, { reason });
  return { ok: false, checkedAt, results, breaker };
}

export interface AssertionBoardRow {
  assertion: AssertionName;
  description: string;
  /** null until the assertion has run */
  latest: { ok: boolean; message: string; checkedAt: Date; durationMs: number } | null;
}

/** The latest result of each assertion, in a fixed order: the admin board's rows. */
export async function assertionBoard(db: PrismaClient): Promise<AssertionBoardRow[]> {
  return Promise.all(
    ASSERTION_NAMES.map(async (assertion) => {
      const row = await repo.latestResultOf(db, assertion);
      return {
        assertion,
        description: ASSERTION_DESCRIPTIONS[assertion],
        latest: row && { ok: row.ok, message: row.message, checkedAt: row.checkedAt, durationMs: row.durationMs },
      };
    }),
  );
}
