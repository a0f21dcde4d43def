/**
 * Settling a race of 1,000,000 tickets (8 entrants, 50,000 backers): the pure
 * parimutuel split in memory, and the full settlement service on a scratch SQLite
 * file (read the tickets, split, post the escrow's payout as one ledger transaction
 * with an entry per paid ticket, royalties, rake and breakage, update the balances,
 * the places and the race). Baseline in the same run: a raw bulk insert of the same
 * number of rows into LedgerEntry itself (its indexes and foreign keys), in one
 * transaction, the faster of two ways of sending them: the floor for storing the
 * payouts. Goal: service ≤ 1.5× baseline.
 *
 * Every timed contender starts from the same database: right after the setup the
 * file is checkpointed (its WAL folded in) and copied once per baseline, and each
 * baseline runs on its own copy with its own client (inserting into a ledger that
 * already holds the service's entries would be slower, and unfair to it).
 *
 *   npm run bench -- settle [tickets]     (default 1,000,000)
 */
import { mulberry32 } from "@/lib/domain/random";
import fs from "node:fs";
import os from "node:os";
import { createClient, type Client } from "@libsql/client";
import { settleRace as split, type SettlementInput } from "@/lib/domain/parimutuel";
import { newId } from "@/server/db";
import { settleRace } from "@/server/services/arena/settle";
import { fmt, printTable, scratchDatabase, type Benchmark } from "./harness";

const ENTRANTS = 8;
const BACKERS = 50_000;

