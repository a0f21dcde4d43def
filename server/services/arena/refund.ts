/**
 * A cancelled race (fewer than 2 entrants at launch, or an operator's decision):
 * ONE transaction moves it to CANCELLED, refunds every ticket in full from the
 * race's escrow (a ledger transaction with an entry per ticket) and stops its race
 * accounts. The tickets are read inside it, after the status moved, so no purchase
 * can slip between. Running it twice refunds once (the status check, and the
 * ledger's idempotency key).
 */
import { createHash } from "node:crypto";
import { writeTransaction, type PrismaClient } from "@/server/db";
import * as arena from "@/server/repositories/arena";
import { writePayouts, type PayoutLeg } from "@/server/repositories/arena-ledger";

export async function refundRace(db: PrismaClient, raceId: string, r: { reason: string; now: number }): Promise<boolean> {
  const race = await arena.findRace(db, raceId);
  if (!race) return false;
  const refunded = await writeTransaction(db, async (tx) => {
    const moved = await tx.execute(
      `UPDATE "Race" SET "status" = 'CANCELLED', "cancelledAtMs" = ?, "cancelReason" = ?, "updatedAt" = ? WHERE "id" = ? AND "status" IN ('ACCUMULATING', 'LAUNCHED', 'LIVE')`,
      [BigInt(r.now), r.reason, new Date(), raceId],
    );
    if (moved !== 1) return null;
    const tickets = await tx.query<{ id: string; userId: string; stakeCents: unknown }>(`SELECT "id", "userId", "stakeCents" FROM "Ticket" WHERE "raceId" = ? ORDER BY "createdAt", "id"`, [raceId]);
    const legs: PayoutLeg[] = tickets.map((t) => ({ code: `wallet:${t.userId}`, kind: "USER_WALLET", userId: t.userId, amountCents: Number(t.stakeCents), ticketId: t.id }));
    const total = legs.reduce((a, l) => a + l.amountCents, 0);
    if (total > 0) {
      legs.unshift({ code: `escrow:${raceId}`, kind: "RACE_POOL_ESCROW", userId: null, amountCents: -total, ticketId: null });
      await writePayouts(tx, {
        idempotencyKey: `race-refund:${raceId}`, requestHash: createHash("sha256").update(JSON.stringify(legs)).digest("hex"),
        kind: "RACE_REFUND", memo: `Race #${race.number} cancelled: refund`, legs,
      });
    }
    await tx.execute(`UPDATE "PaperAccount" SET "closedAt" = ? WHERE "closedAt" IS NULL AND "id" IN (SELECT "accountId" FROM "RaceEntrant" WHERE "raceId" = ?)`, [new Date(r.now), raceId]);
    return tickets.length;
  });
  if (refunded === null) return false;
  console.warn(`[arena] race #${race.number} cancelled (${r.reason}): ${refunded} ticket(s) refunded in full`);
  return true;
}
