/** The Arena's rows: schedule settings, slots, races, entrants and tickets (reads and lifecycle writes). */
import type { RaceSchedule } from "@/lib/domain/race/schedule";
import type { RaceStatus } from "@/lib/domain/race/lifecycle";
import { newId, readRows, write, type Db, type Writer } from "@/server/db";

const n = (v: bigint | number) => Number(v);
const nn = (v: bigint | number | null) => (v === null ? null : Number(v));

export async function findArenaSettings(db: Db) {
  return db.arenaSettings.findUnique({ where: { id: "arena" } });
}

export async function createArenaSettings(db: Db, s: RaceSchedule) {
  return db.arenaSettings.upsert({ where: { id: "arena" }, create: { id: "arena", ...s }, update: {} });
}

export async function saveArenaSettings(db: Db, s: RaceSchedule, updatedById: string | null) {
  return db.arenaSettings.upsert({ where: { id: "arena" }, create: { id: "arena", ...s, updatedById }, update: { ...s, updatedById } });
}

export async function arenaSlots(db: Db) {
  return db.arenaSlot.findMany({ orderBy: { slot: "asc" }, select: { slot: true, cloneId: true } });
}

export async function fillArenaSlot(db: Db, slot: number, cloneId: string) {
  return db.arenaSlot.upsert({ where: { slot }, create: { slot, cloneId }, update: {} });
}

const raceFields = {
  id: true, number: true, status: true, timeScale: true, accumulateMs: true, liveMs: true, openedAtMs: true, launchAtMs: true,
  launchedAtMs: true, liveAtMs: true, endsAtMs: true, settledAtMs: true, archivedAtMs: true, cancelledAtMs: true, cancelReason: true,
  poolCents: true, ticketCount: true, settlement: true,
} as const;

type RaceRow = { [K in keyof typeof raceFields]: unknown } & Record<string, unknown>;

function toRace(r: RaceRow & { status: string; id: string; number: number; cancelReason: string | null; settlement: string | null; ticketCount: number; timeScale: number }) {
  return {
    id: r.id, number: r.number, status: r.status as RaceStatus, timeScale: r.timeScale,
    accumulateMs: n(r.accumulateMs as bigint), liveMs: n(r.liveMs as bigint), openedAtMs: n(r.openedAtMs as bigint), launchAtMs: n(r.launchAtMs as bigint),
    launchedAtMs: nn(r.launchedAtMs as bigint | null), liveAtMs: nn(r.liveAtMs as bigint | null), endsAtMs: nn(r.endsAtMs as bigint | null),
    settledAtMs: nn(r.settledAtMs as bigint | null), archivedAtMs: nn(r.archivedAtMs as bigint | null), cancelledAtMs: nn(r.cancelledAtMs as bigint | null),
    cancelReason: r.cancelReason, poolCents: n(r.poolCents as bigint), ticketCount: r.ticketCount, settlement: r.settlement,
  };
}
export type Race = ReturnType<typeof toRace>;

export async function findRace(db: Db, id: string): Promise<Race | null> {
  const r = await db.race.findUnique({ where: { id }, select: raceFields });
  return r && toRace(r);
}

export async function findRaceByNumber(db: Db, number: number): Promise<Race | null> {
  const r = await db.race.findUnique({ where: { number }, select: raceFields });
  return r && toRace(r);
}

export async function racesIn(db: Db, statuses: readonly RaceStatus[]): Promise<Race[]> {
  const rows = await db.race.findMany({ where: { status: { in: [...statuses] } }, orderBy: { number: "asc" }, select: raceFields });
  return rows.map(toRace);
}

export async function recentRaces(db: Db, take: number): Promise<Race[]> {
  const rows = await db.race.findMany({ orderBy: { number: "desc" }, take, select: raceFields });
  return rows.map(toRace);
}

export async function lastRaceNumber(db: Db): Promise<number> {
  const r = await db.race.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
  return r?.number ?? 0;
}

