/**
 * tRPC: context, procedures and error mapping. TRPCError is used here only;
 * services throw DomainError, which becomes the matching tRPC code with the
 * field it names, and zod input errors become field paths the forms can show.
 */
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { DomainError, type DomainErrorCode } from "@/lib/domain/errors";
import { GraphValidationError } from "@/lib/domain/graph/validate";
import { getDb, type PrismaClient } from "@/server/db";
import { findSessionUser } from "@/server/services/users/find-session-user";

export interface Context {
  db: PrismaClient;
  /** the user id from the session cookie (not yet checked against the database) */
  sessionUserId: string | null;
}

export async function createContext(opts: { getSessionUserId: () => Promise<string | null> }): Promise<Context> {
  return { db: getDb(), sessionUserId: await opts.getSessionUserId() };
}

const TRPC_CODE: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  VALIDATION_FAILED: "BAD_REQUEST",
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  INSUFFICIENT_FUNDS: "PRECONDITION_FAILED",
  IDEMPOTENCY_CONFLICT: "CONFLICT",
  INVARIANT_VIOLATED: "INTERNAL_SERVER_ERROR",
};

export type FieldErrors = Record<string, string[]>;

function fieldErrorsOf(cause: unknown): FieldErrors | null {
  if (cause instanceof ZodError) {
    const out: FieldErrors = {};
    for (const issue of cause.issues) (out[issue.path.join(".") || "_form"] ??= []).push(issue.message);
    return out;
  }
  // a graph names every block and field at fault, not just the first
  if (cause instanceof GraphValidationError) {
    const out: FieldErrors = {};
    for (const e of cause.errors) (out[`graph.${e.path}`] ??= []).push(e.message);
    return out;
  }
  if (cause instanceof DomainError && cause.field) return { [cause.field]: [cause.message] };
  return null;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const fieldErrors = fieldErrorsOf(cause);
    let message = shape.message;
    if (cause instanceof ZodError) message = cause.issues[0]?.message ?? "Invalid input";
    if (error.code === "INTERNAL_SERVER_ERROR" && process.env.NODE_ENV === "production") message = "Something went wrong on our side";
    return {
      ...shape,
      message,
      data: {
        ...shape.data,
        stack: process.env.NODE_ENV === "production" ? undefined : shape.data.stack,
        domainCode: cause instanceof DomainError ? cause.code : null,
        fieldErrors,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const user = ctx.sessionUserId ? await findSessionUser(ctx.sessionUserId, ctx.db) : null;
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  return next({ ctx: { ...ctx, user } });
});

export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "ADMIN") throw new TRPCError({ code: "FORBIDDEN", message: "Admins only" });
  return next({ ctx });
});
