/**
 * The demo accounts the seed creates (credentials stated in the README). They are
 * ordinary accounts made through the sign-up use case, so each gets its wallet and
 * signup grant exactly as a real user does.
 */
import type { PrismaClient } from "@/server/db";
import { findUserByEmail, setUserRole } from "@/server/repositories/users";
import { signUp } from "./sign-up";

export const DEMO_PASSWORD = "clash-demo-2026";

export const DEMO_USERS = [
  { name: "Ada Admin", email: "admin@clash.local", role: "ADMIN" },
  { name: "Grace Trader", email: "grace@clash.local", role: "USER" },
  { name: "Linus Backer", email: "linus@clash.local", role: "USER" },
] as const;

export async function ensureDemoUsers(db: PrismaClient): Promise<{ created: string[]; existing: string[] }> {
  const created: string[] = [];
  const existing: string[] = [];
  for (const demo of DEMO_USERS) {
    let user = await findUserByEmail(db, demo.email);
    if (user) existing.push(demo.email);
    else {
      user = await signUp(db, { name: demo.name, email: demo.email, password: DEMO_PASSWORD }, []);
      created.push(demo.email);
    }
    if (user.role !== demo.role) await setUserRole(db, user.id, demo.role);
  }
  return { created, existing };
}
