/**
 * Buying a ticket (PRODUCT.md §8): the wallet debit into the race's pool escrow,
 * the ledger transaction, the ticket and the race's running totals are written
 * together or not at all, in a group commit shared with concurrent purchases
 * (purchase-batch.ts, server/repositories/arena-purchases.ts). Refused,
 * with the reason and nothing written: outside ACCUMULATING (or once its launch
 * time has passed), above the balance, on a clone not entered, a stake outside
 * 1 to 1,000 credits. Idempotent by the buyer's client key: a retry returns the
 * first ticket; the same key for another purchase is refused.
 */
import { createHash } from "node:crypto";
import { DomainError } from "@/lib/domain/errors";
import { formatCredits } from "@/lib/domain/money";
import { checkClientKey, checkStake, ticketsClosedReason } from "@/lib/domain/race/tickets";
import { isUniqueViolation, newId, type PrismaClient } from "@/server/db";
import * as arena from "@/server/repositories/arena";
import { submitPurchase } from "./purchase-batch";

export interface BuyTicketRequest {
  userId: string;
  raceId: string;
  cloneId: string;
  stakeCents: number;
  clientKey: string;
}

export interface BoughtTicket {
  ticketId: string;
  raceId: string;
  cloneId: string;
  stakeCents: number;
  /** true when the key had bought this ticket before: nothing new was written */
  replayed: boolean;
}

export async function buyTicket(db: PrismaClient, req: BuyTicketRequest, now: number = Date.now()): Promise<BoughtTicket> {
  const stakeCents = checkStake(req.stakeCents);
  const clientKey = checkClientKey(req.clientKey);
  const inputs = await arena.purchaseInputs(db, { userId: req.userId, clientKey, raceId: req.raceId, cloneId: req.cloneId });
  if (inputs.ticket) return replayOf(inputs.ticket, req, stakeCents);

  const { race } = inputs;
  if (!race) throw new DomainError("NOT_FOUND", "There is no such race", "raceId");
  const closed = ticketsClosedReason(race, now);
  if (closed) throw new DomainError("CONFLICT", closed, "raceId");
  if (inputs.entrantName === null) throw new DomainError("VALIDATION_FAILED", `That clone is not entered in Race #${race.number}`, "cloneId");

  const ticketId = newId();
  try {
    // in the next group commit: all of this purchase or none of it
    const w = await submitPurchase(db, {
      ticketId, raceId: race.id, cloneId: req.cloneId, userId: req.userId, stakeCents, clientKey,
      idempotencyKey: `ticket:${req.userId}:${clientKey}`, requestHash: requestHash(race.id, req.cloneId, stakeCents),
      memo: `Ticket on ${inputs.entrantName} in Race #${race.number}`, launchAfterMs: now,
    });
    // a refusal found under the write lock (nothing of it was kept)
    if (!w.ok) throw new Refused(w.refused);
    return { ticketId, raceId: race.id, cloneId: req.cloneId, stakeCents, replayed: false };
  } catch (e) {
    if (e instanceof Refused && e.why !== "duplicate") throw await refusal(db, e.why, req, stakeCents, race.number);
    // the same key bought concurrently (two tabs, a retry racing the first request): that ticket is the answer
    if ((e instanceof Refused && e.why === "duplicate") || isUniqueViolation(e)) {
      const winner = (await arena.purchaseInputs(db, { userId: req.userId, clientKey, raceId: req.raceId, cloneId: req.cloneId })).ticket;
      if (winner) return replayOf(winner, req, stakeCents);
    }
    throw e instanceof Refused ? new Error(`The key ${clientKey} was used, but no ticket of this user has it`) : e;
  }
}

class Refused extends Error {
  constructor(readonly why: "race" | "funds" | "duplicate") {
    super(why);
  }
}

async function refusal(db: PrismaClient, why: "race" | "funds", req: BuyTicketRequest, stakeCents: number, raceNumber: number): Promise<DomainError> {
  if (why === "race") return new DomainError("CONFLICT", `Race #${raceNumber} is no longer accumulating: tickets are closed`, "raceId");
  const { balanceCents } = await arena.purchaseInputs(db, { userId: req.userId, clientKey: "", raceId: req.raceId, cloneId: req.cloneId });
  return new DomainError("INSUFFICIENT_FUNDS", `Not enough credits: ${formatCredits(stakeCents)} needed, ${formatCredits(balanceCents)} available`, "stakeCents");
}

function requestHash(raceId: string, cloneId: string, stakeCents: number): string {
  return createHash("sha256").update(JSON.stringify({ raceId, cloneId, stakeCents })).digest("hex");
}

function replayOf(t: { id: string; raceId: string; cloneId: string; stakeCents: number }, req: BuyTicketRequest, stakeCents: number): BoughtTicket {
  if (t.raceId !== req.raceId || t.cloneId !== req.cloneId || t.stakeCents !== stakeCents) {
    throw new DomainError("IDEMPOTENCY_CONFLICT", "This request key already bought a different ticket", "clientKey");
  }
  return { ticketId: t.id, raceId: t.raceId, cloneId: t.cloneId, stakeCents: t.stakeCents, replayed: true };
}
