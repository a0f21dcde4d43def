/**
 * Errors of the product's rules. Services and domain code throw DomainError;
 * server/api maps the code to a tRPC error code (the only place TRPCError is used).
 */
export const DOMAIN_ERROR_CODES = [
  "VALIDATION_FAILED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "INSUFFICIENT_FUNDS",
  "IDEMPOTENCY_CONFLICT",
  "INVARIANT_VIOLATED",
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    /** The input field at fault, as a dotted path ("amount", "graph.blocks.0.lookback"). */
    public readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