/**
 * A new ACCUMULATING race. Plain SQL, not Prisma's create: the database refuses a
 * second accumulating race with a trigger (RAISE), whose message Prisma's engine
 * reports as a foreign-key failure; the driver keeps "Race_one_accumulating".
 */
/** The database refused a second accumulating race (the trigger's message, wherever the driver put it). */
export function isOneAccumulatingViolation(e: unknown): boolean {
  const err = e as { message?: unknown; cause?: { originalMessage?: unknown } } | null;
  return [err?.message, err?.cause?.originalMessage].some((m) => typeof m === "string" && m.includes("Race_one_accumulating"));
}

export async function insertRace(db: Writer, r: { number: number; timeScale: number; accumulateMs: number; liveMs: number; openedAtMs: number; launchAtMs: number }) {
  const id = newId();
  const at = new Date();
  await write(
    db,
    `INSERT INTO "Race" ("id", "number", "status", "timeScale", "accumulateMs", "liveMs", "openedAtMs", "launchAtMs", "poolCents", "ticketCount", "createdAt", "updatedAt")
     VALUES (?, ?, 'ACCUMULATING', ?, ?, ?, ?, ?, 0, 0, ?, ?)`,
    [id, r.number, r.timeScale, BigInt(r.accumulateMs), BigInt(r.liveMs), BigInt(r.openedAtMs), BigInt(r.launchAtMs), at, at],
  );
  return { id };
}

/** Moves a race from one status to the next with the given times; false if it was not in `from` any more (another worker did it). */
export async function moveRace(db: Db, id: string, from: RaceStatus, to: RaceStatus, times: Partial<Record<"launchedAtMs" | "liveAtMs" | "endsAtMs" | "cancelledAtMs" | "archivedAtMs", number>> & { cancelReason?: string }) {
  const data: Record<string, unknown> = { status: to };
  for (const [k, v] of Object.entries(times)) data[k] = typeof v === "number" ? BigInt(v) : v;
  const { count } = await db.race.updateMany({ where: { id, status: from }, data });
  return count === 1;
}

export async function archiveSettledBefore(db: Db, number: number, now: number) {
  await db.race.updateMany({ where: { status: "SETTLED", number: { lt: number } }, data: { status: "ARCHIVED", archivedAtMs: BigInt(now) } });
}

const entrantFields = {
  id: true, raceId: true, cloneId: true, slot: true, creatorId: true, name: true, tagline: true, avatar: true, cloneVersion: true,
  stakeCents: true, ticketCount: true, accountId: true, finalEquityCents: true, place: true,
} as const;

export async function raceEntrants(db: Db, raceId: string) {
  const rows = await db.raceEntrant.findMany({ where: { raceId }, orderBy: { slot: "asc" }, select: entrantFields });
  return rows.map((e) => ({ ...e, stakeCents: n(e.stakeCents), finalEquityCents: nn(e.finalEquityCents) }));
}
export type Entrant = Awaited<ReturnType<typeof raceEntrants>>[number];

export async function insertEntrants(db: Db, raceId: string, entrants: { cloneId: string; slot: number; creatorId: string; name: string; tagline: string; avatar: string; cloneVersion: number }[]) {
  await db.raceEntrant.createMany({ data: entrants.map((e) => ({ raceId, ...e })) });
}

export async function setEntrantAccount(db: Db, entrantId: string, accountId: string) {
  await db.raceEntrant.update({ where: { id: entrantId }, data: { accountId } });
}

export async function setEntrantResult(db: Db, entrantId: string, r: { finalEquityCents?: number; place?: number }) {
  await db.raceEntrant.update({
    where: { id: entrantId },
    data: { ...(r.finalEquityCents !== undefined && { finalEquityCents: BigInt(r.finalEquityCents) }), ...(r.place !== undefined && { place: r.place }) },
  });
}

export async function raceTickets(db: Db, raceId: string) {
  const rows = await db.ticket.findMany({ where: { raceId }, orderBy: { createdAt: "asc" }, select: { id: true, cloneId: true, userId: true, stakeCents: true } });
  return rows.map((t) => ({ ...t, stakeCents: n(t.stakeCents) }));
}

