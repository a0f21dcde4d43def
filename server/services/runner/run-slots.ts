/**
 * Running claimed slots: monitoring first (exits before new decisions), then the
 * decisions, every decision of one slot time reading the market through one shared
 * tick memo. A thrown error is retried with backoff within its slot; a slot that
 * fails for good counts towards stopping its pair (lib/domain/runner/slots.ts).
 * Finished slots are marked done in one statement at the end: if the worker dies
 * before that, the leases expire, another worker takes them over, and decide()
 * returns the stored runs (a slot is decided once whatever happens).
 */
import type { Clock } from "@/lib/domain/clock";
import { afterFailedSlot, afterSlotError, MONITOR_ASSET, MONITOR_EVERY_MS } from "@/lib/domain/runner/slots";
import type { RuntimeControls } from "@/lib/domain/runtime/controls";
import { GRANULARITY_MS } from "@/lib/domain/graph/vocabulary";
import type { PrismaClient } from "@/server/db";
import { providerFor, type ModelProvider } from "@/server/models";
import * as slots from "@/server/repositories/decision-slots";
import { cloneVersionUse } from "../decisions/clone-versions";
import { decide, type DecisionStatus } from "../decisions/decide";
import { DeferredRuns } from "../decisions/deferred-runs";
import { createTickMemo, type TickMemo } from "../market/tick-memo";
import { monitorAccounts, type MonitorResult } from "../paper/monitor";
import { findClone } from "@/server/repositories/clones";

export interface RunSlotsOptions {
  workerId: string;
  anthropicApiKey?: string;
  anthropicBaseUrl?: string;
  /** the provider for a clone; defaults to the one its graph names (tests inject failures here) */
  providerOf?: (providerName: ModelProvider["name"]) => ModelProvider;
  timeoutMs?: number;
  /** each clone's current version, when the caller already read them (the tick's plan) */
  versions?: ReadonlyMap<string, number>;
}

export interface SlotsReport {
  decided: Record<DecisionStatus | "replayed", number>;
  monitored: number;
  exits: number;
  errors: { slot: string; error: string; status: "RETRY" | "FAILED" }[];
}

export const emptySlotsReport = (): SlotsReport => ({ decided: { ACTION: 0, HOLD: 0, REJECTED: 0, NO_TRADE: 0, replayed: 0 }, monitored: 0, exits: 0, errors: [] });

