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

/** Wallet legs as columns, one per ticket paid: its buyer's wallet (wallet:<userId>) gets amountCents naming the ticket. */
export interface TicketLegs {
  ticketIds: readonly string[];
  userIds: readonly string[];
  amountCents: ArrayLike<number>;
}

/** Rows per statement: passed as ONE JSON parameter and unpacked by json_each (no 30,000-placeholder statements to prepare). */
const CHUNK = 50_000;
/** Ticket legs written per statement, each group in its accounts' order (see writePayouts); under 2^20 */
const TICKET_GROUP = 50_000;

/**
 * A race's settlement or refund as ONE ledger transaction with an entry per leg,
 * then one per ticket leg, each with the balance after it (an account's entries
 * follow one another in id order). Accounts missing are created (a creator's
 * first royalties); balances are read and written once per account. The legs
 * must sum to zero.
 *
 * The ticket legs go in groups of TICKET_GROUP in the order given, each group in
 * its accounts' id order: a million entries to tens of thousands of wallets in
 * the order the tickets were bought land on random pages of the ledger's account
 * index, and SQLite's page cache (2 MB) spills and re-reads them (the insert took
 * about 1.6 times as long); grouped, each statement sweeps that index once while the
 * ticket index, given the tickets by id, still grows at its end.
 */
