/**
 * Backtest/live parity: rules clones run live over a few hours of replay market
 * memory, the way the app runs them (the replay synced as the clock moves, every
 * account monitored each minute, then each decision slot decided by decide() with
 * the rules provider, on BACKTEST paper accounts), then backtested over the very
 * same window. Fills (time, side, price, size, notional, fee, slippage, purpose),
 * exits, decision outcomes, the account's books and the open position must agree
 * exactly, to the micro-dollar. And a backtest run twice gives identical results.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import type { CloneGraph } from "@/lib/domain/graph/schema";
import { GRANULARITY_MS } from "@/lib/domain/graph/vocabulary";
import { tradingPrompt } from "@/lib/domain/graph/queries";
import { templateGraph } from "@/lib/domain/graph/templates";
import { equityBreakdown } from "@/lib/domain/paper/account";
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import { createRulesProvider } from "@/server/models/rules";
import * as paper from "@/server/repositories/paper";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createClone } from "../clones/clones";
import { decide } from "../decisions/decide";
import { syncReplay } from "../market/sync/replay";
import { marketAt } from "../paper/market-at";
import { monitorAccount } from "../paper/monitor";
import { readRuntimeControls } from "../runtime/controls";
import { prepareBacktest, runBacktest, type PreparedBacktest } from "./run-backtest";
import { busyGraph } from "./testing/graphs";

const M = 60_000;
const S0 = Date.UTC(2026, 6, 3, 6, 0);
const FROM = S0;
const TO = S0 + 4 * 3_600_000;
const START_USD = 10_000;
const CLONES: Record<string, () => CloneGraph> = {
  "momentum (template, 5m)": () => templateGraph("momentum"),
  "momentum (1m, EMA 3/8, tight stop and take-profit)": () => busyGraph("momentum"),
  "mean-reversion (1m)": () => busyGraph("mean-reversion"),
  "volume-spike (trailing stop)": () => busyGraph("volume-spike"),
  "funding-carry (15m, funding hours)": () => busyGraph("funding-carry"),
};
let t: TestDb;
const accounts = new Map<string, { accountId: string; cloneId: string; graph: CloneGraph }>();

beforeAll(async () => {
  t = await createTestDb();
  const db = t.db;
  const sync = (at: number) => syncReplay(db, new ManualClock(at), { seed: "parity", symbols: ["BTC"] });
  await sync(FROM - 30_000);
  const owner = await db.user.create({ data: { email: "parity@example.test", name: "Parity", passwordHash: "-" } });
  for (const [name, graphOf] of Object.entries(CLONES)) {
    const graph = graphOf();
    const { id } = await createClone(db, { ownerId: owner.id, graph });
    const account = await paper.ensureAccount(db, { cloneId: id, mode: "BACKTEST", scopeKey: "parity", startMicro: usdToMicro(START_USD), dayStartMs: Math.floor(FROM / 86_400_000) * 86_400_000 });
    accounts.set(name, { accountId: account.id, cloneId: id, graph });
  }
  const rules = createRulesProvider();
  // as the runner decides: with the runtime controls' global caps
  const { limits } = await readRuntimeControls(db);
  for (let minute = FROM; minute < TO; minute += M) {
    // the replay source syncs just after the minute closes: that minute's candle, a mid, a book, a context
    await sync(minute + 5_000);
    // minutes the feed never delivered, now and then: a single one (the mid outruns the candles), and six in a
    // row (the candles go stale: recorded no-trades)
    const phase = (minute - FROM) % (47 * M);
    if (phase === 11 * M || (phase >= 23 * M && phase < 29 * M)) await db.candle.deleteMany({ where: { openTimeMs: BigInt(minute - M) } });
    for (const { accountId } of accounts.values()) await monitorAccount(db, accountId, minute);
    for (const { accountId, graph } of accounts.values()) {
      if (minute % GRANULARITY_MS[tradingPrompt(graph).cadence] === 0) await decide(db, { accountId, asset: "BTC", decisionTime: minute, provider: rules, limits });
    }
  }
  for (const { accountId } of accounts.values()) await monitorAccount(db, accountId, TO);
}, 600_000);
afterAll(async () => t.cleanup());

async function live(accountId: string) {
  const db = t.db;
  const fills = await db.paperFill.findMany({ where: { accountId }, orderBy: [{ timeMs: "asc" }, { id: "asc" }], include: { order: { select: { purpose: true } } } });
  const account = (await paper.findAccount(db, accountId))!;
  const open = await paper.openPositions(db, accountId);
  const market = await marketAt(db, "BTC", TO);
  const runs = await db.decisionRun.groupBy({ by: ["status"], where: { accountId }, _count: { _all: true } });
  return {
    fills: fills.map((f) => ({ time: Number(f.timeMs), side: f.side, price: f.price, sizeBase: f.sizeBase, notionalMicro: Number(f.notionalMicro), feeMicro: Number(f.feeMicro), slippageBps: f.slippageBps, purpose: f.order.purpose })),
    exits: (await db.paperPosition.findMany({ where: { accountId, state: "CLOSED" }, orderBy: { openedAtMs: "asc" } })).map((p) => paper.toPosition(p).position),
    decisions: Object.fromEntries(runs.map((r) => [r.status, r._count._all])),
    books: { realizedMicro: account.realizedMicro, feesMicro: account.feesMicro, fundingMicro: account.fundingMicro },
    equityMicro: equityBreakdown(account, open.map((s) => s.position), market ? { BTC: market.referencePrice } : {}).equityMicro,
    open: open[0]?.position ?? null,
  };
}

const prepared = new Map<string, PreparedBacktest>();
async function backtestOf(name: string) {
  const { cloneId } = accounts.get(name)!;
  if (!prepared.has(name)) prepared.set(name, await prepareBacktest(t.db, { target: { kind: "clone", cloneId }, asset: "BTC", from: FROM, to: TO, now: TO + M, startUsd: START_USD }));
  return (await runBacktest(t.db, prepared.get(name)!)).result;
}

describe("a backtest agrees with the live pipeline over the same window", () => {
  it.each(Object.keys(CLONES))("%s", async (name) => {
    const expected = await live(accounts.get(name)!.accountId);
    const result = await backtestOf(name);
    expect(result.fills).toStrictEqual(expected.fills);
    const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, n]) => n > 0));
    expect(nonZero(result.decisions)).toEqual(expected.decisions);
    expect(result.trades).toEqual(expected.exits.map((p) => ({
      side: p.side, sizeBase: p.sizeBase, openedAt: p.openedAt, closedAt: p.closedAt, entryPrice: p.entryPrice, exitPrice: p.exitPrice, exitReason: p.exitReason,
      realizedPnlMicro: p.realizedPnlMicro, feesMicro: p.feesMicro, fundingMicro: p.fundingMicro, netPnlMicro: p.realizedPnlMicro - p.feesMicro + p.fundingMicro,
    })));
    expect({ realizedMicro: result.account.realizedMicro, feesMicro: result.account.feesMicro, fundingMicro: result.account.fundingMicro }).toEqual(expected.books);
    expect(result.account.equityMicro).toBe(expected.equityMicro);
    expect(result.openPosition).toStrictEqual(expected.open);
    if (process.env.PARITY_SUMMARY) console.log(name, JSON.stringify({ fills: result.fills.length, purposes: [...new Set(result.fills.map((f) => f.purpose))], decisions: result.decisions, trades: result.trades.length, fundingMicro: result.account.fundingMicro, equityMicro: result.account.equityMicro, open: !!result.openPosition }));
  });

  it("the comparison covered what it should: entries, close signals, stops or take-profits, trailing stops, funding, rejections, no-trades", async () => {
    const fills = (await Promise.all([...accounts.values()].map(({ accountId }) => live(accountId)))).flatMap((l) => l.fills);
    const purposes = new Set(fills.map((f) => f.purpose));
    for (const purpose of ["OPEN", "CLOSE_SIGNAL", "TRAILING_STOP"]) expect(purposes).toContain(purpose);
    expect(purposes.has("STOP_LOSS") || purposes.has("TAKE_PROFIT")).toBe(true);
    expect(fills.length).toBeGreaterThan(20);
    const funded = await t.db.paperAccount.findMany({ where: { fundingMicro: { not: 0 } } });
    expect(funded.length).toBeGreaterThan(0);
    for (const status of ["REJECTED", "NO_TRADE"]) expect(await t.db.decisionRun.count({ where: { status } })).toBeGreaterThan(0);
  });

  it("is reproducible: the same inputs give identical results, field for field", async () => {
    for (const name of Object.keys(CLONES)) {
      const [a, b] = [await backtestOf(name), await backtestOf(name)];
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }
  });
});
