/**
 * 1-minute candles as columns: one Float64Array per field, ascending by open time.
 * A backtest holds a year of minutes (525,600): as Candle objects that is ~100 MB
 * of objects and boxed doubles, ~0.15-0.3 s to make and then marked by every full
 * GC of the run; as columns it is 29 MB in seven arrays, read in place (an EMA, a
 * binary search, a stop run) and copied from market memory's kept days in one step.
 * A Candle is made from them only where one is handed on (candleAt).
 *
 * Every field is a double in storage (SQLite's REAL; trades an integer far below
 * 2^53), so the columns hold the very numbers the rows do.
 */
import type { Candle } from "./types";

const M = 60_000;

export interface MinuteColumns {
  readonly length: number;
  readonly openTime: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  readonly trades: Float64Array;
}

/**
 * The columns in market memory's order of a minute's numbers (openTime, open, high, low,
 * close, volume, trades): the order its rows are read in and its kept days are packed in.
 */
export function columnsInOrder(m: MinuteColumns): readonly Float64Array[] {
  return [m.openTime, m.open, m.high, m.low, m.close, m.volume, m.trades];
}

/** Columns for `length` minutes, every value 0 until written. */
export function emptyMinuteColumns(length: number): MinuteColumns {
  return {
    length,
    openTime: new Float64Array(length), open: new Float64Array(length), high: new Float64Array(length), low: new Float64Array(length),
    close: new Float64Array(length), volume: new Float64Array(length), trades: new Float64Array(length),
  };
}

/** The candles' columns (1-minute candles: closeTime is openTime + 1 min - 1 ms, so it is not kept). */
export function minuteColumns(candles: readonly Candle[]): MinuteColumns {
  const m = emptyMinuteColumns(candles.length);
  for (let i = 0; i < candles.length; i++) {
    const c = candles[i]!;
    m.openTime[i] = c.openTime;
    m.open[i] = c.open;
    m.high[i] = c.high;
    m.low[i] = c.low;
    m.close[i] = c.close;
    m.volume[i] = c.volume;
    m.trades[i] = c.trades;
  }
  return m;
}

/** Minute i as a Candle, its fields in the order market memory reads them. */
export function candleAt(m: MinuteColumns, i: number): Candle {
  const openTime = m.openTime[i]!;
  return { openTime, closeTime: openTime + M - 1, open: m.open[i]!, high: m.high[i]!, low: m.low[i]!, close: m.close[i]!, volume: m.volume[i]!, trades: m.trades[i]! };
}

/** Minutes [from, to) as Candles. */
export function candlesOf(m: MinuteColumns, from = 0, to = m.length): Candle[] {
  const out = new Array<Candle>(Math.max(0, to - from));
  for (let i = from; i < to; i++) out[i - from] = candleAt(m, i);
  return out;
}
