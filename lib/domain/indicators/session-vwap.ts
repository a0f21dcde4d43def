/**
 * Session VWAP: the volume-weighted average of each candle's typical price,
 * accumulated from the first candle of the current UTC day.
 *
 *   typical_i = (high_i + low_i + close_i) / 3
 *   VWAP_k    = Σ typical_i × volume_i / Σ volume_i   over candles i ≤ k of k's UTC day
 *
 * Crypto and prediction markets have no exchange session, so UTC midnight is the
 * reset most venues and charting tools use. Only the candles given are summed: if
 * the lookback starts mid-day, the first session is partial. On 1d candles every
 * session is one candle, so VWAP equals that candle's typical price.
 */
import type { Stepper } from "./types";

const DAY_MS = 86_400_000;

export function sessionVwapStepper(): Stepper<number> {
  let session = Number.NaN;
  let priceVolume = 0;
  let volume = 0;
  return (c) => {
    const day = Math.floor(c.openTime / DAY_MS);
    if (day !== session) {
      session = day;
      priceVolume = 0;
      volume = 0;
    }
    priceVolume += ((c.high + c.low + c.close) / 3) * c.volume;
    volume += c.volume;
    // no volume yet this session: an average of nothing is not a price
    return volume > 0 ? priceVolume / volume : null;
  };
}
