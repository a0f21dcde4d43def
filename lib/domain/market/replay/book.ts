/**
 * Order-book depth around the replay mid. The spread and the gaps between levels
 * widen with the regime and the current volatility, depth thins in turbulence,
 * and sizes grow away from the mid the way resting liquidity usually does.
 * Levels vary per second (own random stream) so consecutive snapshots differ.
 */
import type { BookLevel, OrderBook } from "../types";
import { replayPerp, type ReplayPerp } from "./assets";
import type { ReplaySeed } from "./paths";
import { Rng } from "./prng";
import { quoteAt } from "./quotes";
import { baseSigma } from "./perp-day";
import { regimeAt } from "./regimes";

export const REPLAY_BOOK_LEVELS = 10;

export function replayBook(seed: ReplaySeed, symbol: string, atMs: number, levels = REPLAY_BOOK_LEVELS): OrderBook {
  const perp = replayPerp(symbol);
  const { track, m, mid } = quoteAt(seed, perp, atMs);
  const regime = regimeAt(track.regime[m] ?? 1);
  const rng = new Rng(`${String(seed)}|book|${symbol}|${Math.floor(atMs / 1000)}`);
  const px = 10 ** perp.pxDecimals;
  const midTicks = Math.round(mid * px);
  // relative to its base, the current volatility stretches the book beyond what the regime alone does
  const stretch = regime.spreadMult * Math.max(0.5, (track.sigma[m] ?? 0) / baseSigma(perp) / regime.volMult);
  const halfTicks = (bps: number) => Math.max(1, Math.round(((mid * bps) / 1e4) * px));
  const spreadTicks = halfTicks(perp.halfSpreadBps * stretch * (0.8 + 0.4 * rng.next()));
  const stepTicks = halfTicks(2 * perp.halfSpreadBps * stretch);
  return {
    symbol,
    time: atMs,
    bids: side(perp, rng, midTicks - spreadTicks, -stepTicks, levels, regime.depthMult, mid),
    asks: side(perp, rng, midTicks + spreadTicks, stepTicks, levels, regime.depthMult, mid),
  };
}

function side(perp: ReplayPerp, rng: Rng, bestTicks: number, step: number, count: number, depthMult: number, mid: number): BookLevel[] {
  const px = 10 ** perp.pxDecimals;
  const sz = 10 ** perp.szDecimals;
  const out: BookLevel[] = [];
  for (let i = 0; i < count; i++) {
    const ticks = bestTicks + i * step;
    if (ticks <= 0) break;
    const usd = perp.levelDepthUsd * depthMult * (1 + 0.5 * i) * Math.exp(0.3 * rng.normal());
    const size = Math.max(1, Math.round((usd / mid) * sz)) / sz;
    out.push({ px: ticks / px, sz: size, n: Math.max(1, Math.round((usd / (perp.avgTradeUsd * 4)) * (0.5 + rng.next()))) });
  }
  return out;
}

/** Average fill price for a notional walked through one side of the book (Hyperliquid's impact price). */
export function impactPx(levels: readonly BookLevel[], notionalUsd: number, decimals: number): number | null {
  let usd = 0;
  let base = 0;
  for (const level of levels) {
    const take = Math.min(level.sz, (notionalUsd - usd) / level.px);
    usd += take * level.px;
    base += take;
    if (usd >= notionalUsd - 1e-9) break;
  }
  if (base === 0 || usd < notionalUsd - 1e-6) return null;
  const f = 10 ** decimals;
  return Math.round((usd / base) * f) / f;
}