export async function runClaimedSlots(
  db: PrismaClient,
  clock: Clock,
  claimed: readonly slots.ClaimedSlot[],
  controls: RuntimeControls,
  opts: RunSlotsOptions,
): Promise<SlotsReport> {
  const report = emptySlotsReport();
  const done: { id: string; decisionRunId: string | null }[] = [];
  const decided: { accountId: string; asset: string }[] = [];
  const providers = new Map<string, ModelProvider>();
  const providerFor_ = (name: ModelProvider["name"]) => {
    if (!providers.has(name)) providers.set(name, opts.providerOf?.(name) ?? providerFor(name, { anthropicApiKey: opts.anthropicApiKey, anthropicBaseUrl: opts.anthropicBaseUrl }));
    return providers.get(name)!;
  };
  const failed = async (slot: slots.ClaimedSlot, e: unknown, slotEndsMs: number) => {
    const now = clock.now().getTime();
    const error = e instanceof Error ? e.message : String(e);
    const next = afterSlotError({ attempts: slot.attempts, now, slotEndsMs });
    await slots.failSlot(db, { id: slot.id, owner: opts.workerId, now, status: next.status, nextAttemptMs: next.nextAttemptMs, error });
    report.errors.push({ slot: `${slot.accountId}/${slot.asset}@${new Date(slot.slotMs).toISOString()}`, error, status: next.status });
    if (slot.asset === MONITOR_ASSET) return;
    const state = await slots.findRunnerState(db, slot.accountId, slot.asset);
    const counted = next.status === "FAILED" ? afterFailedSlot(state?.consecutiveFailures ?? 0) : { status: "FAILING" as const, consecutiveFailures: state?.consecutiveFailures ?? 0 };
    await slots.saveRunnerState(db, { accountId: slot.accountId, asset: slot.asset, cloneId: slot.cloneId, ...counted, lastError: error, now, slotMs: slot.slotMs });
    console.error(`[runner] ${slot.cloneId} ${slot.asset} at ${new Date(slot.slotMs).toISOString()}: ${error} (${next.status === "RETRY" ? "will retry" : "slot failed"})`);
  };

  // every account's monitoring together: one market read per perp for the batch, one transaction per account
  const monitors = controls.killSwitch === "emergency" ? [] : claimed.filter((s) => s.asset === MONITOR_ASSET);
  if (monitors.length) {
    let results: Map<string, MonitorResult | Error>;
    try {
      results = await monitorAccounts(db, monitors.map((s) => s.accountId), clock.now().getTime());
    } catch (e) {
      results = new Map(monitors.map((s) => [s.accountId, e instanceof Error ? e : new Error(String(e))]));
    }
    for (const slot of monitors) {
      const result = results.get(slot.accountId)!;
      if (result instanceof Error) {
        await failed(slot, result, slot.slotMs + MONITOR_EVERY_MS);
        continue;
      }
      report.monitored++;
      report.exits += result.exits.length;
      done.push({ id: slot.id, decisionRunId: null });
    }
  }

  const ticks = new Map<number, TickMemo>();
  // runs without an order are stored together, before any slot is marked done (see DeferredRuns)
  const deferred = new DeferredRuns();
  const deferredSlots = new Map<string, { slot: slots.ClaimedSlot; status: DecisionStatus; cadenceMs: number }>();
  for (const slot of claimed.filter((s) => s.asset !== MONITOR_ASSET)) {
    if (controls.killSwitch === "emergency") break;
    let cadenceMs = MONITOR_EVERY_MS;
    try {
      const current = opts.versions?.get(slot.cloneId) ?? (await findClone(db, slot.cloneId))?.currentVersion;
      const version = current === undefined ? null : await cloneVersionUse(db, slot.cloneId, current);
      if (!version) throw new Error(`the clone ${slot.cloneId} has no version to decide with`);
      cadenceMs = GRANULARITY_MS[version.prompt.cadence];
      if (!ticks.has(slot.slotMs)) ticks.set(slot.slotMs, createTickMemo(db, slot.slotMs));
      const result = await decide(db, {
        accountId: slot.accountId, asset: slot.asset, decisionTime: slot.slotMs, provider: providerFor_(version.clone.provider),
        killSwitch: controls.killSwitch, limits: controls.limits, tick: ticks.get(slot.slotMs), timeoutMs: opts.timeoutMs, deferred,
      });
      if (deferred.has(result.runId)) {
        deferredSlots.set(result.runId, { slot, status: result.status, cadenceMs });
        continue;
      }
      report.decided[result.replayed ? "replayed" : result.status]++;
      done.push({ id: slot.id, decisionRunId: result.runId });
      decided.push(slot);
    } catch (e) {
      await failed(slot, e, slot.slotMs + cadenceMs);
    }
  }

  if (deferredSlots.size) {
    try {
      for (const [id, flushed] of await deferred.flush(db)) {
        const { slot, status } = deferredSlots.get(id)!;
        report.decided[flushed.replaced ? "replayed" : status]++;
        done.push({ id: slot.id, decisionRunId: flushed.runId });
        decided.push(slot);
      }
    } catch (e) {
      for (const { slot, cadenceMs } of deferredSlots.values()) await failed(slot, e, slot.slotMs + cadenceMs);
    }
  }

  const now = clock.now().getTime();
  await slots.completeSlots(db, { done, owner: opts.workerId, now });
  await slots.clearFailing(db, { pairs: decided, now });
  return report;
}
