/**
 * What the Arena's pages show: the accumulating race with live odds, the live race,
 * a race's leaderboard (equity, return, PnL, fees, win rate, Sharpe, max drawdown,
 * trades), equity curves, open positions, completed trades, the reasoning feed and,
 * once settled, the places, the pool split and every payout.
 */
import { maxDrawdown, sharpe } from "@/lib/domain/backtest/metrics";
import { DomainError } from "@/lib/domain/errors";
import { equityBreakdown } from "@/lib/domain/paper/account";
import { liveOdds } from "@/lib/domain/race/odds";
import { isFinished, OPEN_STATUSES, RACE_START_USD } from "@/lib/domain/race/lifecycle";
import type { SettlementResult } from "@/lib/domain/parimutuel";
import type { PrismaClient } from "@/server/db";
import * as arena from "@/server/repositories/arena";
import * as paper from "@/server/repositories/paper";
import { raceDecisionFeed } from "@/server/repositories/arena-feed";
import { accountEquityCurve } from "../history/equity";
import { marketAt } from "../paper/market-at";

const START_CENTS = RACE_START_USD * 100;
const YEAR_MS = 365 * 86_400_000;
/** Sharpe is shown once a race has run this long (before that it reads "—") */
const MIN_SHARPE_SPAN_MS = 2 * 3_600_000;

type RaceRow = NonNullable<Awaited<ReturnType<typeof arena.findRace>>>;

function raceSummary(r: RaceRow) {
  const { settlement: _s, ...rest } = r;
  return rest;
}

/** The accumulating race (entrants, pool, stake shares, probable payouts) and the live race, for the Arena page. */
export async function arenaOverview(db: PrismaClient) {
  const [accumulating] = await arena.racesIn(db, ["ACCUMULATING"]);
  const running = (await arena.racesIn(db, ["LAUNCHED", "LIVE", "SETTLING"])).at(-1) ?? null;
  const lastSettled = running ? null : ((await arena.recentRaces(db, 5)).find((r) => r.status === "SETTLED" || r.status === "ARCHIVED") ?? null);
  return {
    accumulating: accumulating ? await accumulatingView(db, accumulating) : null,
    live: running ? await leaderboard(db, running) : null,
    lastSettled: lastSettled ? { number: lastSettled.number, status: lastSettled.status } : null,
  };
}

/**
 * The races an operator watches (admin Arena page): every race still in play (taking
 * tickets, launched, live, settling), newest first, and the finished ones among the
 * latest `take` races. With a schedule that runs longer than it accumulates, several
 * races are live at once, so the open ones are read by status, not from the latest few.
 */
export async function adminRaces(db: PrismaClient, take: number) {
  const [open, recent] = await Promise.all([arena.racesIn(db, OPEN_STATUSES), arena.recentRaces(db, take)]);
  return {
    open: open.reverse().map(raceSummary),
    finished: recent.filter((r) => isFinished(r.status)).map(raceSummary),
  };
}

async function accumulatingView(db: PrismaClient, race: RaceRow) {
  const entrants = await arena.raceEntrants(db, race.id);
  const creators = await arena.userNames(db, [...new Set(entrants.map((e) => e.creatorId))]);
  const odds = liveOdds(entrants.map((e) => ({ cloneId: e.cloneId, stakeCents: e.stakeCents })));
  return {
    race: raceSummary(race),
    distributionCents: odds.distributionCents,
    entrants: entrants.map((e, i) => ({
      cloneId: e.cloneId, slot: e.slot, name: e.name, tagline: e.tagline, avatar: e.avatar, creator: creators.get(e.creatorId) ?? "",
      stakeCents: e.stakeCents, ticketCount: e.ticketCount, stakeShare: odds.odds[i]!.stakeShare, payoutPerCredit: odds.odds[i]!.payoutPerCredit,
    })),
  };
}

/** A race's standings now (or at its end): one row per entrant, best first. */
async function leaderboard(db: PrismaClient, race: RaceRow, withCurves = false) {
  const entrants = await arena.raceEntrants(db, race.id);
  const creators = await arena.userNames(db, [...new Set(entrants.map((e) => e.creatorId))]);
  const now = Date.now();
  const until = race.endsAtMs !== null ? Math.min(now, race.endsAtMs) : now;
  const rows = [];
  const curves: { cloneId: string; points: { time: number; equityUsd: number }[] }[] = [];
  for (const e of entrants) {
    const account = e.accountId ? await paper.findAccount(db, e.accountId) : null;
    const open = e.accountId ? await paper.openPositions(db, e.accountId) : [];
    const closed = e.accountId ? await paper.closedPositions(db, e.accountId, 1_000) : [];
    let equityCents = e.finalEquityCents ?? START_CENTS;
    if (account && e.finalEquityCents === null) {
      const marks: Record<string, number> = {};
      for (const s of open) {
        const m = await marketAt(db, s.position.asset, until);
        if (m) marks[s.position.asset] = m.referencePrice;
      }
      equityCents = Math.floor(equityBreakdown(account, open.map((s) => s.position), marks).equityMicro / 10_000);
    }
    const curve = account && race.liveAtMs !== null ? await accountEquityCurve(db, account, { from: race.liveAtMs, to: until, now: until, maxPoints: withCurves ? 200 : 60 }) : [];
    const samples = curve.map((p) => p.equityMicro);
    const spacing = curve.length > 1 ? (curve.at(-1)!.time - curve[0]!.time) / (curve.length - 1) : 0;
    const returns = samples.slice(1).map((v, i) => v / samples[i]! - 1);
    const wins = closed.filter((s) => s.position.realizedPnlMicro - s.position.feesMicro + s.position.fundingMicro > 0).length;
    if (withCurves) curves.push({ cloneId: e.cloneId, points: curve.map((p) => ({ time: p.time, equityUsd: p.equityMicro / 1_000_000 })) });
    rows.push({
      cloneId: e.cloneId, slot: e.slot, name: e.name, tagline: e.tagline, avatar: e.avatar, creator: creators.get(e.creatorId) ?? "",
      stakeCents: e.stakeCents, ticketCount: e.ticketCount, place: e.place,
      equityCents, returnPct: ((equityCents - START_CENTS) / START_CENTS) * 100, pnlCents: equityCents - START_CENTS,
      feesCents: account ? Math.round(account.feesMicro / 10_000) : 0,
      trades: closed.length, openPositions: open.length, winRate: closed.length ? wins / closed.length : null,
      // annualized from the curve's samples, once there are hours of them: a few minutes of returns annualize to nonsense
      sharpe: spacing > 0 && curve.at(-1)!.time - curve[0]!.time >= MIN_SHARPE_SPAN_MS ? sharpe(returns, YEAR_MS / spacing) : null,
      maxDrawdownPct: samples.length ? maxDrawdown(samples).fraction * 100 : 0,
    });
  }
  rows.sort((a, b) => (a.place ?? Infinity) - (b.place ?? Infinity) || b.equityCents - a.equityCents || a.slot - b.slot);
  return { race: raceSummary(race), rows, curves };
}

