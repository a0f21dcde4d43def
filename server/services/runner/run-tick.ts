/**
 * One runner pass, the same from the embedded scheduler (every worker, every few
 * seconds) and from Inngest (the cron plans, one function per due asset decides):
 * read the runtime controls, flatten if asked, plan what is due, claim it, run it.
 * Leases make two workers split the work instead of doubling it.
 */
import type { Clock } from "@/lib/domain/clock";
import { LEASE_MS, MONITOR_ASSET, MONITOR_EVERY_MS, slotTime } from "@/lib/domain/runner/slots";
import type { KillSwitchLevel } from "@/lib/domain/risk/gates";
import type { PrismaClient } from "@/server/db";
import { claimSlots, type SlotRequest } from "@/server/repositories/decision-slots";
import { readRuntimeControls } from "../runtime/controls";
import { flattenOpenPositions } from "./flatten";
import { planDueSlots } from "./plan";
import { emptySlotsReport, runClaimedSlots, type RunSlotsOptions, type SlotsReport } from "./run-slots";

export interface TickReport extends SlotsReport {
  killSwitch: KillSwitchLevel;
  due: number;
  claimed: number;
  flattened: number;
  skipped: { paused: number; stopped: number };
}

export async function runDecisionTick(db: PrismaClient, clock: Clock, opts: RunSlotsOptions & { leaseMs?: number }): Promise<TickReport> {
  const controls = await readRuntimeControls(db);
  const flattened = controls.killSwitch === "flatten" ? (await flattenOpenPositions(db, clock.now().getTime())).closed : 0;
  const now = clock.now().getTime();
  const plan = await planDueSlots(db, now, controls);
  const due: SlotRequest[] = [...plan.monitors, ...plan.decisions.map(({ cadenceMs: _c, ...s }) => s)];
  // claimed a batch at a time, from a random starting point: two workers split a big tick instead of one taking it all
  const ran = emptySlotsReport();
  let claimedCount = 0;
  const rotate = <T>(list: T[]) => {
    const at = Math.floor(Math.random() * list.length);
    return [...list.slice(at), ...list.slice(0, at)];
  };
  // every account's monitoring (exits) before any decision
  const ordered = [...rotate(due.filter((d) => d.asset === MONITOR_ASSET)), ...rotate(due.filter((d) => d.asset !== MONITOR_ASSET))];
  for (let i = 0; i < ordered.length; i += CLAIM_BATCH) {
    const claimed = await claimSlots(db, { slots: ordered.slice(i, i + CLAIM_BATCH), owner: opts.workerId, now, leaseMs: opts.leaseMs ?? LEASE_MS });
    claimedCount += claimed.length;
    if (claimed.length) addReport(ran, await runClaimedSlots(db, clock, claimed, controls, { ...opts, versions: plan.versions }));
  }
  return { ...ran, killSwitch: controls.killSwitch, due: due.length, claimed: claimedCount, flattened, skipped: plan.skipped };
}

/** Slots claimed per statement: big enough to be cheap, small enough to share a tick between workers. */
const CLAIM_BATCH = 100;

function addReport(into: SlotsReport, r: SlotsReport) {
  for (const k of Object.keys(into.decided) as (keyof SlotsReport["decided"])[]) into.decided[k] += r.decided[k];
  into.monitored += r.monitored;
  into.exits += r.exits;
  into.errors.push(...r.errors);
}

/** What the Inngest cron sends: one event per due decision slot (monitoring rides along with the account's slots). */
export async function dueDecisionSlots(db: PrismaClient, clock: Clock) {
  const controls = await readRuntimeControls(db);
  const flattened = controls.killSwitch === "flatten" ? (await flattenOpenPositions(db, clock.now().getTime())).closed : 0;
  const plan = await planDueSlots(db, clock.now().getTime(), controls);
  return { flattened, slots: plan.decisions.map(({ cadenceMs: _c, ...s }) => s) };
}

/** One due slot (an Inngest function run): the account's monitoring for the minute, if no one did it yet, then the decision. */
export async function runDueSlot(db: PrismaClient, clock: Clock, slot: SlotRequest, opts: RunSlotsOptions & { leaseMs?: number }): Promise<SlotsReport & { claimed: number }> {
  const controls = await readRuntimeControls(db);
  const now = clock.now().getTime();
  if (controls.killSwitch === "emergency" || controls.pausedClones.has(slot.cloneId)) return { ...emptySlotsReport(), claimed: 0 };
  const monitor = { ...slot, asset: MONITOR_ASSET, slotMs: slotTime(now, MONITOR_EVERY_MS) };
  const claimed = await claimSlots(db, { slots: [monitor, slot], owner: opts.workerId, now, leaseMs: opts.leaseMs ?? LEASE_MS, retryNow: true });
  return { ...(await runClaimedSlots(db, clock, claimed, controls, opts)), claimed: claimed.filter((c) => c.asset !== MONITOR_ASSET).length };
}
