/**
 * The demo season (local default): eight distinct rules clones from the templates
 * fill the Arena's slots (until the Promotion Queue exists, PRODUCT.md §7), each
 * deciding every minute so a few-minute race has something to watch; and a handful
 * of demo backers, ordinary signed-up users with their signup grant, buy tickets
 * while a race accumulates, so the odds move on their own. Idempotent.
 */
import { templateGraph, type TemplateId } from "@/lib/domain/graph/templates";
import type { Indicator } from "@/lib/domain/graph/indicators";
import type { CloneGraph } from "@/lib/domain/graph/schema";
import { ARENA_SLOTS } from "@/lib/domain/race/lifecycle";
import type { PrismaClient } from "@/server/db";
import * as arena from "@/server/repositories/arena";
import { listClonesOfOwner } from "@/server/repositories/clones";
import { findAccountByCode } from "@/server/repositories/ledger";
import { findUserByEmail } from "@/server/repositories/users";
import { createClone } from "../clones/clones";
import { DEMO_PASSWORD } from "../users/demo-users";
import { signUp } from "../users/sign-up";
import { buyTicket } from "./tickets";

/**
 * A clone's demo tuning: the templates are built for hours and days (5-minute
 * candles, 2-sigma bands), which in a race of a few wall-clock minutes would
 * mostly hold, leaving the clones that never traded tied for 1st at 10,000 USD.
 * Arena clones read 1-minute candles with shorter averages and lighter triggers,
 * each its own, and their prompt says so (what the clone page shows is what runs).
 */
interface DemoTuning {
  prompt: string;
  params: Record<string, number>;
  /** the candle stream's indicators on 1-minute bars (the strategy's averages among them) */
  indicators?: Indicator[];
}

type ArenaClone = { owner: string; templateId: TemplateId; name: string; symbols: string[]; tagline: string; avatar: string; tuning: DemoTuning };

export const ARENA_CLONES: readonly ArenaClone[] = [
  {
    owner: "grace@clash.local", templateId: "momentum", name: "Trend Tiger", symbols: ["BTC", "ETH"], tagline: "Pounces on a trend and rides it until it turns.", avatar: "tiger",
    tuning: {
      prompt: "Follow the trend on 1-minute candles. Go long when EMA 5 crosses above EMA 20 and short when it crosses below; close when the cross reverses. Hold while the averages are tangled.",
      params: { fastEma: 5, slowEma: 20 },
      indicators: [{ kind: "ema", period: 5 }, { kind: "ema", period: 20 }, { kind: "rsi", period: 14 }, { kind: "atr", period: 14 }],
    },
  },
  {
    owner: "grace@clash.local", templateId: "mean-reversion", name: "Rubber Band Owl", symbols: ["ETH"], tagline: "Stretched too far? It snaps back. Patience is a position.", avatar: "owl",
    tuning: {
      prompt: "Trade back to the mean on 1-minute candles. Go long when the close is 1 standard deviation below its 20-bar average, short when 1 above; close once price is back within 0.2 standard deviations.",
      params: { period: 20, entryZ: 1, exitZ: 0.2 },
      indicators: [{ kind: "bollinger", period: 20, stdDev: 1 }, { kind: "sma", period: 20 }, { kind: "rsi", period: 14 }],
    },
  },
  {
    owner: "linus@clash.local", templateId: "volume-spike", name: "Thunder Shark", symbols: ["SOL"], tagline: "Smells volume in the water and strikes first.", avatar: "shark",
    tuning: {
      prompt: "Watch 1-minute volume. When a bar trades at least 1.4 times the average volume of the last 30 bars, follow its direction: long on an up bar, short on a down bar. Let the trailing stop take you out.",
      params: { lookback: 30, multiple: 1.4 },
    },
  },
  {
    owner: "linus@clash.local", templateId: "funding-carry", name: "Carry Whale", symbols: ["BTC"], tagline: "Collects funding while the crowd overpays for leverage.", avatar: "whale",
    tuning: {
      prompt: "Earn funding, always: short while hourly funding is above 0.0001% (longs pay shorts), long while it is below -0.0001%; close when it falls back inside that band.",
      params: { threshold: 0.000001 },
    },
  },
  {
    owner: "grace@clash.local", templateId: "momentum", name: "Rocket Fox", symbols: ["SOL", "DOGE"], tagline: "Fast in, faster out. Momentum with a tight leash.", avatar: "fox",
    tuning: {
      prompt: "Follow the trend on 1-minute candles, fast. Go long when EMA 3 crosses above EMA 10 and short when it crosses below; close when the cross reverses. Hold while the averages are tangled.",
      params: { fastEma: 3, slowEma: 10 },
      indicators: [{ kind: "ema", period: 3 }, { kind: "ema", period: 10 }, { kind: "rsi", period: 14 }, { kind: "atr", period: 14 }],
    },
  },
  {
    owner: "linus@clash.local", templateId: "mean-reversion", name: "Contrarian Bear", symbols: ["BTC"], tagline: "Sells the euphoria, buys the panic.", avatar: "bear",
    tuning: {
      prompt: "Fade every stretch on 1-minute candles. Go long when the close is 0.75 standard deviations below its 30-bar average, short when 0.75 above; close once price is back within 0.1 standard deviations.",
      params: { period: 30, entryZ: 0.75, exitZ: 0.1 },
      indicators: [{ kind: "bollinger", period: 30, stdDev: 0.75 }, { kind: "sma", period: 30 }, { kind: "rsi", period: 14 }],
    },
  },
  {
    owner: "grace@clash.local", templateId: "volume-spike", name: "Falcon Flash", symbols: ["ETH", "DOGE"], tagline: "Circles quietly, dives when the tape lights up.", avatar: "falcon",
    tuning: {
      prompt: "Watch 1-minute volume. When a bar trades at least 1.3 times the average volume of the last 45 bars, follow its direction: long on an up bar, short on a down bar. Let the trailing stop take you out.",
      params: { lookback: 45, multiple: 1.3 },
    },
  },
  {
    owner: "linus@clash.local", templateId: "funding-carry", name: "Octo Carry", symbols: ["SOL", "ETH"], tagline: "Eight arms, every funding rate, zero drama.", avatar: "octopus",
    tuning: {
      prompt: "Earn funding on every arm. When hourly funding is above 0.001%, longs are paying shorts: go short. When it is below -0.001%, go long. Close when funding falls back inside the band.",
      params: { threshold: 0.00001 },
    },
  },
];

