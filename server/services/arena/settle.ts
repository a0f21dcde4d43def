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
 * pays once. The split comes from the stakes per clone (kept with every purchase,
 * in its transaction); only the tickets of the clones that are paid are read, and
 * checked against those stakes. Inside the transaction the pool must agree three
 * ways (the clones' stakes, the race's total, the escrow's balance), or nothing is
 * paid.
 */
import { createHash } from "node:crypto";
import { breakageOf, planSettlement, type SettlementResult } from "@/lib/domain/parimutuel";
import { writeTransaction, type PrismaClient } from "@/server/db";
import * as arena from "@/server/repositories/arena";
import { writePayouts, type PayoutLeg, type TicketLegs } from "@/server/repositories/arena-ledger";

export interface SettleOutcome {
  settled: boolean;
  /** the split, with the payouts of the tickets that were paid (every other ticket was paid nothing) */
  result: (Omit<SettlementResult, "ticketPayouts"> & { ticketPayouts: { ticketId: string; payoutCents: number }[] }) | null;
}

/** Test seam: called between the writes, to prove a failure mid-way posts nothing. */
export interface SettleHooks {
  afterLedger?: () => void | Promise<void>;
}

export async function settleRace(db: PrismaClient, raceId: string, now: number, hooks: SettleHooks = {}): Promise<SettleOutcome> {
  const race = await arena.findRace(db, raceId);
  if (!race || race.status !== "SETTLING") return { settled: false, result: null };
  const entrants = await arena.raceEntrants(db, raceId);
  const unranked = entrants.find((e) => e.finalEquityCents === null);
  if (unranked) throw new Error(`Race #${race.number} cannot settle: ${unranked.name} has no final equity`);

  // the stakes per clone are kept with every purchase (in its transaction): they decide the split,
  // and only the tickets of clones that are paid need reading
  const plan = planSettlement(entrants.map((e) => ({ cloneId: e.cloneId, creatorId: e.creatorId, finalEquityCents: e.finalEquityCents! })), entrants.map((e) => e.stakeCents));
  const paid = entrants.filter((_, i) => plan.rates[i]);
  const rates = paid.map((e) => plan.rates[entrants.indexOf(e)]!);
  // the paid clones' tickets as columns, each paid floor(stake × its clone's rate)
  const tickets = await arena.ticketsToSettle(db, raceId, paid.map((e) => e.cloneId));
  const count = paid.map(() => 0);
  const staked = paid.map(() => 0);
  const payouts = new Array<number>(tickets.ids.length);
  let paidToTickets = 0;
  let paidTickets = 0;
  for (let i = 0; i < payouts.length; i++) {
    const c = tickets.clone[i]!;
    const stake = tickets.stakeCents[i]!;
    count[c]!++;
    staked[c]! += stake;
    const payout = rates[c]!.of(stake);
    payouts[i] = payout;
    paidToTickets += payout;
    if (payout > 0) paidTickets++;
  }
  // the tickets read are all of those clones' tickets, to the cent
  paid.forEach((e, c) => {
    if (count[c] !== e.ticketCount || staked[c] !== e.stakeCents) throw new Error(`Race #${race.number}: ${e.name}'s tickets (${count[c]}, ${staked[c]} cents) do not match its stakes (${e.ticketCount}, ${e.stakeCents} cents)`);
  });
  const breakageCents = breakageOf(plan, paidToTickets);
  const { rates: _rates, ...split } = plan;
  const ticketPayouts = tickets.ids.map((ticketId, i) => ({ ticketId, payoutCents: payouts[i]! }));
  const result = { ...split, breakageCents, ticketPayouts };

  const legs: PayoutLeg[] = [];
  if (result.grossCents > 0) legs.push({ code: `escrow:${raceId}`, kind: "RACE_POOL_ESCROW", userId: null, amountCents: -result.grossCents, ticketId: null });
  if (result.rakeCents > 0) legs.push({ code: "treasury", kind: "PROTOCOL_TREASURY", userId: null, amountCents: result.rakeCents, ticketId: null });
  for (const c of result.creatorPayouts) if (c.payoutCents > 0) legs.push({ code: `royalties:${c.creatorId}`, kind: "CREATOR_ROYALTIES", userId: c.creatorId, amountCents: c.payoutCents, ticketId: null });
  if (breakageCents > 0) legs.push({ code: "treasury", kind: "PROTOCOL_TREASURY", userId: null, amountCents: breakageCents, ticketId: null });
  // a wallet leg per ticket paid (a ticket floored to 0 gets no entry)
  const ticketLegs: TicketLegs = paidTickets === payouts.length
    ? { ticketIds: tickets.ids, userIds: tickets.userIds, amountCents: payouts }
    : { ticketIds: tickets.ids.filter((_, i) => payouts[i]! > 0), userIds: tickets.userIds.filter((_, i) => payouts[i]! > 0), amountCents: payouts.filter((p) => p > 0) };
  const summary = { ...split, breakageCents, ticketCount: race.ticketCount, paidTickets };

  const settled = await writeTransaction(db, async (tx) => {
    const moved = await tx.execute(`UPDATE "Race" SET "status" = 'SETTLED', "settledAtMs" = ?, "settlement" = ?, "updatedAt" = ? WHERE "id" = ? AND "status" = 'SETTLING'`, [
      BigInt(now), JSON.stringify(summary), new Date(), raceId,
    ]);
    if (moved !== 1) return false;
    // the pool three ways, each kept by every purchase's transaction: the race's total, the clones' stakes, the escrow's balance
    const [totals] = await tx.query<{ pool: unknown; escrow: unknown }>(
      `SELECT "poolCents" AS "pool", (SELECT "balanceCents" FROM "LedgerAccount" WHERE "code" = ?) AS "escrow" FROM "Race" WHERE "id" = ?`, [`escrow:${raceId}`, raceId]);
    if (Number(totals!.pool) !== result.grossCents || Number(totals!.escrow ?? 0) !== result.grossCents) {
      throw new Error(`Race #${race.number}'s pool does not add up: ${result.grossCents} cents staked on its clones, ${Number(totals!.pool)} in its total, ${Number(totals!.escrow ?? 0)} in escrow`);
    }
    if (legs.length) {
      await writePayouts(tx, {
        idempotencyKey: `race-settlement:${raceId}`, requestHash: createHash("sha256").update(JSON.stringify(summary)).digest("hex"),
        kind: "RACE_SETTLEMENT", memo: `Race #${race.number} settlement`, legs, tickets: ticketLegs,
      });
    }
    await hooks.afterLedger?.();
    for (const r of result.ranking) {
      await tx.execute(`UPDATE "RaceEntrant" SET "place" = ? WHERE "raceId" = ? AND "cloneId" = ?`, [r.place, raceId, r.cloneId]);
    }
    await tx.execute(`UPDATE "Race" SET "status" = 'ARCHIVED', "archivedAtMs" = ? WHERE "status" = 'SETTLED' AND "number" < ?`, [BigInt(now), race.number]);
    return true;
  });
  if (settled) console.info(`[arena] race #${race.number} settled: pool ${result.grossCents} cents, ${tickets.ids.length} ticket(s)${result.refund ? " (no paid place backed: distribution refunded)" : ""}`);
  return { settled, result: settled ? result : null };
}
