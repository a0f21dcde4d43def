/** zod schemas for the venues' numbers: decimal strings (".512", "0.58") and finite numbers both occur on the wire. */
import { z } from "zod";
import { parseDecimal } from "@/lib/domain/market/decimal";

export const decimal = z.union([z.string(), z.number()]).transform((value, ctx) => {
  try {
    return parseDecimal(value, "value");
  } catch {
    ctx.addIssue({ code: "custom", message: `expected a decimal number, got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
});

export const optionalDecimal = decimal.nullish().transform((v) => v ?? null);
