/**
 * `market import`: a JSON file recorded from a real API, stored through the same
 * ingestion path as live data. Everything the batches need (a prediction market
 * for a token) is looked up before the first write, so a file that cannot be
 * imported whole writes nothing.
 */
import type { RecordedBatch } from "@/lib/domain/market/replay/recorded-formats";
import type { PredictionMarketInfo } from "@/lib/domain/market/types";
import { RecordedFormatError, importRecordedFile } from "@/server/market/replay/import-file";
import { findPredictionMarketByToken } from "@/server/repositories/market/lookup";
import type { IngestResult } from "../ingest";
import { perpAsset, storeBook, storeCandles, storeFunding, storeMids, storePredictionPrices } from "../store";
import { EXIT, errorText, iso, type CliDeps } from "./context";
import type { ImportArgs } from "./schemas";

type Markets = Map<string, { market: PredictionMarketInfo; outcome: number }>;

export async function importFile(args: ImportArgs, deps: Pick<CliDeps, "db" | "clock" | "stdout" | "stderr">): Promise<number> {
  const { db, clock, stdout, stderr } = deps;
  let batches: RecordedBatch[];
  try {
    batches = await importRecordedFile(args.file, { timeMs: args.time, tokenId: args.tokenId });
  } catch (e) {
    if (!(e instanceof RecordedFormatError)) throw e;
    // the recorder's hints name its option fields; an operator knows them as flags
    const message = e.message.replace("(tokenId)", "(--token-id)").replace("(timeMs)", "(--time)");
    stderr.write(`market import: --file ${message}\n`);
    return /--token-id|--time/.test(message) ? EXIT.usage : EXIT.failed;
  }

  const markets: Markets = new Map();
  for (const b of batches) {
    if (b.kind !== "prediction-prices" || markets.has(b.tokenId)) continue;
    const found = await findPredictionMarketByToken(db, b.tokenId);
    if (!found) {
      stderr.write(`market import: --token-id ${b.tokenId}: no stored prediction market has this outcome token; store the market first (the Polymarket sync or the replay does), nothing was imported\n`);
      return EXIT.failed;
    }
    markets.set(b.tokenId, found);
  }

  const ctx = { db, clock, source: args.source };
  stdout.write(`importing ${args.file}: ${batches.length} batch(es) as source ${args.source}\n`);
  let rows = 0;
  for (const batch of batches) {
    try {
      const { what, results, points } = await store(ctx, batch, markets);
      // ingest counts the series' times, and only outcome 0 times a prediction market: count its points instead
      const stored = points ?? results.reduce((n, r) => n + r.rows, 0);
      rows += stored;
      const gaps = results.reduce((n, r) => n + r.gapsOpened.length, 0);
      stdout.write(`  ${what}: ${stored} row(s), ${gaps} gap(s) opened\n`);
    } catch (e) {
      // the batch rolled back and its channel recorded the failure; earlier batches stay stored
      stderr.write(`market import: ${batch.kind} batch failed: ${errorText(e)}\n`);
      return EXIT.failed;
    }
  }
  stdout.write(`imported ${rows} row(s)\n`);
  return EXIT.ok;
}

async function store(ctx: Parameters<typeof storeCandles>[0], batch: RecordedBatch, markets: Markets): Promise<{ what: string; results: IngestResult[]; points?: number }> {
  switch (batch.kind) {
    case "candles":
      return { what: `candles ${batch.symbol}`, results: [await storeCandles(ctx, perpAsset(batch.symbol), batch.candles)] };
    case "funding":
      return { what: `funding ${batch.symbol}`, results: [await storeFunding(ctx, perpAsset(batch.symbol), batch.rates)] };
    case "book":
      return { what: `book ${batch.symbol} at ${iso(batch.book.time)}`, results: [await storeBook(ctx, perpAsset(batch.symbol), batch.book)] };
    case "mids": {
      const results: IngestResult[] = [];
      for (const mid of batch.mids) results.push(await storeMids(ctx, perpAsset(mid.symbol), [mid]));
      return { what: `mids of ${batch.mids.length} symbol(s) at ${iso(batch.time)}`, results };
    }
    case "prediction-prices": {
      const { market, outcome } = markets.get(batch.tokenId)!;
      return {
        what: `prediction prices ${market.slug} (outcome ${market.outcomes[outcome] ?? outcome})`,
        results: [await storePredictionPrices(ctx, market, outcome, batch.points)],
        points: batch.points.length,
      };
    }
  }
}