/** CPU time of this process (all its threads) since `from`: less moved than wall time by other processes on a loaded machine. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};


async function insertRows(client: Client, table: string, columns: string[], rows: unknown[][]) {
  const tx = await client.transaction("write");
  const per = Math.floor(30_000 / columns.length);
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    await tx.execute({
      sql: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${chunk.map(() => `(${columns.map(() => "?").join(", ")})`).join(", ")}`,
      args: chunk.flat() as never[],
    });
  }
  await tx.commit();
}

export const settleBenchmark: Benchmark = {
  name: "settle",
  description: "settle a race of 1,000,000 tickets: pure split, and the service with ledger writes vs a raw bulk insert (goal ≤ 1.5×)",
  async run(args) {
    const ticketCount = Number(args[0] ?? 1_000_000);
    const { db, url, cleanup } = await scratchDatabase();
    const client = createClient({ url });
    try {
      process.stderr.write(`setting up a race of ${fmt(ticketCount, 0)} tickets...\n`);
      const setupStarted = performance.now();
      const random = mulberry32(20_261_121);
      const now = new Date();
      const creators = Array.from({ length: 6 }, (_, i) => ({ id: newId(), email: `creator${i}@bench.local` }));
      const backers = Array.from({ length: BACKERS }, (_, i) => ({ id: newId(), email: `backer${i}@bench.local` }));
      await insertRows(client, "User", ["id", "email", "name", "passwordHash", "role", "createdAt", "updatedAt"], [...creators, ...backers].map((u) => [u.id, u.email, u.email, "!", "USER", now.getTime(), now.getTime()]));
      // every backer has a wallet already (they bought tickets from it)
      await insertRows(client, "LedgerAccount", ["id", "code", "kind", "userId", "allowNegative", "balanceCents", "createdAt"], backers.map((u) => [newId(), `wallet:${u.id}`, "USER_WALLET", u.id, 0, 0, now.getTime()]));
      const clones = Array.from({ length: ENTRANTS }, (_, i) => ({ id: newId(), ownerId: creators[i % creators.length]!.id }));
      await insertRows(client, "Clone", ["id", "ownerId", "name", "currentVersion", "createdAt", "updatedAt"], clones.map((c, i) => [c.id, c.ownerId, `Clone ${i}`, 1, now.getTime(), now.getTime()]));
      const raceId = newId();
      await insertRows(client, "Race", ["id", "number", "status", "timeScale", "accumulateMs", "liveMs", "openedAtMs", "launchAtMs", "endsAtMs", "poolCents", "ticketCount", "createdAt", "updatedAt"], [
        [raceId, 1, "SETTLING", 1, 3_600_000, 86_400_000, 0, 3_600_000, 90_000_000, 0, 0, now.getTime(), now.getTime()],
      ]);
      const equities = [1_183_250, 1_097_400, 1_097_400, 1_012_345, 1_000_000, 987_654, 951_020, 903_311];
      await insertRows(client, "RaceEntrant", ["id", "raceId", "cloneId", "slot", "creatorId", "name", "tagline", "avatar", "cloneVersion", "stakeCents", "ticketCount", "finalEquityCents"], clones.map((c, i) => [
        newId(), raceId, c.id, i + 1, c.ownerId, `Clone ${i}`, "", "robot", 1, 0, 0, equities[i]!,
      ]));
      // favourites draw more tickets: clone k with weight ENTRANTS − k
      const weights = (ENTRANTS * (ENTRANTS + 1)) / 2;
      const tickets: SettlementInput["tickets"][number][] = new Array(ticketCount);
      const rows: unknown[][] = new Array(ticketCount);
      const base = now.getTime();
      let gross = 0;
      for (let i = 0; i < ticketCount; i++) {
        let pick = random() * weights;
        let c = 0;
        while (c < ENTRANTS - 1 && pick >= ENTRANTS - c) pick -= ENTRANTS - c++;
        const user = backers[Math.floor(random() * BACKERS)]!;
        const stakeCents = 100 * (1 + Math.floor(random() * 1000));
        const id = newId();
        gross += stakeCents;
        tickets[i] = { ticketId: id, cloneId: clones[c]!.id, userId: user.id, stakeCents };
        rows[i] = [id, raceId, clones[c]!.id, user.id, stakeCents, `k${i}`, "bench-purchases", base + i];
      }
      await insertRows(client, "Ticket", ["id", "raceId", "cloneId", "userId", "stakeCents", "clientKey", "transactionId", "createdAt"], rows);
      await insertRows(client, "LedgerAccount", ["id", "code", "kind", "userId", "allowNegative", "balanceCents", "createdAt"], [[newId(), `escrow:${raceId}`, "RACE_POOL_ESCROW", null, 0, gross, now.getTime()]]);
      // the running totals, as the purchases keep them: the race's, and each clone's
      await client.execute({ sql: `UPDATE "Race" SET "poolCents" = ?, "ticketCount" = ? WHERE "id" = ?`, args: [gross, ticketCount, raceId] });
      await client.execute({
        sql: `UPDATE "RaceEntrant" SET "stakeCents" = t."s", "ticketCount" = t."n" FROM (SELECT "cloneId", sum("stakeCents") AS "s", count(*) AS "n" FROM "Ticket" WHERE "raceId" = ? GROUP BY "cloneId") AS t
              WHERE "RaceEntrant"."raceId" = ? AND "RaceEntrant"."cloneId" = t."cloneId"`,
        args: [raceId, raceId],
      });
      rows.length = 0;
      // the state every contender starts from: the WAL folded into the file, one copy per baseline
      await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      const file = url.slice("file:".length);
      const copyOf = (name: string) => {
        const copy = file.replace(/\.db$/, `-${name}.db`);
        fs.copyFileSync(file, copy);
        return `file:${copy}`;
      };
      const valuesUrl = copyOf("values");
      const jsonUrl = copyOf("json");
      process.stderr.write(`set up in ${fmt((performance.now() - setupStarted) / 1000, 1)} s; settling...\n`);

      // 1. the pure split (median of 3 after a warm-up)
      const input: SettlementInput = { entrants: clones.map((c, i) => ({ cloneId: c.id, creatorId: c.ownerId, finalEquityCents: equities[i]! })), tickets };
      split(input);
      const pureRuns = [0, 1, 2].map(() => {
        const started = performance.now();
        split(input);
        return performance.now() - started;
      });
      const pureMs = pureRuns.sort((a, b) => a - b)[1]!;

      // 2. the settlement service, on the database, through the app's client as a running server has it: connected,
      //    its query compiler loaded (the baseline's client is warm from the setup)
      await db.race.count();
      const entriesBefore = Number((await client.execute(`SELECT count(*) AS n FROM "LedgerEntry"`)).rows[0]!.n);
      const cpu = process.cpuUsage();
      const started = performance.now();
      const outcome = await settleRace(db, raceId, Date.now());
      const serviceMs = performance.now() - started;
      const serviceCpuMs = cpuMs(cpu);
      if (!outcome.settled || !outcome.result) throw new Error("the race did not settle");
      const entries = Number((await client.execute(`SELECT count(*) AS n FROM "LedgerEntry"`)).rows[0]!.n) - entriesBefore;
      const paidTickets = outcome.result.ticketPayouts.filter((p) => p.payoutCents > 0).length;
      const sum = Number((await client.execute(`SELECT sum("amountCents") AS s FROM "LedgerEntry"`)).rows[0]!.s);
      // the settlement's legs balance: the escrow's −gross against every payout, royalty, rake and breakage
      if (sum !== 0) throw new Error(`the settlement's ledger entries sum to ${sum}, not 0`);
      const escrowLeft = Number((await client.execute({ sql: `SELECT "balanceCents" AS b FROM "LedgerAccount" WHERE "code" = ?`, args: [`escrow:${raceId}`] })).rows[0]!.b);
      if (escrowLeft !== 0) throw new Error(`the escrow holds ${escrowLeft} cents after settlement`);

      // 3. baseline: the same number of rows inserted raw into LedgerEntry itself (its indexes and foreign
      //    keys), to real wallet accounts, in one transaction: the faster of two ways of sending them
      //    (multi-row VALUES statements, or one JSON text per 50,000 rows unpacked by json_each), each on
      //    its own copy of the database as it was before the service ran, through its own (warmed) client
      const baseline = async (copyUrl: string, key: string, insert: (c: Client, rows: unknown[][]) => Promise<void>) => {
        const c = createClient({ url: copyUrl });
        try {
          const wallets = (await c.execute(`SELECT "id" FROM "LedgerAccount" WHERE "kind" = 'USER_WALLET'`)).rows.map((r) => String(r.id));
          const txId = newId();
          await c.execute({ sql: `INSERT INTO "LedgerTransaction" ("id", "idempotencyKey", "requestHash", "kind", "memo", "createdAt") VALUES (?, ?, '-', 'RACE_SETTLEMENT', 'baseline', ?)`, args: [txId, key, base] });
          const before = Number((await c.execute(`SELECT count(*) AS n FROM "LedgerEntry"`)).rows[0]!.n);
          if (before !== entriesBefore) throw new Error(`the ${key} copy starts with ${before} ledger entries, the service started with ${entriesBefore}`);
          const payoutRows = tickets.slice(0, entries).map((t, i) => [txId, wallets[i % wallets.length]!, t.stakeCents, t.stakeCents * 2, t.ticketId, base]);
          const cpuFrom = process.cpuUsage();
          const from = performance.now();
          await insert(c, payoutRows);
          return { ms: performance.now() - from, cpuMs: cpuMs(cpuFrom) };
        } finally {
          c.close();
        }
      };
      const values = await baseline(valuesUrl, "baseline-values", (c, payoutRows) =>
        insertRows(c, "LedgerEntry", ["transactionId", "accountId", "amountCents", "balanceAfterCents", "ticketId", "createdAt"], payoutRows));
      const json = await baseline(jsonUrl, "baseline-json", async (c, payoutRows) => {
        const jsonTx = await c.transaction("write");
        for (let i = 0; i < payoutRows.length; i += 50_000) {
          await jsonTx.execute({
            sql: `INSERT INTO "LedgerEntry" ("transactionId", "accountId", "amountCents", "balanceAfterCents", "ticketId", "createdAt")
                  SELECT json_extract("value", '$[0]'), json_extract("value", '$[1]'), json_extract("value", '$[2]'), json_extract("value", '$[3]'), json_extract("value", '$[4]'), json_extract("value", '$[5]') FROM json_each(?)`,
            args: [JSON.stringify(payoutRows.slice(i, i + 50_000))],
          });
        }
        await jsonTx.commit();
      });
      const { ms: valuesMs, cpuMs: valuesCpuMs } = values;
      const { ms: jsonMs, cpuMs: jsonCpuMs } = json;
      const baselineMs = Math.min(valuesMs, jsonMs);

      const ratio = serviceMs / baselineMs;
      printTable([
        { step: `pure split of ${fmt(ticketCount, 0)} tickets (median of 3)`, ms: fmt(pureMs, 0), "cpu ms": "", rows: fmt(ticketCount, 0), "× baseline": fmt(pureMs / baselineMs, 2) },
        { step: "settlement service: read, split, post, balances, places", ms: fmt(serviceMs, 0), "cpu ms": fmt(serviceCpuMs, 0), rows: `${fmt(entries, 0)} entries`, "× baseline": fmt(ratio, 2) },
        { step: "raw bulk insert, multi-row VALUES", ms: fmt(valuesMs, 0), "cpu ms": fmt(valuesCpuMs, 0), rows: fmt(entries, 0), "× baseline": fmt(valuesMs / baselineMs, 2) },
        { step: "raw bulk insert, JSON + json_each", ms: fmt(jsonMs, 0), "cpu ms": fmt(jsonCpuMs, 0), rows: fmt(entries, 0), "× baseline": fmt(jsonMs / baselineMs, 2) },
      ]);
      console.log(`\n${fmt(paidTickets, 0)} of ${fmt(ticketCount, 0)} tickets paid; ${fmt(entries, 0)} ledger entries; breakage ${outcome.result.breakageCents} cents. Service ${fmt(ratio, 2)}× the raw insert (goal ≤ 1.5×): ${ratio <= 1.5 ? "met" : "MISSED"}.`);
      return {
        benchmark: "settle", tickets: ticketCount, entrants: ENTRANTS, backers: BACKERS, paidTickets, ledgerEntries: entries,
        pureMs: Math.round(pureMs), serviceMs: Math.round(serviceMs), baselineInsertMs: Math.round(baselineMs),
        baselineValuesMs: Math.round(valuesMs), baselineJsonMs: Math.round(jsonMs),
        serviceCpuMs: Math.round(serviceCpuMs), baselineValuesCpuMs: Math.round(valuesCpuMs), baselineJsonCpuMs: Math.round(jsonCpuMs), loadAverage: Number(os.loadavg()[0]!.toFixed(2)),
        serviceToBaseline: Number(ratio.toFixed(2)), goalRatio: 1.5, goalMet: ratio <= 1.5,
      };
    } finally {
      client.close();
      await cleanup();
    }
  },
};
