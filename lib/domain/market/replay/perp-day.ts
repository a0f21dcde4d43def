/**
 * One perp's minutes over one UTC day, stepped from the state at the day's start.
 *
 * Log return per minute = drift + noise − 0.05·(previous noise):
 * - noise: base σ × regime multiplier × √h, with h a GARCH(1,1) variance
 *   multiplier (volatility clusters inside a regime), on a shock that loads on
 *   the market-wide shock, plus common and idiosyncratic jumps (fat tails);
 * - drift: the regime's drift plus a slow Ornstein–Uhlenbeck trend (hours-long
 *   runs for momentum) and a weak pull toward the start price (half-life ~3
 *   months) so prices stay plausible over a multi-year replay;
 * - the small negative lag-1 term mimics bid/ask bounce, giving mean reversion
 *   strategies the short-horizon overshoot they look for.
 * Funding is set on the hour from an AR(1) premium that leans on the last ~8
 * hours' trend; open interest mean-reverts around its base level.
 */
import { Rng } from "./prng";
import { MINUTES_PER_DAY, type ReplayPerp } from "./assets";
import { VOL_NORMALIZER, regimeAt, type MarketDay } from "./regimes";

export interface PerpState {
  /** unrounded log price at the start of the next minute */
  logPx: number;
  garch: number;
  trend: number;
  lastNoise: number;
  /** EMA of minute log returns (~8 h), which funding leans on */
  trendEma: number;
  premium: number;
  funding: number;
  logOi: number;
}

export interface PerpDay {
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  trades: Float64Array;
  /** conditional per-minute volatility of log returns */
  sigma: Float64Array;
  /** hourly rate in force during the minute (set on the hour) */
  funding: Float64Array;
  premium: Float64Array;
  openInterest: Float64Array;
  regime: Uint8Array;
}

const GARCH = { omega: 0.03, alpha: 0.07, beta: 0.9 };
const TREND_PERSISTENCE = Math.exp(-1 / 360);
const TREND_STD = 0.03;
const TREND_INNOVATION = Math.sqrt(1 - TREND_PERSISTENCE * TREND_PERSISTENCE) * TREND_STD;
const ANCHOR_PULL = 1 / (120 * MINUTES_PER_DAY);
const BOUNCE = 0.05;
const FUNDING_INTEREST = 0.0000125;
const FUNDING_CAP = 0.0005;
const EMA_MINUTES = 480;
const OI_PULL = 0.0007;
const OI_NOISE = 0.003;

/** Volume follows the trading day: busiest around 15:00 UTC (US open), quietest near 03:00. */
const SEASON = Float64Array.from({ length: MINUTES_PER_DAY }, (_, m) => 1 + 0.3 * Math.cos((2 * Math.PI * (m / 60 - 15)) / 24));

export function baseSigma(perp: ReplayPerp): number {
  return (perp.annualVol / Math.sqrt(365 * MINUTES_PER_DAY)) * VOL_NORMALIZER;
}

export function initialPerpState(perp: ReplayPerp): PerpState {
  return {
    logPx: Math.log(perp.startPx), garch: 1, trend: 0, lastNoise: 0, trendEma: 0,
    premium: 0, funding: FUNDING_INTEREST, logOi: Math.log(perp.baseOpenInterest),
  };
}

