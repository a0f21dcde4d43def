import { DomainError } from "@/lib/domain/errors";
import { adminGrantPosting, checkAdminGrant } from "@/lib/domain/ledger/rules";
import type { PrismaClient } from "@/server/db";
import { findUserByEmail } from "@/server/repositories/users";
import { postLedger, type PostedTransaction } from "../ledger/post-ledger";

export interface GrantCreditsInput {
  actorId: string;
  email: string;
  amountCents: number;
  reason: string;
  /** one per grant the admin intends; a double-submitted form grants once */
  requestId: string;
}

export async function grantCredits(db: PrismaClient, input: GrantCreditsInput): Promise<PostedTransaction & { userId: string }> {
  checkAdminGrant(input.amountCents, input.reason);
  const user = await findUserByEmail(db, input.email.trim().toLowerCase());
  if (!user) throw new DomainError("NOT_FOUND", "No user has this email", "email");
  const posted = await postLedger(db, {
    posting: adminGrantPosting(user.id, input.amountCents, input.reason),
    idempotencyKey: `admin-grant:${input.requestId}`,
    actorId: input.actorId,
  });
  return { ...posted, userId: user.id };
}