/** Everything the race page shows. */
export async function raceView(db: PrismaClient, number: number) {
  const race = await arena.findRaceByNumber(db, number);
  if (!race) throw new DomainError("NOT_FOUND", `There is no Race #${number}`, "number");
  const board = await leaderboard(db, race, true);
  const entrants = await arena.raceEntrants(db, race.id);
  const byAccount = new Map(entrants.flatMap((e) => (e.accountId ? [[e.accountId, e] as const] : [])));
  const positions = [];
  const trades = [];
  for (const e of entrants) {
    if (!e.accountId) continue;
    for (const s of await paper.openPositions(db, e.accountId)) positions.push({ cloneId: e.cloneId, name: e.name, avatar: e.avatar, id: s.id, ...s.position, history: undefined });
    for (const s of await paper.closedPositions(db, e.accountId, 100)) trades.push({ cloneId: e.cloneId, name: e.name, avatar: e.avatar, id: s.id, ...s.position, history: undefined });
  }
  trades.sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0));
  const feed = (await raceDecisionFeed(db, [...byAccount.keys()], 60)).map((d) => {
    const e = byAccount.get(d.accountId)!;
    return { ...d, cloneId: e.cloneId, name: e.name, avatar: e.avatar };
  });
  const settlement = race.settlement ? (JSON.parse(race.settlement) as Omit<SettlementResult, "ticketPayouts"> & { ticketCount: number }) : null;
  const payouts = isFinished(race.status) ? await payoutRows(db, race.id) : [];
  return { ...board, positions, trades: trades.slice(0, 100), feed, settlement, payouts, cancelReason: race.cancelReason };
}

/** Every ticket of a finished race with what it was paid back, biggest first. */
async function payoutRows(db: PrismaClient, raceId: string) {
  const [tickets, paid] = await Promise.all([arena.raceTickets(db, raceId), arena.payoutsOfRace(db, raceId)]);
  const names = await arena.userNames(db, [...new Set(tickets.map((t) => t.userId))]);
  return tickets
    .map((t) => ({ ticketId: t.id, cloneId: t.cloneId, backer: names.get(t.userId) ?? "", stakeCents: t.stakeCents, payoutCents: paid.get(t.id) ?? 0 }))
    .sort((a, b) => b.payoutCents - a.payoutCents || b.stakeCents - a.stakeCents);
}

/** The signed-in user's tickets, with status and payout. */
export async function myTickets(db: PrismaClient, userId: string, page: number, pageSize = 20) {
  const { total, rows } = await arena.ticketsOfUser(db, userId, { skip: (page - 1) * pageSize, take: pageSize });
  return {
    total, page, pageSize,
    rows: rows.map((t) => ({ ...t, status: ticketStatus(t.race.status, t.race.refund, t.payoutCents) })),
  };
}

export type TicketStatus = "OPEN" | "RUNNING" | "WON" | "LOST" | "REFUNDED";

export function ticketStatus(race: RaceRow["status"], refund: boolean, payoutCents: number): TicketStatus {
  if (race === "ACCUMULATING") return "OPEN";
  if (race === "CANCELLED" || (refund && payoutCents > 0)) return "REFUNDED";
  if (race === "SETTLED" || race === "ARCHIVED") return payoutCents > 0 ? "WON" : "LOST";
  return "RUNNING";
}

/** A clone's races, for its page. */
export async function cloneRaceHistory(db: PrismaClient, cloneId: string) {
  const rows = await arena.racesOfClone(db, cloneId);
  return rows.map((e) => ({
    raceNumber: e.race.number, status: e.race.status, place: e.place, finalEquityCents: e.finalEquityCents,
    returnPct: e.finalEquityCents === null ? null : ((e.finalEquityCents - START_CENTS) / START_CENTS) * 100,
    stakeCents: e.stakeCents, ticketCount: e.ticketCount, poolCents: e.race.poolCents, endsAtMs: e.race.endsAtMs,
  }));
}
