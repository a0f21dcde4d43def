/**
 * The Arena's money movements as plain SQL inside one writeTransaction each
 * (server/db/writer.ts): a ticket purchase (wallet -> race pool escrow, the ticket,
 * the race's running totals) and a race's payouts (escrow -> wallets, royalties,
 * treasury), written in bulk. Same double-entry rules as the ledger service:
 * every transaction's entries sum to zero, a debit is a conditional update so no
 * balance below zero, each entry records the balance after it.
 */
import { newId, type SqlTx } from "@/server/db";

const now = () => new Date();
const num = (v: unknown) => Number(v);

export interface PurchaseRow {
  ticketId: string;
  raceId: string;
  cloneId: string;
  userId: string;
  stakeCents: number;
  clientKey: string;
  idempotencyKey: string;
  requestHash: string;
  memo: string;
  launchAfterMs: number;
}

export type PurchaseWrite =
  | { ok: true; transactionId: string; walletBalanceCents: number }
  | { ok: false; refused: "race" | "funds" };

/**
 * The purchase's statements. Refusals (the race stopped accumulating, the wallet
 * does not cover the stake) are found by the conditional updates themselves and
 * returned before anything else is written; the caller rolls back.
 */
export async function writePurchase(tx: SqlTx, p: PurchaseRow): Promise<PurchaseWrite> {
  const entrant = await tx.query<{ id: string }>(
    `UPDATE "RaceEntrant" SET "stakeCents" = "stakeCents" + ?1, "ticketCount" = "ticketCount" + 1
     WHERE "raceId" = ?2 AND "cloneId" = ?3
       AND EXISTS (SELECT 1 FROM "Race" WHERE "id" = ?2 AND "status" = 'ACCUMULATING' AND "launchAtMs" > ?4)
     RETURNING "id"`,
    [BigInt(p.stakeCents), p.raceId, p.cloneId, BigInt(p.launchAfterMs)],
  );
  if (!entrant.length) return { ok: false, refused: "race" };
  const [wallet] = await tx.query<{ id: string; balanceCents: unknown }>(
    `UPDATE "LedgerAccount" SET "balanceCents" = "balanceCents" - ?1 WHERE "code" = ?2 AND "balanceCents" >= ?1 RETURNING "id", "balanceCents"`,
    [BigInt(p.stakeCents), `wallet:${p.userId}`],
  );
  if (!wallet) return { ok: false, refused: "funds" };
  const [escrow] = await tx.query<{ id: string; balanceCents: unknown }>(
    `INSERT INTO "LedgerAccount" ("id", "code", "kind", "userId", "allowNegative", "balanceCents", "createdAt") VALUES (?1, ?2, 'RACE_POOL_ESCROW', NULL, 0, ?3, ?4)
     ON CONFLICT ("code") DO UPDATE SET "balanceCents" = "balanceCents" + excluded."balanceCents" RETURNING "id", "balanceCents"`,
    [newId(), `escrow:${p.raceId}`, BigInt(p.stakeCents), now()],
  );
  const transactionId = newId();
  await tx.execute(
    `INSERT INTO "LedgerTransaction" ("id", "idempotencyKey", "requestHash", "kind", "memo", "actorId", "createdAt") VALUES (?, ?, ?, 'TICKET_PURCHASE', ?, ?, ?)`,
    [transactionId, p.idempotencyKey, p.requestHash, p.memo, p.userId, now()],
  );
  await tx.execute(
    `INSERT INTO "LedgerEntry" ("transactionId", "accountId", "amountCents", "balanceAfterCents", "ticketId", "createdAt") VALUES (?, ?, ?, ?, NULL, ?), (?, ?, ?, ?, NULL, ?)`,
    [transactionId, wallet.id, BigInt(-p.stakeCents), BigInt(num(wallet.balanceCents)), now(), transactionId, escrow!.id, BigInt(p.stakeCents), BigInt(num(escrow!.balanceCents)), now()],
  );
  await tx.execute(
    `INSERT INTO "Ticket" ("id", "raceId", "cloneId", "userId", "stakeCents", "clientKey", "transactionId", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [p.ticketId, p.raceId, p.cloneId, p.userId, BigInt(p.stakeCents), p.clientKey, transactionId, now()],
  );
  await tx.execute(`UPDATE "Race" SET "poolCents" = "poolCents" + ?, "ticketCount" = "ticketCount" + 1, "updatedAt" = ? WHERE "id" = ?`, [BigInt(p.stakeCents), now(), p.raceId]);
  return { ok: true, transactionId, walletBalanceCents: num(wallet.balanceCents) };
}

/** One leg of a race's payout transaction: an account by code, the amount, and the ticket it pays (wallet legs). */
export interface PayoutLeg {
  code: string;
  kind: "USER_WALLET" | "CREATOR_ROYALTIES" | "PROTOCOL_TREASURY" | "RACE_POOL_ESCROW";
  userId: string | null;
  amountCents: number;
  ticketId: string | null;
}

/** Rows per statement: passed as ONE JSON parameter and unpacked by json_each (no 30,000-placeholder statements to prepare). */
const CHUNK = 50_000;

/**
 * A race's settlement or refund as ONE ledger transaction with an entry per leg,
 * in order, each with the balance after it (an account's legs follow one another).
 * Accounts missing are created (a creator's first royalties); balances are read
 * and written once per account. The legs must sum to zero.
 */
export async function writePayouts(tx: SqlTx, t: { idempotencyKey: string; requestHash: string; kind: "RACE_SETTLEMENT" | "RACE_REFUND"; memo: string; legs: readonly PayoutLeg[] }): Promise<{ transactionId: string }> {
  const sum = t.legs.reduce((a, l) => a + l.amountCents, 0);
  if (sum !== 0) throw new Error(`The ${t.kind} legs sum to ${sum}, not 0`);
  const transactionId = newId();
  const at = now();
  await tx.execute(`INSERT INTO "LedgerTransaction" ("id", "idempotencyKey", "requestHash", "kind", "memo", "actorId", "createdAt") VALUES (?, ?, ?, ?, ?, NULL, ?)`, [
    transactionId, t.idempotencyKey, t.requestHash, t.kind, t.memo, at,
  ]);

  // the accounts with their balances; those missing (a creator's first royalties) are created
  const accounts = new Map<string, { id: string; balance: number; kind: PayoutLeg["kind"]; userId: string | null }>();
  for (const l of t.legs) if (!accounts.has(l.code)) accounts.set(l.code, { id: "", balance: 0, kind: l.kind, userId: l.userId });
  const codes = [...accounts.keys()];
  const load = async (list: string[]) => {
    for (let i = 0; i < list.length; i += CHUNK) {
      const rows = await tx.query<{ id: string; code: string; balanceCents: unknown }>(
        `SELECT a."id", a."code", a."balanceCents" FROM json_each(?) j JOIN "LedgerAccount" a ON a."code" = j."value"`, [JSON.stringify(list.slice(i, i + CHUNK))]);
      for (const r of rows) Object.assign(accounts.get(r.code)!, { id: r.id, balance: num(r.balanceCents) });
    }
  };
  await load(codes);
  const missing = codes.filter((c) => !accounts.get(c)!.id);
  for (let i = 0; i < missing.length; i += CHUNK) {
    const rows = missing.slice(i, i + CHUNK).map((code) => [newId(), code, accounts.get(code)!.kind, accounts.get(code)!.userId]);
    await tx.execute(
      `INSERT INTO "LedgerAccount" ("id", "code", "kind", "userId", "allowNegative", "balanceCents", "createdAt")
       SELECT json_extract("value", '$[0]'), json_extract("value", '$[1]'), json_extract("value", '$[2]'), json_extract("value", '$[3]'), 0, 0, ? FROM json_each(?)
       WHERE true ON CONFLICT ("code") DO NOTHING`,
      [at, JSON.stringify(rows)],
    );
  }
  if (missing.length) await load(missing);

  // the entries, each with its account's balance after it; no balance may end below zero
  const entries: [string, number, number, string | null][] = [];
  for (const l of t.legs) {
    const a = accounts.get(l.code)!;
    a.balance += l.amountCents;
    if (a.balance < 0) throw new Error(`The ${t.kind} would take ${l.code} below zero`);
    entries.push([a.id, l.amountCents, a.balance, l.ticketId]);
  }
  for (let i = 0; i < entries.length; i += CHUNK) {
    await tx.execute(
      `INSERT INTO "LedgerEntry" ("transactionId", "accountId", "amountCents", "balanceAfterCents", "ticketId", "createdAt")
       SELECT ?, json_extract("value", '$[0]'), json_extract("value", '$[1]'), json_extract("value", '$[2]'), json_extract("value", '$[3]'), ? FROM json_each(?)`,
      [transactionId, at, JSON.stringify(entries.slice(i, i + CHUNK))],
    );
  }
  const finals = [...accounts.values()].map((a) => [a.id, a.balance]);
  for (let i = 0; i < finals.length; i += CHUNK) {
    await tx.execute(
      `UPDATE "LedgerAccount" SET "balanceCents" = v."b"
       FROM (SELECT json_extract("value", '$[0]') AS "id", json_extract("value", '$[1]') AS "b" FROM json_each(?)) AS v WHERE "LedgerAccount"."id" = v."id"`,
      [JSON.stringify(finals.slice(i, i + CHUNK))],
    );
  }
  return { transactionId };
}
