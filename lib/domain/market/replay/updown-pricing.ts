/**
 * What a Polymarket "Bitcoin Up or Down" token is worth during its window on the
 * replay path. With the price at time t, the window's open, the minutes left and
 * BTC's current per-minute volatility, the chance of finishing at or above the
 * open is Φ(ln(price/open) / (σ·√minutesLeft)) for a driftless walk; quotes
 * wobble around it a little, as market makers' do. Prices are in thousandths.
 */
import { MINUTE_MS, UPDOWN_UNDERLYING, UPDOWN_WINDOW_MS, replayPerp } from "./assets";
import type { ReplaySeed } from "./paths";
import { Rng } from "./prng";
import { quoteAt } from "./quotes";

export const MIN_THOUSANDTHS = 10;
export const MAX_THOUSANDTHS = 990;

/** Polymarket's rule for these markets: "Up" if the end price is greater than or equal to the start price. */
export function upWins(seed: ReplaySeed, windowStart: number): boolean {
  const btc = replayPerp(UPDOWN_UNDERLYING);
  return quoteAt(seed, btc, windowStart + UPDOWN_WINDOW_MS).mid >= quoteAt(seed, btc, windowStart).mid;
}

/** The Up token's price in thousandths at a minute mark t within [start, start + window]. */
export function upThousandths(seed: ReplaySeed, windowStart: number, t: number): number {
  const end = windowStart + UPDOWN_WINDOW_MS;
  if (t >= end) return upWins(seed, windowStart) ? MAX_THOUSANDTHS : MIN_THOUSANDTHS;
  const btc = replayPerp(UPDOWN_UNDERLYING);
  const open = quoteAt(seed, btc, windowStart).mid;
  const { track, m, mid } = quoteAt(seed, btc, t);
  const minutesLeft = (end - t) / MINUTE_MS;
  const sigma = track.sigma[m] ?? 0;
  const fair = normalCdf(Math.log(mid / open) / (sigma * Math.sqrt(minutesLeft)));
  const wobble = 0.012 * Math.sqrt(minutesLeft / 15) * new Rng(`${String(seed)}|updown-quote|${t}`).normal();
  return Math.min(MAX_THOUSANDTHS, Math.max(MIN_THOUSANDTHS, Math.round((fair + wobble) * 1000)));
}

/** Standard normal CDF via Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), enough for a quote in thousandths. */
export function normalCdf(z: number): number {
  if (!Number.isFinite(z)) return z > 0 ? 1 : 0;
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
