/**
 * One database transaction per use case. Services call `transaction(db, fn)`;
 * repositories receive the transaction client as their `db` argument.
 *
 * SQLite lets one writer in at a time. Inside a process the libSQL adapter already
 * queues transactions; across processes (the web server and a CLI, two scheduler
 * workers) a transaction that read before it wrote can be refused with SQLITE_BUSY
 * when another process committed in between. The whole transaction is then rolled
 * back, so running it again is safe: we retry a few times with backoff.
 */
import type { Prisma, PrismaClient } from "./generated/client";

export type Tx = Prisma.TransactionClient;
/** A client or a transaction: what every repository function takes first. */
export type Db = PrismaClient | Tx;

const MAX_BUSY_RETRIES = 8;

export function isBusyError(e: unknown): boolean {
  const text = `${(e as { message?: string })?.message ?? ""} ${JSON.stringify((e as { meta?: unknown })?.meta ?? "")}`;
  return /SQLITE_BUSY|database is locked|SocketTimeout|busy/i.test(text);
}

export async function transaction<T>(db: PrismaClient, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(fn, { maxWait: 30_000, timeout: 30_000 });
    } catch (e) {
      if (attempt >= MAX_BUSY_RETRIES || !isBusyError(e)) throw e;
      const delay = Math.min(500, 10 * 2 ** attempt) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * True for a unique-constraint violation, e.g. a reused idempotency key: P2002 from a
 * model query, P2010 (raw query failed) whose driver error is one, or that driver
 * error itself (a statement run on the adapter, see writer.ts).
 */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; name?: string; cause?: { kind?: string }; meta?: { driverAdapterError?: { cause?: { kind?: string } } } } | null;
  if (err?.code === "P2002") return true;
  if (err?.name === "DriverAdapterError") return err.cause?.kind === "UniqueConstraintViolation";
  return err?.code === "P2010" && err.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}
