/**
 * Every event the product sends or handles, with its payload schema. Functions
 * trigger on these objects and senders build events from them, so a payload that
 * does not match is refused at the edge.
 */
import { eventType } from "inngest";
import { z } from "zod";

/** Ask for a ledger audit now (e.g. after an incident), besides the cron. */
export const ledgerAuditRequested = eventType("ledger/audit.requested", {
  schema: z.object({ reason: z.string().min(1).max(200) }),
});

/** One due decision slot: the clone decides this asset at slotMs (sent by the decisions-tick cron). */
export const decisionSlotDue = eventType("clone/asset.due", {
  schema: z.object({
    accountId: z.string().min(1).max(64),
    cloneId: z.string().min(1).max(64),
    asset: z.string().min(1).max(40),
    slotMs: z.number().int().nonnegative(),
  }),
});

/** A race opened for tickets: its race-lifecycle function runs it to the end (sent by the arena-open cron, its id the race). */
export const raceOpened = eventType("arena/race.opened", {
  schema: z.object({ raceId: z.string().min(1).max(64) }),
});
