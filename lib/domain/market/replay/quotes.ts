/**
 * Prices between minute marks. Within a minute the mid follows a Brownian bridge
 * from the open to the close, one point per second, kept inside the candle's
 * range. A straight line would leak the close to anyone reading a mid mid-minute
 * (close = 2·mid(:30) − open); a bridge from a known end is, to an observer, as
 * uncertain about the rest of the minute as a forward random walk.
 */
import { DomainError } from "../../errors";
import { MINUTE_MS, REPLAY_ANCHOR, type ReplayPerp } from "./assets";
import { perpMinute, replayMinute, type ReplaySeed } from "./paths";
import type { PerpDay } from "./perp-day";
import { Rng } from "./prng";

export interface MinuteQuote {
  track: PerpDay;
  m: number;
  mid: number;
}

const SECONDS = 60;

export function quoteAt(seed: ReplaySeed, perp: ReplayPerp, atMs: number): MinuteQuote {
  const minute = replayMinute(atMs, "atMs");
  const { track, m } = perpMinute(seed, perp.symbol, minute);
  const open = track.open[m] ?? 0;
  const second = Math.floor((atMs - REPLAY_ANCHOR - minute * MINUTE_MS) / 1000);
  if (second === 0) return { track, m, mid: open };
  const close = track.close[m] ?? 0;
  const line = open + ((close - open) * second) / SECONDS;
  const px = 10 ** perp.pxDecimals;
  const raw = Math.round(line * (1 + (track.sigma[m] ?? 0) * bridge(seed, perp.symbol, minute, second)) * px) / px;
  return { track, m, mid: Math.min(track.high[m] ?? raw, Math.max(track.low[m] ?? raw, raw)) };
}

/** A standard Brownian bridge over one minute (0 at both ends), read at a second; fixed per minute. */
function bridge(seed: ReplaySeed, symbol: string, minute: number, second: number): number {
  const rng = new Rng(`${String(seed)}|bridge|${symbol}|${minute}`);
  let walk = 0;
  let atSecond = 0;
  for (let k = 1; k <= SECONDS; k++) {
    walk += rng.normal();
    if (k === second) atSecond = walk;
  }
  return (atSecond - (second / SECONDS) * walk) / Math.sqrt(SECONDS);
}

/** Checks a [fromMs, toMs) window; an empty window is allowed and yields nothing. */
export function checkWindow(fromMs: number, toMs: number): void {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs < fromMs) {
    throw new DomainError("VALIDATION_FAILED", `replay window [${fromMs}, ${toMs}) is not a window: need finite fromMs <= toMs`, "toMs");
  }
  replayMinute(fromMs, "fromMs");
  if (toMs > fromMs) replayMinute(toMs - 1, "toMs");
}

/** The first multiple of step at or after ms, counted from the anchor. */
export function firstMark(ms: number, step: number): number {
  return REPLAY_ANCHOR + Math.ceil((ms - REPLAY_ANCHOR) / step) * step;
}
