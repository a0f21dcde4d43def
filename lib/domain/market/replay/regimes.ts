/**
 * The market-wide state shared by every replay perp: a Markov chain between
 * calm, normal and turbulent regimes, one common shock per minute and rare
 * common jumps. Sharing them makes the perps move together the way crypto does
 * (a BTC crash is an everything crash) while each keeps its own noise.
 */
import { Rng } from "./prng";
import { MINUTES_PER_DAY } from "./assets";

export interface Regime {
  name: "calm" | "normal" | "turbulent";
  /** multiplies the asset's base per-minute volatility */
  volMult: number;
  /** drift in units of the base per-minute volatility */
  drift: number;
  volumeMult: number;
  spreadMult: number;
  depthMult: number;
  /** probability of a jump in a minute */
  jumpProb: number;
  /** mean time spent in the regime once entered */
  meanMinutes: number;
  /** where the chain goes on leaving: weights over regimes by index */
  exits: readonly [number, number, number];
}

export const REGIMES: readonly [Regime, Regime, Regime] = [
  { name: "calm", volMult: 0.6, drift: 0.005, volumeMult: 0.7, spreadMult: 1, depthMult: 1.3, jumpProb: 0.0002, meanMinutes: 600, exits: [0, 1, 0] },
  { name: "normal", volMult: 1, drift: 0, volumeMult: 1, spreadMult: 1.5, depthMult: 1, jumpProb: 0.0006, meanMinutes: 720, exits: [0.65, 0, 0.35] },
  { name: "turbulent", volMult: 2.2, drift: -0.025, volumeMult: 2, spreadMult: 4, depthMult: 0.45, jumpProb: 0.003, meanMinutes: 240, exits: [0.25, 0.75, 0] },
];

export const INITIAL_REGIME = 1;

/**
 * Regime mixing inflates the variance by the time-weighted mean of volMult²;
 * dividing it out keeps each asset's realized volatility near its annualVol.
 */
export const VOL_NORMALIZER = (() => {
  // stationary distribution of the jump chain, by power iteration (fixed count: deterministic)
  let pi = [1 / 3, 1 / 3, 1 / 3];
  for (let i = 0; i < 200; i++) {
    pi = [0, 1, 2].map((to) => REGIMES.reduce((sum, r, from) => sum + (pi[from] ?? 0) * (r.exits[to] ?? 0), 0));
  }
  const time = REGIMES.map((r, i) => (pi[i] ?? 0) * r.meanMinutes);
  const total = time.reduce((a, b) => a + b, 0);
  const meanSq = REGIMES.reduce((sum, r, i) => sum + ((time[i] ?? 0) / total) * r.volMult * r.volMult, 0);
  return 1 / Math.sqrt(meanSq);
})();

export function regimeAt(index: number): Regime {
  const r = REGIMES[index];
  if (!r) throw new RangeError(`no regime ${index}`);
  return r;
}

/** One UTC day of market-wide state, minute by minute. */
export interface MarketDay {
  regime: Uint8Array;
  /** common standard-normal shock */
  shock: Float64Array;
  /** common jump in units of the per-minute volatility; 0 in most minutes */
  jump: Float64Array;
}

export function stepMarketDay(seed: string, day: number, startRegime: number): { track: MarketDay; endRegime: number } {
  const rng = new Rng(`${seed}|market|${day}`);
  const track: MarketDay = {
    regime: new Uint8Array(MINUTES_PER_DAY),
    shock: new Float64Array(MINUTES_PER_DAY),
    jump: new Float64Array(MINUTES_PER_DAY),
  };
  let current = startRegime;
  for (let m = 0; m < MINUTES_PER_DAY; m++) {
    const r = regimeAt(current);
    // draws happen in a fixed order every minute so a day's stream never depends on its path
    const leave = rng.next();
    const pick = rng.next();
    const jumpDraw = rng.next();
    const jumpSize = rng.normal();
    track.shock[m] = rng.normal();
    if (leave < 1 / r.meanMinutes) current = pickExit(r.exits, pick);
    track.regime[m] = current;
    track.jump[m] = jumpDraw < regimeAt(current).jumpProb ? 5 * jumpSize : 0;
  }
  return { track, endRegime: current };
}

function pickExit(weights: readonly number[], u: number): number {
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i] ?? 0;
    if (u < acc) return i;
  }
  return weights.length - 1;
}
