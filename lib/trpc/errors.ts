import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/api/root";

export interface FormError {
  message: string;
  /** field path -> messages, as the server's error formatter reports them */
  fieldErrors: Record<string, string[]>;
  /** the tRPC error code ("CONFLICT", "BAD_REQUEST"), when the server answered */
  code?: string;
}

/** What a form shows for a failed mutation: a message and the fields at fault. */
export function toFormError(error: unknown): FormError {
  if (error instanceof TRPCClientError) {
    const e = error as TRPCClientError<AppRouter>;
    return { message: e.message, fieldErrors: e.data?.fieldErrors ?? {}, code: e.data?.code };
  }
  return { message: "Could not reach the server. Check your connection and try again.", fieldErrors: {} };
}