export function stepPerpDay(seed: string, perp: ReplayPerp, day: number, start: PerpState, market: MarketDay): { track: PerpDay; end: PerpState } {
  const rng = new Rng(`${seed}|perp|${perp.symbol}|${day}`);
  const n = MINUTES_PER_DAY;
  const track: PerpDay = {
    open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n),
    volume: new Float64Array(n), trades: new Float64Array(n), sigma: new Float64Array(n),
    funding: new Float64Array(n), premium: new Float64Array(n), openInterest: new Float64Array(n), regime: market.regime,
  };
  const s = { ...start };
  const base = baseSigma(perp);
  const logStart = Math.log(perp.startPx);
  const logBaseOi = Math.log(perp.baseOpenInterest);
  const load = perp.marketLoading;
  const own = Math.sqrt(1 - load * load);
  const px = 10 ** perp.pxDecimals;
  const sz = 10 ** perp.szDecimals;
  let open = Math.round(Math.exp(s.logPx) * px) / px;

  for (let m = 0; m < n; m++) {
    const regime = regimeAt(market.regime[m] ?? 1);
    if (m % 60 === 0) setFunding(s, rng.normal());
    const zOwn = rng.normal();
    const zTrend = rng.normal();
    const zVolume = rng.normal();
    const zTrades = rng.normal();
    const zHigh = rng.normal();
    const zLow = rng.normal();
    const zOi = rng.normal();
    const ownJumpDraw = rng.next();
    const ownJump = rng.normal();

    const sigma = base * regime.volMult * Math.sqrt(s.garch);
    const jump = load * (market.jump[m] ?? 0) + (ownJumpDraw < regime.jumpProb * 0.3 ? 4 * ownJump : 0);
    const eps = load * (market.shock[m] ?? 0) + own * zOwn + jump;
    const noise = sigma * eps;
    s.trend = TREND_PERSISTENCE * s.trend + TREND_INNOVATION * zTrend;
    const drift = base * (regime.drift + s.trend) - ANCHOR_PULL * (s.logPx - logStart);
    const ret = drift + noise - BOUNCE * s.lastNoise;
    s.logPx += ret;
    s.lastNoise = noise;
    s.garch = Math.min(10, Math.max(0.1, GARCH.omega + s.garch * (GARCH.alpha * Math.min(eps * eps, 25) + GARCH.beta)));
    s.trendEma += (ret - s.trendEma) / EMA_MINUTES;
    s.logOi += -OI_PULL * (s.logOi - logBaseOi) + OI_NOISE * zOi + (regime.name === "turbulent" ? -0.0004 : regime.name === "calm" ? 0.00015 : 0);

    const close = Math.round(Math.exp(s.logPx) * px) / px;
    const top = Math.max(open, close);
    const bottom = Math.min(open, close);
    // excursions are a fraction of a percent, where 1 ± x is as good as e^±x
    const high = Math.max(top, Math.ceil(top * (1 + 0.5 * sigma * Math.abs(zHigh)) * px) / px);
    const low = Math.min(bottom, Math.floor(bottom * (1 - 0.5 * sigma * Math.abs(zLow)) * px) / px);
    // volume answers to the size of the move (in base σ) and to the regime, the hour and its own noise
    const move = Math.abs(noise) / base;
    const usd = perp.minuteVolumeUsd * regime.volumeMult * (SEASON[m] ?? 1) * Math.exp(0.35 * zVolume - 0.06) * (0.3 + 0.6 * move);

    track.open[m] = open;
    track.high[m] = high;
    track.low[m] = low;
    track.close[m] = close;
    track.volume[m] = Math.max(1, Math.round((usd / close) * sz)) / sz;
    track.trades[m] = Math.max(1, Math.round(usd / (perp.avgTradeUsd * Math.exp(0.25 * zTrades))));
    track.sigma[m] = sigma;
    track.funding[m] = s.funding;
    track.premium[m] = s.premium;
    track.openInterest[m] = Math.round(Math.exp(s.logOi) * sz) / sz;
    open = close;
  }
  return { track, end: s };
}

function setFunding(s: PerpState, z: number): void {
  const target = 0.005 * EMA_MINUTES * s.trendEma;
  s.premium = Math.min(0.0008, Math.max(-0.0008, 0.8 * s.premium + 0.2 * target + 0.00001 * z));
  s.funding = Math.round(Math.min(FUNDING_CAP, Math.max(-FUNDING_CAP, FUNDING_INTEREST + s.premium)) * 1e8) / 1e8;
}
