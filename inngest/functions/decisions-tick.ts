import { cron } from "inngest";
import { systemClock, type Clock } from "@/lib/domain/clock";
import { getDb, type PrismaClient } from "@/server/db";
import { dueDecisionSlots } from "@/server/services/runner/run-tick";
import { inngest } from "../client";
import { decisionSlotDue } from "../events";

/**
 * Every minute: flatten when the kill switch says so, then one event per due
 * decision slot. The event id is the slot, so a re-run of this cron sends nothing
 * twice (Inngest deduplicates by id); the decide-asset function does the work.
 */
export function createDecisionsTickFunction(db: () => PrismaClient = getDb, clock: Clock = systemClock) {
  return inngest.createFunction(
    { id: "decisions-tick", name: "Plan due decisions", triggers: [cron("* * * * *")], concurrency: { limit: 1 }, retries: 2 },
    async ({ step }) => {
      const due = await step.run("plan-due-slots", () => dueDecisionSlots(db(), clock));
      if (due.slots.length > 0) {
        await step.sendEvent("send-due-slots", due.slots.map((s) => decisionSlotDue.create(s, { id: `slot:${s.accountId}:${s.asset}:${s.slotMs}` })));
      }
      return { flattened: due.flattened, sent: due.slots.length };
    },
  );
}

export const decisionsTick = createDecisionsTickFunction();