/**
 * What a purchase checks before its transaction, in ONE raw statement (a purchase is
 * the hottest write path; and Prisma batches concurrent findUnique calls into one
 * IN query, which past ~1,000 at once exceeds SQLite's parameter limit): the
 * ticket this key bought, if any, the race, the entrant's name, the wallet balance.
 */
export async function purchaseInputs(db: Db, p: { userId: string; clientKey: string; raceId: string; cloneId: string }) {
  const [row] = await readRows<{ ticket: string | null; race: string | null; entrant: string | null; balance: number | bigint | null }>(
    db,
    `SELECT
       (SELECT json_object('id', "id", 'raceId', "raceId", 'cloneId', "cloneId", 'stakeCents', "stakeCents") FROM "Ticket" WHERE "userId" = ?1 AND "clientKey" = ?2) AS "ticket",
       (SELECT json_object('id', "id", 'number', "number", 'status', "status", 'launchAtMs', "launchAtMs") FROM "Race" WHERE "id" = ?3) AS "race",
       (SELECT "name" FROM "RaceEntrant" WHERE "raceId" = ?3 AND "cloneId" = ?4) AS "entrant",
       (SELECT "balanceCents" FROM "LedgerAccount" WHERE "code" = 'wallet:' || ?1) AS "balance"`,
    [p.userId, p.clientKey, p.raceId, p.cloneId],
  );
  return {
    ticket: row?.ticket ? (JSON.parse(row.ticket) as { id: string; raceId: string; cloneId: string; stakeCents: number }) : null,
    race: row?.race ? (JSON.parse(row.race) as { id: string; number: number; status: RaceStatus; launchAtMs: number }) : null,
    entrantName: row?.entrant ?? null,
    balanceCents: row?.balance === null || row?.balance === undefined ? 0 : Number(row.balance),
  };
}

/** Tickets as columns (one entry per ticket in each): what a settlement reads of a million tickets. */
export interface TicketColumns {
  ids: string[];
  userIds: string[];
  stakeCents: number[];
  /** the ticket's clone, as its index in the cloneIds asked for */
  clone: Uint16Array;
}

/**
 * The tickets of a race on the given clones, for its settlement, by ticket id.
 * Each clone's tickets come as three JSON arrays built by SQLite in its index's
 * order (the order they were bought, which is nearly the ids' order): a million
 * driver rows cost seconds, and one JSON text of rows made into objects ~1.4 s
 * more than three flat arrays. The clones are merged by id here (SQLite would
 * sort the whole read): what is paid does not depend on the order, but the
 * ledger's ticket index is then written at its end (see writePayouts).
 */
export async function ticketsToSettle(db: Db, raceId: string, cloneIds: readonly string[]): Promise<TicketColumns> {
  const runs: { ids: string[]; userIds: string[]; stakeCents: number[] }[] = [];
  for (const cloneId of cloneIds) {
    const [row] = await readRows<{ i: string; u: string; s: string }>(
      db,
      `SELECT json_group_array("id") AS "i", json_group_array("userId") AS "u", json_group_array("stakeCents") AS "s" FROM "Ticket" WHERE "raceId" = ? AND "cloneId" = ?`,
      [raceId, cloneId],
    );
    runs.push({ ids: JSON.parse(row!.i), userIds: JSON.parse(row!.u), stakeCents: JSON.parse(row!.s) });
  }
  const total = runs.reduce((a, r) => a + r.ids.length, 0);
  const out: TicketColumns = { ids: new Array(total), userIds: new Array(total), stakeCents: new Array(total), clone: new Uint16Array(total) };
  const next = runs.map(() => 0);
  for (let n = 0; n < total; n++) {
    let c = -1;
    for (let k = 0; k < runs.length; k++) {
      if (next[k]! < runs[k]!.ids.length && (c < 0 || runs[k]!.ids[next[k]!]! < runs[c]!.ids[next[c]!]!)) c = k;
    }
    const run = runs[c]!;
    const i = next[c]!++;
    out.ids[n] = run.ids[i]!;
    out.userIds[n] = run.userIds[i]!;
    out.stakeCents[n] = run.stakeCents[i]!;
    out.clone[n] = c;
  }
  return out;
}

