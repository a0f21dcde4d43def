/**
 * Group commit for ticket purchases. The purchases waiting at the same moment share
 * one transaction, so one commit (one fsync) serves them all, and they are written
 * together by a fixed number of statements (server/repositories/arena-purchases.ts):
 * each purchase is still all-or-nothing, decided in order as if written one after
 * another; a refused one keeps nothing and the others commit. Should that write fail
 * (an error of the database, not a refusal), the group is written again one purchase
 * per savepoint (writePurchase), so a purchase that fails fails alone; a purchase
 * alone takes that path directly. Nothing is acknowledged before its commit.
 *
 * SQLite has one writer at a time and runs in this thread: a commit blocks the
 * process for its fsync (~0.5–1 ms on a quiet disk, ~5 ms on a busy one), and each
 * statement costs its preparation. Groups form only under load (a purchase after a
 * quiet spell commits at once): after a group, the next one starts no sooner than
 * twice what that group took (at most 20 ms later), so while purchases keep coming
 * the writer holds at most about a third of the thread and the rest serves the
 * requests, which join the next group meanwhile. (bench purchase on 2 busy cores, 32
 * in flight: waiting as long as the group took gave 1.4-1.5 purchases a commit;
 * twice as long, 11-14, with more purchases a second at a lower p99.)
 */
import { writeTransaction, type PrismaClient, type SqlTx } from "@/server/db";
import { writePurchase, type PurchaseRow } from "@/server/repositories/arena-ledger";
import { writePurchases, type PurchaseOutcome } from "@/server/repositories/arena-purchases";

export type { PurchaseOutcome };

/** Purchases per transaction at most: a few ms of statements, so no one waits long behind a group. */
const MAX_BATCH = 200;
/** After a group, the next one starts no sooner than this many times what it took... */
const GAP_FACTOR = 2;
/** ...nor later than this: the most a purchase waits for its group to start. */
const MAX_GAP_MS = 20;

interface Job {
  row: PurchaseRow;
  resolve: (w: PurchaseOutcome) => void;
  reject: (e: unknown) => void;
}

type Settled = { ok: true; w: PurchaseOutcome } | { ok: false; e: unknown };

class PurchaseBatcher {
  private pending: Job[] = [];
  private running = false;
  /** performance.now() before which the next group does not start (while purchases keep coming) */
  private nextStartAt = 0;

  constructor(private readonly db: PrismaClient) {}

  submit(row: PurchaseRow): Promise<PurchaseOutcome> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain() {
    this.running = true;
    try {
      while (this.pending.length) {
        const wait = this.nextStartAt - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const batch = this.pending.splice(0, MAX_BATCH);
        const started = performance.now();
        const settled = await this.write(batch);
        const ended = performance.now();
        this.nextStartAt = ended + Math.min(MAX_GAP_MS, GAP_FACTOR * (ended - started));
        batch.forEach((job, i) => {
          const s = settled[i]!;
          if (s.ok) job.resolve(s.w);
          else job.reject(s.e);
        });
      }
    } finally {
      this.running = false;
    }
  }

  /**
   * The group's outcomes, in order: written together, or else one savepoint each; all
   * rejected if the transaction fails. A lone purchase takes the savepoint path at once:
   * its 9 plain statements cost less to prepare than the group's 8 (~1.7 against ~2.5 ms
   * here); from two purchases on, the group's are cheaper (~1.2 against ~1.4 ms a purchase
   * at two, ~0.3 against ~1.2 at sixteen).
   */
  private async write(batch: Job[]): Promise<Settled[]> {
    const rows = batch.map((j) => j.row);
    if (rows.length > 1) {
      try {
        const outcomes = await writeTransaction(this.db, (tx) => writePurchases(tx, rows));
        return outcomes.map((w) => ({ ok: true, w }));
      } catch (e) {
        // rolled back whole: each purchase again in its own savepoint, so whatever failed fails alone
        console.warn(`[tickets] a group of ${rows.length} purchases failed to write together (${(e as Error)?.message ?? e}): writing them one by one`);
      }
    }
    try {
      let settled: Settled[] = [];
      await writeTransaction(this.db, async (tx) => {
        // a retried transaction (the file was busy) starts over: outcomes are those of the attempt that commits
        settled = [];
        for (const row of rows) settled.push(await inSavepoint(tx, row));
      });
      return settled;
    } catch (e) {
      // the transaction itself failed (not one purchase): none of the group was written
      return rows.map(() => ({ ok: false, e }));
    }
  }
}

async function inSavepoint(tx: SqlTx, row: PurchaseRow): Promise<Settled> {
  await tx.execute(`SAVEPOINT "purchase"`, []);
  try {
    const w = await writePurchase(tx, row);
    // a refusal (race closed, wallet short) keeps nothing of this purchase
    if (!w.ok) await tx.execute(`ROLLBACK TO "purchase"`, []);
    await tx.execute(`RELEASE "purchase"`, []);
    return { ok: true, w };
  } catch (e) {
    await tx.execute(`ROLLBACK TO "purchase"`, []);
    await tx.execute(`RELEASE "purchase"`, []);
    return { ok: false, e };
  }
}

const batchers = new WeakMap<PrismaClient, PurchaseBatcher>();

/** Writes one purchase, in the next group commit of this database client. */
export function submitPurchase(db: PrismaClient, row: PurchaseRow): Promise<PurchaseOutcome> {
  let b = batchers.get(db);
  if (!b) batchers.set(db, (b = new PurchaseBatcher(db)));
  return b.submit(row);
}
