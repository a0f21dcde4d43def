import { signInInput } from "@/lib/schemas/auth";
import { getEnv } from "@/lib/env";
import { dummyPasswordHash, verifyPassword } from "@/server/auth/password";
import type { PrismaClient } from "@/server/db";
import { findCredentialsByEmail, setUserRole } from "@/server/repositories/users";

/**
 * The user for an email and password, or null. Emails in ADMIN_EMAILS are promoted
 * to admin when they sign in (the list can change after sign-up).
 */
export async function verifyCredentials(db: PrismaClient, raw: unknown, adminEmails = getEnv().ADMIN_EMAILS) {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await findCredentialsByEmail(db, email);
  if (!user) {
    await verifyPassword(password, await dummyPasswordHash());
    return null;
  }
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  const { passwordHash: _omit, ...safe } = user;
  if (safe.role !== "ADMIN" && adminEmails.includes(safe.email)) return setUserRole(db, safe.id, "ADMIN");
  return safe;
}
