import "server-only";
import { cache } from "react";
import { requestSessionUserId } from "@/server/auth/session-user";
import { createCaller } from "./root";
import { createContext } from "./trpc";

/** tRPC for React Server Components: the same procedures, called in-process. */
export const api = cache(async () =>
  createCaller(await createContext({ getSessionUserId: requestSessionUserId })),
);
