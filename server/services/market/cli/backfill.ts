/**
 * `market backfill`: fills a past window of one channel, chunk by chunk. Each
 * chunk is one ingestion transaction; after it the channel's cursor records how
 * far the backfill got, so a run stopped by Ctrl-C or a failing source continues
 * there when started again, and the cursor is cleared once the window is done.
 */
import { HttpError } from "@/server/market/http";
import { keepPerpDays } from "@/server/repositories/market/backtest-series";
import { findChannel, setCursor } from "@/server/repositories/market/channels";
import { channelFor, runChannel } from "../ingest";
import { backfillPlan, windowEnd, type ChunkDone } from "./backfill-plans";
import { EXIT, errorText, iso, type CliDeps } from "./context";
import { ProgressBar, formatDuration } from "./progress";
import type { BackfillArgs } from "./schemas";

class Interrupted extends Error {}

type Outcome = { kind: "done" } | { kind: "interrupted" } | { kind: "failed"; error: unknown };

export async function backfill(args: BackfillArgs, deps: CliDeps): Promise<number> {
  const { db, clock, stdout, stderr } = deps;
  const plan = backfillPlan(args, deps);
  const channelId = channelFor(plan.channel.source, plan.channel.dataset, plan.channel.asset).id;
  const end = Math.min(args.to, windowEnd(args.dataset, clock.now().getTime()));
  if (end <= args.from) {
    stderr.write(`market backfill: --from ${iso(args.from)} is not in the past (now is ${clock.now().toISOString()})\n`);
    return EXIT.usage;
  }
  if (end < args.to) stdout.write(`--to is not in the past yet: backfilling until ${iso(end)}\n`);

  const saved = (await findChannel(db, channelId))?.cursorMs;
  const cursor = saved == null ? null : Number(saved);
  const start = cursor !== null && cursor >= args.from && cursor < end ? cursor : args.from;
  if (start !== args.from) stdout.write(`resuming ${channelId} from its cursor ${iso(start)}\n`);

  try {
    await plan.prepare?.();
  } catch (e) {
    // a mistyped slug is the operator's error, not a failing source: no channel is marked
    if (e instanceof HttpError && e.status === 404) {
      stderr.write(`market backfill: --asset ${args.asset}: ${args.source} has no such market (${e.message})\n`);
      return EXIT.failed;
    }
    await runChannel(db, clock, plan.channel, () => Promise.reject(e));
    stderr.write(`backfill failed before the first chunk: ${errorText(e)} (recorded on ${channelId})\n`);
    return EXIT.failed;
  }

  const bar = new ProgressBar(stderr, `${args.source} ${args.asset} ${args.dataset}`, deps.wallNow);
  const totals = { chunks: 0, rows: 0, gaps: [] as { fromMs: number; toMs: number }[], cursorMs: start };
  // held in an object: TypeScript would otherwise narrow it to "done" across the callback below
  const result: { outcome: Outcome } = { outcome: { kind: "done" } };
  bar.update({ done: 0, total: plan.estimateChunks(start, end), rows: 0 });
  const onChunk = async (chunk: ChunkDone) => {
    await setCursor(db, channelId, chunk.cursorMs);
    totals.chunks++;
    totals.rows += chunk.stored?.rows ?? 0;
    totals.gaps.push(...(chunk.stored?.gapsOpened ?? []));
    totals.cursorMs = chunk.cursorMs;
    bar.update({ done: totals.chunks, total: totals.chunks + plan.estimateChunks(chunk.cursorMs, end), rows: totals.rows });
    // the local SQLite driver answers without a turn of the event loop: give Ctrl-C's handler one
    await new Promise((resolve) => setImmediate(resolve));
    if (deps.signal?.aborted) throw new Interrupted();
  };
  // runChannel records a failed fetch on the channel; ingest already recorded a failed write
  await runChannel(db, clock, plan.channel, async () => {
    try {
      await plan.run(start, end, onChunk);
    } catch (e) {
      if (e instanceof Interrupted) {
        result.outcome = { kind: "interrupted" };
        return;
      }
      result.outcome = { kind: "failed", error: e };
      throw e;
    }
  });
  bar.finish();

  const stored = `${totals.rows.toLocaleString("en-US")} rows in ${totals.chunks} chunk(s), ${totals.gaps.length} gap(s) opened, ${formatDuration(bar.elapsedMs())}`;
  const gapLines = totals.gaps.slice(0, 5).map((g) => `  gap [${iso(g.fromMs)}, ${iso(g.toMs)})\n`).join("");
  const more = totals.gaps.length > 5 ? `  … and ${totals.gaps.length - 5} more (see the Ingestion health page)\n` : "";
  const { outcome } = result;
  switch (outcome.kind) {
    case "done":
      await setCursor(db, channelId, null);
      stdout.write(`backfilled ${channelId} [${iso(args.from)}, ${iso(end)}): ${stored}\n${gapLines}${more}`);
      if (plan.channel.dataset === "candles" && plan.channel.asset.venue === "HYPERLIQUID") await keepDaysForBacktests(deps, args.asset, args.from, end);
      return EXIT.ok;
    case "interrupted":
      stdout.write(`interrupted: ${stored}\n${gapLines}${more}`);
      stderr.write(`stopped at ${iso(totals.cursorMs)}; run the same command again to resume there\n`);
      return EXIT.interrupted;
    case "failed":
      stdout.write(`partly backfilled ${channelId}: ${stored}\n${gapLines}${more}`);
      stderr.write(`backfill failed: ${errorText(outcome.error)} (recorded on ${channelId}); run the same command again to resume from ${iso(totals.cursorMs)}\n`);
      return EXIT.failed;
  }
}

/**
 * The backfilled window's closed days kept in columns, as the first backtest over them
 * would keep them (server/repositories/market/candle-days.ts): that backtest then reads a
 * year in ~0.1 s instead of ~1.5 s. The backfill itself is done either way.
 */
async function keepDaysForBacktests(deps: CliDeps, symbol: string, from: number, to: number): Promise<void> {
  const now = deps.wallNow ?? (() => performance.now());
  const started = now();
  try {
    const kept = await keepPerpDays(deps.db, symbol, from, to);
    if (kept) deps.stdout.write(`kept ${kept} closed day(s) of ${symbol} minutes in columns for backtests (${formatDuration(now() - started)})\n`);
  } catch (e) {
    deps.stderr.write(`the backfilled days were not kept in columns for backtests (a backtest reads them from their rows): ${errorText(e)}\n`);
  }
}
