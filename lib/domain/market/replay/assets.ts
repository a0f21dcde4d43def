/**
 * The replay universe: four Hyperliquid-like perps and a Polymarket-like BTC
 * up/down market for every 15-minute window. Figures are chosen to resemble the
 * live venues (early 2026 levels) so strategies tuned on replay see familiar
 * magnitudes; they are not a forecast.
 */
import { DomainError } from "../../errors";

/** The replay starts here; every path is stepped forward from this instant. */
export const REPLAY_ANCHOR = Date.UTC(2026, 0, 1);
/** Asking further than this past the anchor is refused: stepping there would take long. */
export const REPLAY_HORIZON_DAYS = 3660;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const MINUTES_PER_DAY = 1440;

export interface ReplayPerp {
  symbol: string;
  startPx: number;
  /** annualized volatility of log returns, before regime mixing */
  annualVol: number;
  /** price decimals: Hyperliquid allows 5 significant figures at these levels */
  pxDecimals: number;
  szDecimals: number;
  maxLeverage: number;
  /** mean USD notional traded per minute */
  minuteVolumeUsd: number;
  /** mean USD size of one trade */
  avgTradeUsd: number;
  /** open interest around which the replay drifts, base units */
  baseOpenInterest: number;
  /** correlation of the asset's shocks with the market-wide shock */
  marketLoading: number;
  /** half the quoted spread in a normal regime, basis points */
  halfSpreadBps: number;
  /** USD resting at the first book level in a normal regime */
  levelDepthUsd: number;
  /** Hyperliquid computes impact prices for this notional */
  impactNotionalUsd: number;
}

export const REPLAY_PERPS: readonly ReplayPerp[] = [
  {
    symbol: "BTC", startPx: 95_000, annualVol: 0.5, pxDecimals: 0, szDecimals: 5, maxLeverage: 40,
    minuteVolumeUsd: 1_500_000, avgTradeUsd: 4_000, baseOpenInterest: 25_000, marketLoading: 0.92,
    halfSpreadBps: 0.08, levelDepthUsd: 400_000, impactNotionalUsd: 20_000,
  },
  {
    symbol: "ETH", startPx: 3_400, annualVol: 0.65, pxDecimals: 1, szDecimals: 4, maxLeverage: 25,
    minuteVolumeUsd: 600_000, avgTradeUsd: 2_500, baseOpenInterest: 450_000, marketLoading: 0.8,
    halfSpreadBps: 0.2, levelDepthUsd: 200_000, impactNotionalUsd: 20_000,
  },
  {
    symbol: "SOL", startPx: 190, annualVol: 0.8, pxDecimals: 2, szDecimals: 2, maxLeverage: 20,
    minuteVolumeUsd: 250_000, avgTradeUsd: 1_500, baseOpenInterest: 2_500_000, marketLoading: 0.72,
    halfSpreadBps: 0.4, levelDepthUsd: 80_000, impactNotionalUsd: 6_000,
  },
  {
    symbol: "DOGE", startPx: 0.32, annualVol: 0.9, pxDecimals: 5, szDecimals: 0, maxLeverage: 10,
    minuteVolumeUsd: 80_000, avgTradeUsd: 800, baseOpenInterest: 500_000_000, marketLoading: 0.65,
    halfSpreadBps: 0.5, levelDepthUsd: 30_000, impactNotionalUsd: 6_000,
  },
];

export const REPLAY_SYMBOLS: readonly string[] = REPLAY_PERPS.map((p) => p.symbol);

/** The up/down markets follow this perp, one per window. */
export const UPDOWN_UNDERLYING = "BTC";
export const UPDOWN_WINDOW_MS = 15 * MINUTE_MS;
export const UPDOWN_OUTCOMES = ["Up", "Down"] as const;

export function replayPerp(symbol: string): ReplayPerp {
  const perp = REPLAY_PERPS.find((p) => p.symbol === symbol);
  if (!perp) {
    throw new DomainError("NOT_FOUND", `replay has no perp "${symbol}"; it has ${REPLAY_SYMBOLS.join(", ")}`, "symbol");
  }
  return perp;
}

/** Rounds to a number of decimals; dividing an integer by a power of ten gives the nearest double to the decimal. */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}
