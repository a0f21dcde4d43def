/**
 * Group commit for ticket purchases. Each purchase is its own all-or-nothing unit
 * (a SAVEPOINT: its statements are kept or rolled back together), but the
 * purchases waiting at the same moment share one transaction, so one commit (one
 * fsync) serves them all. A purchase refused or failing inside its savepoint rolls
 * back alone; the others commit. Nothing is acknowledged before its commit.
 *
 * SQLite has one writer at a time: without this, each purchase waits for its own
 * fsync (~0.5–1 ms here), which caps a server near 1,000 purchases a second before
 * doing anything else. Batches form only under load: a lone purchase commits at once.
 */
import { writeTransaction, type PrismaClient, type SqlTx } from "@/server/db";
import { writePurchase, type PurchaseRow, type PurchaseWrite } from "@/server/repositories/arena-ledger";

/** Purchases per transaction at most: a few ms of statements, so no one waits long behind a batch. */
const MAX_BATCH = 200;

interface Job {
  row: PurchaseRow;
  resolve: (w: PurchaseWrite) => void;
  reject: (e: unknown) => void;
}

class PurchaseBatcher {
  private pending: Job[] = [];
  private running = false;

  constructor(private readonly db: PrismaClient) {}

  submit(row: PurchaseRow): Promise<PurchaseWrite> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain() {
    this.running = true;
    try {
      while (this.pending.length) {
        const batch = this.pending.splice(0, MAX_BATCH);
        let outcomes: ({ ok: true; w: PurchaseWrite } | { ok: false; e: unknown })[] = [];
        try {
          await writeTransaction(this.db, async (tx) => {
            // a retried transaction (the file was busy) starts over: outcomes are those of the attempt that commits
            outcomes = [];
            for (const job of batch) outcomes.push(await inSavepoint(tx, job.row));
          });
        } catch (e) {
          // the transaction itself failed (not one purchase): none of the batch was written
          for (const job of batch) job.reject(e);
          continue;
        }
        batch.forEach((job, i) => {
          const o = outcomes[i]!;
          if (o.ok) job.resolve(o.w);
          else job.reject(o.e);
        });
      }
    } finally {
      this.running = false;
    }
  }
}

async function inSavepoint(tx: SqlTx, row: PurchaseRow): Promise<{ ok: true; w: PurchaseWrite } | { ok: false; e: unknown }> {
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
export function submitPurchase(db: PrismaClient, row: PurchaseRow): Promise<PurchaseWrite> {
  let b = batchers.get(db);
  if (!b) batchers.set(db, (b = new PurchaseBatcher(db)));
  return b.submit(row);
}
