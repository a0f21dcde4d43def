/**
 * The backtest engine: a clone's decisions on one asset over a window of market
 * memory, with the live pipeline's rules and in its order, minute by minute:
 *
 *   at each minute t of [from, to): the open position is monitored up to t (its
 *   stops, take-profits and funding, as the runner's monitor slot does), then, if
 *   t is a slot of the clone's cadence, the clone decides at T = t (as the runner's
 *   decision slot does, monitoring first). At `to` the position is monitored once
 *   more and left open, valued at the market at `to`.
 *
 * Pure and deterministic: the same spec gives the same result, field for field.
 * It runs in steps (advance) so a caller can report progress between them.
 */
import { buildPacket, packetReads, packetReuse } from "@/lib/domain/decisions/build-packet";
import { tradingPrompt } from "@/lib/domain/graph/queries";
import type { CloneGraph } from "@/lib/domain/graph/schema";
import { GRANULARITY_MS } from "@/lib/domain/graph/vocabulary";
import { equityBreakdown, equityWithMark } from "@/lib/domain/paper/account";
import type { ExecutionConfig } from "@/lib/domain/paper/config";
import type { Position } from "@/lib/domain/paper/position-types";
import type { GlobalLimits } from "@/lib/domain/runtime/controls";
import { decisionStep, type AccountState, type DecisionStatus } from "./decision-step";
import { backtestMetrics } from "./metrics";
import { monitorStep } from "./monitor-step";
import { seriesMarket } from "./packet-source";
import { countOpenedBefore, marketAtT, type MarketSeries, type PerpSeries } from "./series";
import { tradeRecord, type BacktestResult, type FillRecord, type TradeRecord } from "./result";

const M = 60_000;
const H = 3_600_000;
const DAY = 86_400_000;
/** distinct no-trade and rejection reasons kept with their counts */
const MAX_REASONS = 20;

export interface BacktestSpec {
  graph: CloneGraph;
  asset: string;
  /** minute-aligned ms; decisions at the cadence's slots in [from, to) */
  from: number;
  to: number;
  startMicro: number;
  market: MarketSeries;
  /** the runtime controls' global caps, if they should apply (a live race has them) */
  limits?: GlobalLimits;
  config?: ExecutionConfig;
}

export interface Backtest {
  /** the fraction of the window's minutes done, 0 to 1 */
  readonly progress: number;
  readonly done: boolean;
  /** runs up to `minutes` more minutes of the window */
  advance(minutes: number): void;
  /** the result once done (runs what is left first) */
  result(): BacktestResult;
}

