import { z } from "zod";
import { parseCredits } from "@/lib/domain/money";
import { MAX_REASON_LENGTH } from "@/lib/domain/ledger/rules";
import { emailSchema } from "./auth";

/** An amount of credits as a person types it ("25", "12.50"), parsed to cents. */
export const creditsAmount = z.string({ message: "Enter an amount" }).transform((value, ctx) => {
  const parsed = parseCredits(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  }
  return parsed.cents;
});

export const grantCreditsInput = z.object({
  email: emailSchema,
  amount: creditsAmount,
  reason: z
    .string({ message: "Give a reason" })
    .trim()
    .min(3, { message: "Give a reason (at least 3 characters)" })
    .max(MAX_REASON_LENGTH, { message: `Reason must be at most ${MAX_REASON_LENGTH} characters` }),
  requestId: z.uuid({ message: "requestId must be a UUID" }),
});

export const walletPageInput = z.object({ page: z.number().int().min(1).default(1) });
