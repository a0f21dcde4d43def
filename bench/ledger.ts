/**
 * Wallet debits per second: each an Audition Fee posting (idempotency check,
 * conditional debit, credit, two entries: one balanced double-entry transaction
 * in its own database transaction), against the same number of plain one-row
 * inserts through the same client in the same run.
 */
import { adminGrantPosting } from "@/lib/domain/ledger/rules";
import { postLedger } from "@/server/services/ledger/post-ledger";
import { chargeAuditionFee } from "@/server/services/wallet/charge-audition-fee";
import { runLedgerAudit } from "@/server/services/ledger/run-ledger-audit";
import { fmt, measure, perSecond, printTable, scratchDatabase, type Benchmark } from "./harness";

export const ledgerBenchmark: Benchmark = {
  name: "ledger",
  description: "wallet debits (balanced double-entry postings) per second vs raw one-row inserts",
  async run(args) {
    const count = Number(args[0] ?? 2000);
    const { db, cleanup } = await scratchDatabase();
    try {
      const user = await db.user.create({ data: { email: "bench@clash.local", name: "Bench", passwordHash: "-" } });
      await postLedger(db, { posting: adminGrantPosting(user.id, (count + 1) * 2500, "benchmark funding"), idempotencyKey: "bench-funding" });
      await db.$executeRawUnsafe("CREATE TABLE bench_raw (id INTEGER PRIMARY KEY, payload TEXT NOT NULL, amount INTEGER NOT NULL)");

      // warm both paths so neither pays first-query costs in the measurement
      await chargeAuditionFee(db, { userId: user.id, auditionId: "warm", cloneName: "warm" });
      await db.$executeRawUnsafe("INSERT INTO bench_raw (payload, amount) VALUES ('warm', 0)");

      const raw = await measure("raw one-row insert", count, (i) =>
        db.$executeRaw`INSERT INTO bench_raw (payload, amount) VALUES (${`row-${i}`}, ${i})`,
      );
      const debits = await measure("wallet debit (posting)", count, (i) =>
        chargeAuditionFee(db, { userId: user.id, auditionId: `a-${i}`, cloneName: `Clone ${i}` }),
      );
      const audit = await runLedgerAudit(db);
      if (!audit.ok) throw new Error(`ledger inconsistent after the benchmark: ${JSON.stringify(audit.problems)}`);

      const rows = [raw, debits].map((m) => ({
        operation: m.label,
        count: m.count,
        "total ms": fmt(m.ms),
        "per second": fmt(perSecond(m)),
        "mean µs": fmt((m.ms / m.count) * 1000, 0),
      }));
      printTable(rows);
      const ratio = perSecond(debits) / perSecond(raw);
      console.log(`\nA debit costs ${fmt(1 / ratio, 2)}× a raw insert (ledger audit after the run: consistent, ${audit.transactions} transactions).`);
      return {
        benchmark: "ledger",
        count,
        debitsPerSecond: Math.round(perSecond(debits)),
        rawInsertsPerSecond: Math.round(perSecond(raw)),
        debitToRawRatio: Number(ratio.toFixed(4)),
        ledgerConsistent: audit.ok,
      };
    } finally {
      await cleanup();
    }
  },
};