export function createBacktest(spec: BacktestSpec): Backtest {
  const { asset, from, to } = spec;
  // frozen, so the packet builder keeps what it derives from the graph (as for a saved version)
  const graph = deepFreeze(structuredClone(spec.graph));
  const prompt = tradingPrompt(graph);
  const cadenceMs = GRANULARITY_MS[prompt.cadence];
  const perp = spec.market.perps.get(asset);
  const source = seriesMarket(spec.market, packetReads(graph));
  // a packet's indicators computed as its rules read them (the same values), its candle streams'
  // objects rewritten from one decision to the next: a decision reads its packet, nothing keeps it
  const packetOptions = { lazyIndicators: true, reuse: packetReuse() };
  const account: AccountState = {
    startMicro: spec.startMicro, realizedMicro: 0, feesMicro: 0, fundingMicro: 0,
    peakEquityMicro: spec.startMicro, dayStartEquityMicro: spec.startMicro, dayStartMs: Math.floor(from / DAY) * DAY,
  };
  let position: Position | null = null;
  const fills: FillRecord[] = [];
  const trades: TradeRecord[] = [];
  const decisions: Record<DecisionStatus, number> = { ACTION: 0, HOLD: 0, REJECTED: 0, NO_TRADE: 0 };
  const reasons = new Map<string, number>();
  const hourly: { time: number; equityMicro: number }[] = [];
  const samples: number[] = [];
  let fundingHours = 0;
  let t = from;
  let final: BacktestResult | null = null;

  const equityAt = (T: number) => {
    const market = perp ? marketAtT(perp, T) : null;
    return equityWithMark(account, position, asset, market ? market.referencePrice : null);
  };
  const monitor = (until: number) => {
    if (!position || !perp) return;
    // the engine's position is its own (every one it holds was made for it): watched in place
    const watched = monitorStep(perp, account, position, until, spec.config, true);
    fundingHours += watched.fundingHours;
    position = watched.position;
    if (watched.exit) {
      fills.push({ ...fillRecord(watched.exit.fill), purpose: watched.exit.position.exitTrigger!.kind.toUpperCase() });
      trades.push(tradeRecord(watched.exit.position));
      position = null;
    }
  };
  const decide = (T: number) => {
    const step = decisionStep({
      T, asset, account, position, market: perp ? marketAtT(perp, T) : null,
      packet: buildPacket(graph, T, source.at(T), packetOptions), prompt, limits: spec.limits, config: spec.config,
    });
    decisions[step.status]++;
    if ((step.status === "REJECTED" || step.status === "NO_TRADE") && step.reason) {
      if (reasons.has(step.reason) || reasons.size < MAX_REASONS) reasons.set(step.reason, (reasons.get(step.reason) ?? 0) + 1);
    }
    if (step.executed) {
      const closing = step.action?.action === "close";
      fills.push({ ...fillRecord(step.executed.fill), purpose: closing ? "CLOSE_SIGNAL" : "OPEN" });
      if (closing) trades.push(tradeRecord(step.executed.position));
      position = closing ? null : step.executed.position;
    }
    return step.equityMicro;
  };

  function advance(minutes: number) {
    const end = Math.min(to, t + minutes * M);
    while (t < end) {
      const slot = t % cadenceMs === 0;
      const hour = t % H === 0;
      if (slot || hour) {
        // monitoring catches up only where something reads the position: the same as once a minute (monitor-step.ts)
        monitor(t);
        const equityMicro = slot ? decide(t) : equityAt(t);
        samples.push(equityMicro);
        if (hour) hourly.push({ time: t, equityMicro });
      }
      // On to the next slot or hour: the minutes between have nothing to do. The loop still
      // lands on the minutes it stepped through one by one (t + k min) and ends where that did.
      const stepEnd = t + M * Math.ceil((end - t) / M);
      t = t % M === 0 ? Math.min(stepEnd, nextMultiple(t + M, cadenceMs), nextMultiple(t + M, H)) : stepEnd;
    }
  }

  function finish(): BacktestResult {
    monitor(to);
    const equityMicro = equityAt(to);
    samples.push(equityMicro);
    if (to % H === 0) hourly.push({ time: to, equityMicro });
    // buy and hold from the market at `from`, or, when market memory starts inside the window, from its first minute's close
    const first = perp ? (marketAtT(perp, from) ?? firstMarketIn(perp, from, to)) : null;
    const last = perp ? marketAtT(perp, to) : null;
    const minutes = (to - from) / M;
    const exposedMs = trades.reduce((a, tr) => a + tr.closedAt - tr.openedAt, position ? to - position.openedAt : 0);
    const breakdown = equityBreakdown(account, position ? [position] : [], last ? { [asset]: last.referencePrice } : {});
    return {
      asset, from, to, cadence: prompt.cadence, strategy: prompt.strategy, minutes,
      decisions, reasons: Object.fromEntries(reasons), fundingHours,
      account: { startMicro: account.startMicro, realizedMicro: account.realizedMicro, feesMicro: account.feesMicro, fundingMicro: account.fundingMicro, unrealizedMicro: breakdown.unrealizedMicro, equityMicro },
      openPosition: position,
      fills, trades, equityCurve: hourly,
      metrics: backtestMetrics({
        startMicro: account.startMicro, finalEquityMicro: equityMicro, hourly: hourly.map((h) => h.equityMicro), samples,
        tradeNetMicro: trades.map((tr) => tr.netPnlMicro), tradesOpened: fills.filter((f) => f.purpose === "OPEN").length,
        exposedMinutes: exposedMs / M, minutes, firstPrice: first?.referencePrice ?? null, lastPrice: last?.referencePrice ?? null,
      }),
    };
  }

  return {
    get progress() {
      return to > from ? (t - from) / (to - from) : 1;
    },
    get done() {
      return t >= to;
    },
    advance,
    result() {
      if (!final) {
        advance(Math.ceil((to - t) / M));
        final = finish();
      }
      return final;
    },
  };
}

/** The market at the close of the first minute market memory has in [from, to), if that closes by `to`. */
function firstMarketIn(p: PerpSeries, from: number, to: number) {
  const i = countOpenedBefore(p.minutes, from);
  const closed = i < p.minutes.length ? p.minutes.openTime[i]! + M : Infinity;
  return closed <= to ? marketAtT(p, closed) : null;
}

/** The first multiple of `step` at or after x. */
const nextMultiple = (x: number, step: number) => Math.ceil(x / step) * step;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function fillRecord(f: { time: number; side: "buy" | "sell"; price: number; sizeBase: number; notionalMicro: number; feeMicro: number; slippageBps: number }) {
  return { time: f.time, side: f.side, price: f.price, sizeBase: f.sizeBase, notionalMicro: f.notionalMicro, feeMicro: f.feeMicro, slippageBps: f.slippageBps };
}
