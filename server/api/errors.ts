import { TRPCError } from "@trpc/server";

/** For pages calling procedures in-process: a NOT_FOUND answer becomes the 404 page. */
export function isNotFound(e: unknown): boolean {
  return e instanceof TRPCError && e.code === "NOT_FOUND";
}
