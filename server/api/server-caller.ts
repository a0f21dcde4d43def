import "server-only";
import { cache } from "react";
import { auth } from "@/server/auth/auth";
import { createCaller } from "./root";
import { createContext } from "./trpc";

/** tRPC for React Server Components: the same procedures, called in-process. */
export const api = cache(async () =>
  createCaller(await createContext({ getSessionUserId: async () => (await auth())?.user?.id ?? null })),
);
