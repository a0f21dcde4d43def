import type { z } from "zod";
import { DomainError } from "@/lib/domain/errors";

/** The first zod issue as a DomainError naming its field (for services called outside tRPC). */
export function zodToDomainError(error: z.ZodError): DomainError {
  const issue = error.issues[0];
  return new DomainError("VALIDATION_FAILED", issue?.message ?? "Invalid input", issue?.path.join(".") || undefined);
}
