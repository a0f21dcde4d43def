import type { ReactNode } from "react";
import { requireAdmin } from "@/server/auth/guards";

/** Everything under /admin: signed-out users go to sign-in, non-admins get the 403 page. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin("/admin");
  return children;
}