export async function writePayouts(
  tx: SqlTx,
  t: {
    idempotencyKey: string; requestHash: string; kind: "RACE_SETTLEMENT" | "RACE_REFUND"; memo: string; legs: readonly PayoutLeg[]; tickets?: TicketLegs;
    /** ticket legs per statement (tests: several groups from a few tickets) */
    ticketGroup?: number;
  },
): Promise<{ transactionId: string }> {
  const tickets = t.tickets ?? { ticketIds: [], userIds: [], amountCents: [] };
  const n = tickets.ticketIds.length;
  let sum = t.legs.reduce((a, l) => a + l.amountCents, 0);
  for (let i = 0; i < n; i++) sum += tickets.amountCents[i]!;
  if (sum !== 0) throw new Error(`The ${t.kind} legs sum to ${sum}, not 0`);
  const transactionId = newId();
  const at = now();
  await tx.execute(`INSERT INTO "LedgerTransaction" ("id", "idempotencyKey", "requestHash", "kind", "memo", "actorId", "createdAt") VALUES (?, ?, ?, ?, ?, NULL, ?)`, [
    transactionId, t.idempotencyKey, t.requestHash, t.kind, t.memo, at,
  ]);

  // the accounts, each once, as slots: the legs' by code, the ticket legs' wallets by user
  const codes: string[] = [];
  const kinds: PayoutLeg["kind"][] = [];
  const owners: (string | null)[] = [];
  const slotOfCode = new Map<string, number>();
  const slot = (code: string, kind: PayoutLeg["kind"], userId: string | null) => {
    let s = slotOfCode.get(code);
    if (s === undefined) {
      slotOfCode.set(code, (s = codes.length));
      codes.push(code);
      kinds.push(kind);
      owners.push(userId);
    }
    return s;
  };
  const legSlots = t.legs.map((l) => slot(l.code, l.kind, l.userId));
  const slotOfUser = new Map<string, number>();
  const ticketSlots = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const userId = tickets.userIds[i]!;
    let s = slotOfUser.get(userId);
    if (s === undefined) slotOfUser.set(userId, (s = slot(`wallet:${userId}`, "USER_WALLET", userId)));
    ticketSlots[i] = s;
  }

  // their ids and balances, read by code; those missing (a creator's first royalties) are created, then read
  const ids = new Array<string>(codes.length).fill("");
  const balances = new Array<number>(codes.length).fill(0);
  const load = async (list: number[]) => {
    for (let i = 0; i < list.length; i += CHUNK) {
      const part = list.slice(i, i + CHUNK);
      const [row] = await tx.query<{ rows: string }>(
        `SELECT json_group_array(json_array(j."key", a."id", a."balanceCents")) AS "rows" FROM json_each(?) j JOIN "LedgerAccount" a ON a."code" = j."value"`,
        [JSON.stringify(part.map((s) => codes[s]))]);
      for (const [k, id, balance] of JSON.parse(row!.rows) as [number, string, number][]) {
        ids[part[k]!] = id;
        balances[part[k]!] = balance;
      }
    }
  };
  await load(codes.map((_, s) => s));
  const missing = codes.flatMap((_, s) => (ids[s] ? [] : [s]));
  for (let i = 0; i < missing.length; i += CHUNK) {
    const rows = missing.slice(i, i + CHUNK).map((s) => [newId(), codes[s], kinds[s], owners[s]]);
    await tx.execute(
      `INSERT INTO "LedgerAccount" ("id", "code", "kind", "userId", "allowNegative", "balanceCents", "createdAt")
       SELECT json_extract("value", '$[0]'), json_extract("value", '$[1]'), json_extract("value", '$[2]'), json_extract("value", '$[3]'), 0, 0, ? FROM json_each(?)
       WHERE true ON CONFLICT ("code") DO NOTHING`,
      [at, JSON.stringify(rows)],
    );
  }
  if (missing.length) await load(missing);

  // the entries, each with its account's balance after it; no balance may end below zero
  const credit = (s: number, amountCents: number) => {
    const balance = (balances[s] = balances[s]! + amountCents);
    if (balance < 0) throw new Error(`The ${t.kind} would take ${codes[s]} below zero`);
    return balance;
  };
  const insert = (rows: unknown[][]) =>
    tx.execute(
      `INSERT INTO "LedgerEntry" ("transactionId", "accountId", "amountCents", "balanceAfterCents", "ticketId", "createdAt")
       SELECT ?, json_extract("value", '$[0]'), json_extract("value", '$[1]'), json_extract("value", '$[2]'), json_extract("value", '$[3]'), ? FROM json_each(?)`,
      [transactionId, at, JSON.stringify(rows)],
    );
  const entries = t.legs.map((l, i) => [ids[legSlots[i]!], l.amountCents, credit(legSlots[i]!, l.amountCents), l.ticketId]);
  for (let i = 0; i < entries.length; i += CHUNK) await insert(entries.slice(i, i + CHUNK));

  // each account's place by id; each group of ticket legs sorted as the numbers place × 2^20 + place in the group
  const byId = codes.map((_, s) => s).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  const rank = new Float64Array(codes.length);
  byId.forEach((s, r) => (rank[s] = r * 1_048_576));
  const per = Math.min(t.ticketGroup ?? TICKET_GROUP, TICKET_GROUP);
  const keys = new Float64Array(Math.min(n, per));
  for (let from = 0; from < n; from += per) {
    const size = Math.min(per, n - from);
    const group = keys.subarray(0, size);
    for (let j = 0; j < size; j++) group[j] = rank[ticketSlots[from + j]!]! + j;
    group.sort();
    const rows = new Array<unknown[]>(size);
    for (let k = 0; k < size; k++) {
      const i = from + (group[k]! % 1_048_576);
      const s = ticketSlots[i]!;
      rows[k] = [ids[s], tickets.amountCents[i]!, credit(s, tickets.amountCents[i]!), tickets.ticketIds[i]!];
    }
    await insert(rows);
  }

  const finals = byId.map((s) => [ids[s], balances[s]]);
  for (let i = 0; i < finals.length; i += CHUNK) {
    await tx.execute(
      `UPDATE "LedgerAccount" SET "balanceCents" = v."b"
       FROM (SELECT json_extract("value", '$[0]') AS "id", json_extract("value", '$[1]') AS "b" FROM json_each(?)) AS v WHERE "LedgerAccount"."id" = v."id"`,
      [JSON.stringify(finals.slice(i, i + CHUNK))],
    );
  }
  return { transactionId };
}