/**
 * A user's tickets, newest first, with their race, their clone in it and the
 * entries naming them (payout or refund), and the user's ticket count: one
 * plain-SQL read (the page's four Prisma queries cost ~6 ms of CPU a request).
 */
export async function ticketsOfUser(db: Db, userId: string, opts: { skip: number; take: number }) {
  const rows = await readRows<{
    id: string; cloneId: string; stakeCents: number | bigint; createdAt: string; raceId: string; number: number; status: string;
    refund: number | null; name: string | null; avatar: string | null; place: number | null; payout: number | bigint; total: number;
  }>(
    db,
    `SELECT t."id", t."cloneId", t."stakeCents", t."createdAt", r."id" AS "raceId", r."number", r."status",
            json_extract(r."settlement", '$.refund') AS "refund", e."name", e."avatar", e."place",
            (SELECT COALESCE(SUM(l."amountCents"), 0) FROM "LedgerEntry" l WHERE l."ticketId" = t."id") AS "payout",
            (SELECT COUNT(*) FROM "Ticket" WHERE "userId" = ?1) AS "total"
     FROM (SELECT * FROM "Ticket" WHERE "userId" = ?1 ORDER BY "createdAt" DESC, "id" DESC LIMIT ?2 OFFSET ?3) t
     JOIN "Race" r ON r."id" = t."raceId"
     LEFT JOIN "RaceEntrant" e ON e."raceId" = t."raceId" AND e."cloneId" = t."cloneId"
     ORDER BY t."createdAt" DESC, t."id" DESC`,
    [userId, opts.take, opts.skip],
  );
  const total = rows[0]?.total ?? (opts.skip > 0 ? n((await readRows<{ c: number }>(db, `SELECT COUNT(*) AS "c" FROM "Ticket" WHERE "userId" = ?`, [userId]))[0]!.c) : 0);
  return {
    total: n(total),
    rows: rows.map((r) => ({
      id: r.id, stakeCents: n(r.stakeCents), createdAt: new Date(r.createdAt),
      race: { id: r.raceId, number: n(r.number), status: r.status as RaceStatus, refund: r.refund === 1 },
      clone: { id: r.cloneId, name: r.name ?? "?", avatar: r.avatar ?? "", place: nn(r.place) },
      payoutCents: n(r.payout),
    })),
  };
}

/** The races a clone entered, newest first. */
export async function racesOfClone(db: Db, cloneId: string, take = 50) {
  const rows = await db.raceEntrant.findMany({
    where: { cloneId }, orderBy: { race: { number: "desc" } }, take,
    select: { ...entrantFields, race: { select: { id: true, number: true, status: true, liveAtMs: true, endsAtMs: true, poolCents: true } } },
  });
  return rows.map((e) => ({
    ...e, stakeCents: n(e.stakeCents), finalEquityCents: nn(e.finalEquityCents),
    race: { ...e.race, status: e.race.status as RaceStatus, liveAtMs: nn(e.race.liveAtMs), endsAtMs: nn(e.race.endsAtMs), poolCents: n(e.race.poolCents) },
  }));
}

/** Creators' names, for pages. */
export async function userNames(db: Db, ids: readonly string[]) {
  const rows = await db.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** How much of each ticket was paid back (settlement or refund entries naming it). */
export async function payoutsOfRace(db: Db, raceId: string) {
  const rows = await db.ledgerEntry.findMany({ where: { ticketId: { not: null }, transaction: { idempotencyKey: { in: [`race-settlement:${raceId}`, `race-refund:${raceId}`] } } }, select: { ticketId: true, amountCents: true } });
  return new Map(rows.map((r) => [r.ticketId!, n(r.amountCents)]));
}
