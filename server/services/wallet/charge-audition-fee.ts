import { auditionFeePosting } from "@/lib/domain/ledger/rules";
import type { PrismaClient } from "@/server/db";
import { postLedger, type PostedTransaction } from "../ledger/post-ledger";

/**
 * Debits the Audition Fee from the creator's wallet into the protocol treasury.
 * `auditionId` makes it idempotent: one fee per audition, however often retried.
 */
export function chargeAuditionFee(
  db: PrismaClient,
  input: { userId: string; auditionId: string; cloneName: string },
): Promise<PostedTransaction> {
  return postLedger(db, {
    posting: auditionFeePosting(input.userId, input.cloneName),
    idempotencyKey: `audition-fee:${input.auditionId}`,
    actorId: input.userId,
  });
}
