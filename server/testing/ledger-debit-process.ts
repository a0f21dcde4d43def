/**
 * A separate OS process that fires N Audition Fee debits at one wallet, all at
 * once, against a shared database file; prints how many went through. Used by
 * the ledger concurrency test to contend from several processes.
 */
import { createDb } from "@/server/db";
import { chargeAuditionFee } from "@/server/services/wallet/charge-audition-fee";

const [url, userId, tag, countArg] = process.argv.slice(2);
if (!url || !userId || !tag || !countArg) throw new Error("usage: ledger-debit-process <url> <userId> <tag> <count>");
const db = createDb({ url });
const results = await Promise.allSettled(
  Array.from({ length: Number(countArg) }, (_, i) =>
    chargeAuditionFee(db, { userId, auditionId: `${tag}-${i}`, cloneName: `Clone ${tag}-${i}` }),
  ),
);
const ok = results.filter((r) => r.status === "fulfilled").length;
const refused = results.filter((r) => r.status === "rejected" && (r.reason as { code?: string }).code === "INSUFFICIENT_FUNDS").length;
const other = results.filter((r) => r.status === "rejected" && (r.reason as { code?: string }).code !== "INSUFFICIENT_FUNDS");
await db.$disconnect();
process.stdout.write(JSON.stringify({ ok, refused, otherErrors: other.map((r) => String((r as PromiseRejectedResult).reason)) }) + "\n");
