/**
 * Hot reads straight on the libSQL client under Prisma: ~0.04 ms a statement against
 * ~0.2 ms through Prisma's query engine, and the decision pipeline reads twice per
 * decision. It is the very client (and connection pool) Prisma's own queries use, so
 * a read sees every committed write, Prisma's included. Unlike Prisma's queries it
 * does not queue behind an open Prisma transaction of this process: it reads the
 * last committed state, as another process would.
 *
 * For reads only, and never inside a transaction (which must see its own writes):
 * there, and while Prisma has not connected yet, the read goes through Prisma.
 */
import { createClient, type Client, type Config, type InArgs, type TransactionMode } from "@libsql/client";
import { PrismaLibSql } from "@prisma/adapter-libsql";
import type { Db } from "./transaction";

/**
 * The adapter factory, keeping the client it connects with (a new one on each reconnect).
 *
 * The client is the project's own @libsql/client (0.18), not the 0.17 copy the
 * adapter bundles: on a local file, 0.17 hands its one connection to each
 * transaction and opens a new one for whatever comes next, so the first statement
 * after any transaction paid ~0.6 ms (a new connection, its schema and page cache
 * cold) and every transaction left a connection for the GC to close.
 *
 * Here transactions run on a connection of their own, kept from one committed
 * transaction to the next and dropped after a rolled-back or failed one: a
 * connection reused after a write was refused with SQLITE_BUSY_SNAPSHOT was refused
 * again on every retry (in the ledger's four-process test, 150 of 200 debits),
 * presumably because the failed statement, not finalized yet, keeps its old
 * snapshot. Statements outside a transaction use the client's own pool. Same
 * native driver and settings; the adapter uses only the API both versions share.
 */
export class PrismaLibSqlWithReader extends PrismaLibSql {
  client: Client | null = null;
  /** the driver adapter Prisma queries through, over `client` (see writer.ts) */
  driver: Awaited<ReturnType<PrismaLibSql["connect"]>> | null = null;

  override createClient(config: Config): Client {
    const client = createClient(config);
    // the adapter runs one transaction at a time (its lock), so one connection serves them all
    let forTransactions: Client | null = null;
    const drop = (c: Client) => {
      if (forTransactions === c) forTransactions = null;
      c.close();
    };
    client.transaction = async (mode?: TransactionMode) => {
      const own = (forTransactions ??= createClient({ ...config, concurrency: 1 }));
      // BEGIN IMMEDIATE where the adapter asks for BEGIN DEFERRED: the write lock is taken at the
      // start, so a transaction that reads then writes waits its turn (busy timeout) instead of being
      // refused with SQLITE_BUSY when another process committed between its read and its first write
      const tx = await own.transaction(mode === undefined || mode === "deferred" ? "write" : mode).catch((e: unknown) => {
        drop(own);
        throw e;
      });
      const rollback = tx.rollback.bind(tx);
      const commit = tx.commit.bind(tx);
      tx.rollback = () => rollback().finally(() => drop(own));
      tx.commit = () => commit().catch((e: unknown) => {
        drop(own);
        throw e;
      });
      return tx;
    };
    const close = client.close.bind(client);
    client.close = () => {
      if (forTransactions) drop(forTransactions);
      close();
    };
    this.client = client;
    return client;
  }

  override async connect() {
    const driver = await super.connect();
    this.driver = driver;
    return driver;
  }
}

const adapters = new WeakMap<object, PrismaLibSqlWithReader>();

export function registerReader(db: object, adapter: PrismaLibSqlWithReader): void {
  adapters.set(db, adapter);
}

/** The client's adapter factory, if it was made by createDb. */
export function adapterOf(db: object): PrismaLibSqlWithReader | undefined {
  return adapters.get(db);
}

/** Rows as objects by column name; integers as numbers (BigInt only past 2^53 through Prisma). */
export async function readRows<T>(db: Db, sql: string, args: InArgs & unknown[]): Promise<T[]> {
  const client = adapters.get(db)?.client;
  if (!client || client.closed) return db.$queryRawUnsafe<T[]>(sql, ...args);
  return (await client.execute({ sql, args })).rows as unknown as T[];
}
