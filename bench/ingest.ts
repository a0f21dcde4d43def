/**
 * 1,000,000 one-minute candles through the ingestion path (validation, upsert,
 * gap tracking, channel health, one transaction per batch) against the same rows
 * bulk-inserted with plain multi-row INSERTs straight through the libSQL client
 * into an identical table, in the same run.
 */
import { createClient } from "@libsql/client";
import { ManualClock } from "@/lib/domain/clock";
import { replayCandles } from "@/lib/domain/market/replay/generator";
import { REPLAY_ANCHOR } from "@/lib/domain/market/replay/assets";
import type { Candle } from "@/lib/domain/market/types";
import { perpAsset, storeCandles } from "@/server/services/market/store";
import { fmt, printTable, scratchDatabase, type Benchmark } from "./harness";

const M = 60_000;
const BATCH = 10_000;
const COLUMNS = 9;
const ROWS_PER_STATEMENT = Math.floor(30_000 / COLUMNS);

export const ingestBenchmark: Benchmark = {
  name: "ingest",
  description: "1,000,000 one-minute candles through the ingestion path vs a raw bulk insert",
  async run(args) {
    const count = Number(args[0] ?? 1_000_000);
    const genStart = performance.now();
    const candles = replayCandles("bench", "BTC", REPLAY_ANCHOR, REPLAY_ANCHOR + count * M);
    const genMs = performance.now() - genStart;
    const { db, url, cleanup } = await scratchDatabase();
    try {
      // the baseline table: the same columns and primary key as Candle
      const raw = createClient({ url });
      await raw.execute(`CREATE TABLE "CandleRaw" ("assetId" TEXT NOT NULL, "openTimeMs" BIGINT NOT NULL, "open" REAL NOT NULL,
        "high" REAL NOT NULL, "low" REAL NOT NULL, "close" REAL NOT NULL, "volume" REAL NOT NULL, "trades" INTEGER NOT NULL,
        "source" TEXT NOT NULL, PRIMARY KEY ("assetId", "openTimeMs"))`);

      const rawStart = performance.now();
      for (let i = 0; i < candles.length; i += BATCH) await rawInsert(raw, candles.slice(i, i + BATCH));
      const rawMs = performance.now() - rawStart;
      raw.close();

      const clock = new ManualClock(REPLAY_ANCHOR + (count + 1) * M);
      const ingestStart = performance.now();
      for (let i = 0; i < candles.length; i += BATCH) {
        await storeCandles({ db, clock, source: "replay" }, perpAsset("BTC"), candles.slice(i, i + BATCH));
      }
      const ingestMs = performance.now() - ingestStart;

      const stored = await db.candle.count();
      const gaps = await db.feedGap.count();
      if (stored !== count || gaps !== 0) throw new Error(`expected ${count} candles and no gap, found ${stored} and ${gaps}`);
      const rate = (ms: number) => (count / ms) * 1000;
      printTable([
        { path: "raw bulk insert (libSQL, multi-row INSERT)", rows: count, "total s": fmt(rawMs / 1000, 2), "rows / s": fmt(rate(rawMs), 0) },
        { path: "ingestion path (validate, upsert, gaps, health)", rows: count, "total s": fmt(ingestMs / 1000, 2), "rows / s": fmt(rate(ingestMs), 0) },
      ]);
      const ratio = ingestMs / rawMs;
      console.log(`\nIngestion takes ${fmt(ratio, 2)}× the raw insert time (goal ≤ 1.5×). Generating the candles took ${fmt(genMs / 1000, 2)} s (not measured above).`);
      return {
        benchmark: "ingest",
        rows: count,
        batch: BATCH,
        rawRowsPerSecond: Math.round(rate(rawMs)),
        ingestRowsPerSecond: Math.round(rate(ingestMs)),
        ingestToRawTimeRatio: Number(ratio.toFixed(3)),
        goalMet: ratio <= 1.5,
      };
    } finally {
      await cleanup();
    }
  },
};

async function rawInsert(client: ReturnType<typeof createClient>, rows: Candle[]) {
  const tx = await client.transaction("write");
  try {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
      await tx.execute({
        sql: `INSERT INTO "CandleRaw" VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
        args: chunk.flatMap((c) => ["btc", c.openTime, c.open, c.high, c.low, c.close, c.volume, c.trades, "replay"]),
      });
    }
    await tx.commit();
  } finally {
    tx.close();
  }
}
