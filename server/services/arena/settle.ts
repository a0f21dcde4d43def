/**
 * Settling a race (PRODUCT.md §8): the exact parimutuel split of
 * lib/domain/parimutuel over the entrants' final equities and the tickets, posted
 * as ONE ledger transaction in ONE database transaction with the move from
 * SETTLING to SETTLED: the escrow pays out the whole pool as an entry per paid
 * ticket (naming it), per creator's royalties, the rake and the breakage to the
 * treasury. The places are kept on the entrants, the split on the race.
 *
 * Idempotent: the status move is the transaction's first statement and only one
 * settler can make it; a crash anywhere rolls everything back, and the re-run
 * pays once. The tickets are read before (a SETTLING race sells none) and checked
 * inside against the race's running totals (kept by each purchase's transaction),
 * so a mismatch stops the settlement rather than paying a stale set.
 */
import { createHash } from "node:crypto";
import { settleRace as split, type SettlementResult } from "@/lib/domain/parimutuel";
import { writeTransaction, type PrismaClient } from "@/server/db";
import * as arena from "@/server/repositories/arena";
import { writePayouts, type PayoutLeg } from "@/server/repositories/arena-ledger";

export interface SettleOutcome {
  settled: boolean;
  result: SettlementResult | null;
}

/** Test seam: called between the writes, to prove a failure mid-way posts nothing. */
export interface SettleHooks {
  afterLedger?: () => void | Promise<void>;
}

export async function settleRace(db: PrismaClient, raceId: string, now: number, hooks: SettleHooks = {}): Promise<SettleOutcome> {
  const race = await arena.findRace(db, raceId);
  if (!race || race.status !== "SETTLING") return { settled: false, result: null };
  const entrants = await arena.raceEntrants(db, raceId);
  const tickets = await arena.ticketsToSettle(db, raceId);
  const unranked = entrants.find((e) => e.finalEquityCents === null);
  if (unranked) throw new Error(`Race #${race.number} cannot settle: ${unranked.name} has no final equity`);
  const result = split({
    entrants: entrants.map((e) => ({ cloneId: e.cloneId, creatorId: e.creatorId, finalEquityCents: e.finalEquityCents! })),
    tickets: tickets.map((t) => ({ ticketId: t.id, cloneId: t.cloneId, userId: t.userId, stakeCents: t.stakeCents })),
  });

  const legs: PayoutLeg[] = [];
  if (result.grossCents > 0) legs.push({ code: `escrow:${raceId}`, kind: "RACE_POOL_ESCROW", userId: null, amountCents: -result.grossCents, ticketId: null });
  if (result.rakeCents > 0) legs.push({ code: "treasury", kind: "PROTOCOL_TREASURY", userId: null, amountCents: result.rakeCents, ticketId: null });
  for (const c of result.creatorPayouts) if (c.payoutCents > 0) legs.push({ code: `royalties:${c.creatorId}`, kind: "CREATOR_ROYALTIES", userId: c.creatorId, amountCents: c.payoutCents, ticketId: null });
  for (let i = 0; i < tickets.length; i++) {
    const paid = result.ticketPayouts[i]!.payoutCents;
    if (paid > 0) legs.push({ code: `wallet:${tickets[i]!.userId}`, kind: "USER_WALLET", userId: tickets[i]!.userId, amountCents: paid, ticketId: tickets[i]!.id });
  }
  if (result.breakageCents > 0) legs.push({ code: "treasury", kind: "PROTOCOL_TREASURY", userId: null, amountCents: result.breakageCents, ticketId: null });
  const summary = { ...result, ticketPayouts: undefined, ticketCount: tickets.length };

  const settled = await writeTransaction(db, async (tx) => {
    const moved = await tx.execute(`UPDATE "Race" SET "status" = 'SETTLED', "settledAtMs" = ?, "settlement" = ?, "updatedAt" = ? WHERE "id" = ? AND "status" = 'SETTLING'`, [
      BigInt(now), JSON.stringify(summary), new Date(), raceId,
    ]);
    if (moved !== 1) return false;
    // the race's running totals are kept by each purchase's own transaction: the tickets read are all of them
    const [totals] = await tx.query<{ n: unknown; s: unknown }>(`SELECT "ticketCount" AS "n", "poolCents" AS "s" FROM "Race" WHERE "id" = ?`, [raceId]);
    if (Number(totals!.n) !== tickets.length || Number(totals!.s) !== result.grossCents) {
      throw new Error(`Race #${race.number}'s tickets do not match its totals (${Number(totals!.n)} tickets and ${Number(totals!.s)} cents recorded, ${tickets.length} and ${result.grossCents} read)`);
    }
    if (legs.length) {
      await writePayouts(tx, {
        idempotencyKey: `race-settlement:${raceId}`, requestHash: createHash("sha256").update(JSON.stringify(summary)).digest("hex"),
        kind: "RACE_SETTLEMENT", memo: `Race #${race.number} settlement`, legs,
      });
    }
    await hooks.afterLedger?.();
    for (const r of result.ranking) {
      await tx.execute(`UPDATE "RaceEntrant" SET "place" = ? WHERE "raceId" = ? AND "cloneId" = ?`, [r.place, raceId, r.cloneId]);
    }
    await tx.execute(`UPDATE "Race" SET "status" = 'ARCHIVED', "archivedAtMs" = ? WHERE "status" = 'SETTLED' AND "number" < ?`, [BigInt(now), race.number]);
    return true;
  });
  if (settled) console.info(`[arena] race #${race.number} settled: pool ${result.grossCents} cents, ${tickets.length} ticket(s)${result.refund ? " (no paid place backed: distribution refunded)" : ""}`);
  return { settled, result: settled ? result : null };
}