export const DEMO_BACKERS = [
  { name: "Mia Backer", email: "mia@clash.local" },
  { name: "Noah Punter", email: "noah@clash.local" },
  { name: "Zoe Odds", email: "zoe@clash.local" },
  { name: "Omar Stakes", email: "omar@clash.local" },
] as const;

export function arenaGraph(c: ArenaClone): CloneGraph {
  const graph = templateGraph(c.templateId, { name: c.name, symbols: c.symbols });
  return {
    ...graph,
    blocks: graph.blocks.map((b) => {
      if (b.type === "trading-clone") return { ...b, tagline: c.tagline, avatar: c.avatar };
      // a decision every minute: a demo race of a few minutes still sees each clone trade
      if (b.type === "trading-prompt") return { ...b, cadence: "1m" as const, prompt: c.tuning.prompt, params: { ...b.params, ...c.tuning.params } } as typeof b;
      // the strategy's averages on 1-minute bars: four hours of them, warm before the race starts
      if (b.type === "data-stream" && b.dataset === "candles" && c.tuning.indicators) {
        return { ...b, granularity: "1m" as const, lookback: { amount: 4, unit: "hours" as const }, retrievalDepth: 120, indicators: c.tuning.indicators };
      }
      return b;
    }),
  };
}

/** The eight Arena clones (created once) in slots 1 to 8. */
export async function ensureDemoArena(db: PrismaClient): Promise<string[]> {
  const created: string[] = [];
  const slots = await arena.arenaSlots(db);
  for (let i = 0; i < ARENA_CLONES.length && i < ARENA_SLOTS; i++) {
    const c = ARENA_CLONES[i]!;
    const owner = await findUserByEmail(db, c.owner);
    if (!owner) continue;
    let clone = (await listClonesOfOwner(db, owner.id)).find((x) => x.name === c.name);
    if (!clone) {
      const { id } = await createClone(db, { ownerId: owner.id, graph: arenaGraph(c) });
      clone = { id, name: c.name, currentVersion: 1, createdAt: new Date(), updatedAt: new Date() };
      created.push(c.name);
    }
    if (!slots.some((s) => s.slot === i + 1) && !slots.some((s) => s.cloneId === clone.id)) await arena.fillArenaSlot(db, i + 1, clone.id);
  }
  return created;
}

/** The demo backers: signed up like anyone (wallet and signup grant). */
export async function ensureDemoBackers(db: PrismaClient): Promise<string[]> {
  const created: string[] = [];
  for (const b of DEMO_BACKERS) {
    if (await findUserByEmail(db, b.email)) continue;
    await signUp(db, { name: b.name, email: b.email, password: DEMO_PASSWORD }, []);
    created.push(b.email);
  }
  return created;
}

/**
 * One demo backer buys one ticket on the accumulating race, if it has time left:
 * a few credits on a clone drawn with a bias (favourites emerge), keyed by the race
 * and the backer's purchase count so a retried call buys once.
 */
export async function demoBackerBuys(db: PrismaClient, now: number, random: () => number = Math.random): Promise<boolean> {
  const [race] = await arena.racesIn(db, ["ACCUMULATING"]);
  if (!race || now >= race.launchAtMs - 5_000) return false;
  const entrants = await arena.raceEntrants(db, race.id);
  if (entrants.length < 2) return false;
  const backer = DEMO_BACKERS[Math.floor(random() * DEMO_BACKERS.length)]!;
  const user = await findUserByEmail(db, backer.email);
  const wallet = user && (await findAccountByCode(db, `wallet:${user.id}`));
  if (!user || !wallet || wallet.balanceCents < 500) return false;
  // a squared draw favours the first slots: some clones end up favourites, others long shots
  const entrant = entrants[Math.floor(random() ** 2 * entrants.length)]!;
  const credits = [5, 10, 10, 20, 25, 50][Math.floor(random() * 6)]!;
  const stakeCents = Math.min(credits * 100, Math.floor(wallet.balanceCents / 100) * 100);
  const n = (await arena.ticketsOfUser(db, user.id, { skip: 0, take: 1 })).total;
  await buyTicket(db, { userId: user.id, raceId: race.id, cloneId: entrant.cloneId, stakeCents, clientKey: `demo:${race.id}:${n}` }, now);
  return true;
}
