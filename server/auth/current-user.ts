import "server-only";
import { cache } from "react";
import { requestSessionUserId } from "./session-user";
import { findSessionUser } from "@/server/services/users/find-session-user";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: "USER" | "ADMIN";
}

/**
 * The signed-in user, read fresh from the database (so a demoted admin or a deleted
 * account loses access at once, whatever the JWT still says). null when signed out.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const id = await requestSessionUserId();
  if (!id) return null;
  return findSessionUser(id);
});
