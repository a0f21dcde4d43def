import { z } from "zod";
import { KILL_SWITCH_LEVELS } from "@/lib/domain/risk/gates";
import { GLOBAL_LIMIT_NAMES } from "@/lib/domain/runtime/controls";

const reason = z.string().trim().min(3, { message: "Give a reason (at least 3 characters)" }).max(500, { message: "Keep the reason under 500 characters" });

export const setKillSwitchInput = z.object({
  level: z.enum(KILL_SWITCH_LEVELS, { message: `Level must be one of ${KILL_SWITCH_LEVELS.join(", ")}` }),
  reason,
});

export const setClonePausedInput = z.object({ cloneId: z.string().min(1).max(64), paused: z.boolean(), reason });

export const setGlobalLimitInput = z.object({
  name: z.enum(GLOBAL_LIMIT_NAMES as [string, ...string[]], { message: `Limit must be one of ${GLOBAL_LIMIT_NAMES.join(", ")}` }),
  // checked against the limit's range by the service, which names the range in its message
  value: z.union([z.number(), z.string().max(32)]),
  reason,
});

export const controlChangesInput = z.object({ page: z.number().int().min(1).default(1) });
