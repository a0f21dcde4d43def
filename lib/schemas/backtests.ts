import { z } from "zod";

/** The window's rules (from < to, at most a year, in the past, with data) are the service's, whose errors name from or to. */
export const startBacktestInput = z.object({
  cloneId: z.string().min(1).max(64),
  asset: z.string().trim().min(1).max(24),
  from: z.date({ message: "From must be a date" }),
  to: z.date({ message: "To must be a date" }),
});

export const backtestIdInput = z.object({ id: z.string().min(1).max(64) });
