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
import type { Client, Config, InArgs } from "@libsql/client";
import { PrismaLibSql } from "@prisma/adapter-libsql";
import type { Db } from "./transaction";

/** The adapter factory, keeping the client it connects with (a new one on each reconnect). */
export class PrismaLibSqlWithReader extends PrismaLibSql {
  client: Client | null = null;

  override createClient(config: Config): Client {
    this.client = super.createClient(config);
    return this.client;
  }
}

const adapters = new WeakMap<object, PrismaLibSqlWithReader>();

export function registerReader(db: object, adapter: PrismaLibSqlWithReader): void {
  adapters.set(db, adapter);
}

/** Rows as objects by column name; integers as numbers (BigInt only past 2^53 through Prisma). */
export async function readRows<T>(db: Db, sql: string, args: InArgs & unknown[]): Promise<T[]> {
  const client = adapters.get(db)?.client;
  if (!client || client.closed) return db.$queryRawUnsafe<T[]>(sql, ...args);
  return (await client.execute({ sql, args })).rows as unknown as T[];
}
