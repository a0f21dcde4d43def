/**
 * The packet's market at any T of a backtest, over series loaded once. What the
 * live resolver recomputes per decision is computed once per window here, and
 * each decision takes a slice:
 *
 * - A stream's complete bars: the window's minutes resampled once (resample, the
 *   one rule). A decision reads the complete bars of its newest candleMinutes(s)
 *   minutes; those are exactly the once-resampled complete bars whose minutes all
 *   lie among them (a bucket cut by the window's start is incomplete there and
 *   dropped, a bucket with a hole is incomplete in both), with the very same
 *   values, built by the same additions in the same order.
 * - Their packet rows (barPoint), built once per bar and shared, read-only; their
 *   closes and open times in typed arrays, which an EMA reads in place instead of
 *   the bars (the bars are not kept: resampled again from a window's minutes if read).
 * - Funding, contexts and the rest: the newest N before T, by binary search.
 * Indicators stay per decision: an EMA seeded at the window's first bar differs
 * from one seeded a bar later, so nothing is carried from one window to the next.
 */
import { barPoint, candleMinutes, type CandleWindow, type PacketMarket, type PacketReads, type PacketRow, type PerpAtT } from "@/lib/domain/decisions/build-packet";
import type { DataStreamBlock } from "@/lib/domain/graph/schema";
import { resample } from "@/lib/domain/market/resample";
import type { Candle } from "@/lib/domain/market/types";
import { countBefore, countBelow, minutesClosedBy, newestOf, openTimesOf, type MarketSeries, type PerpSeries } from "./series";

const M = 60_000;

interface StreamBars {
  /** candleMinutes(stream): the newest minutes a decision's bars come from */
  minutes: number;
  /** the perp's minutes and the stream's granularity, to resample a window's bars again if read */
  source: PerpSeries;
  granularity: DataStreamBlock["granularity"];
  /** each bar's close and open time, for the indicators that read only those (an EMA) */
  closes: Float64Array;
  openTimes: Float64Array;
  /** the bars are in strictly ascending order (checked once: so is every run of them) */
  ascending: boolean;
  /** index (in the perp's minutes) of each bar's first and last minute */
  first: Int32Array;
  last: Int32Array;
  rows: PacketRow[];
}

const DAY = 86_400_000;
/** no rows: read-only, so one list serves every decision that reads none */
const NONE: readonly never[] = Object.freeze([]);

/**
 * Resampled once, per perp and stream (streams differ in datapoints, so rows are per
 * stream), a UTC day at a time: a bucket never spans two days, so each day's bars are
 * the year's for that day. They are read into the columns and rows and dropped while
 * young; keeping the year's bars (~100,000 objects) cost ~100 ms of copying in the GC.
 */
function streamBars(p: PerpSeries, s: DataStreamBlock): StreamBars {
  const n = p.minutes.length;
  const minuteTimes = openTimesOf(p.minutes);
  // at most one bar per minute: the columns are cut to the bars' count at the end
  const closes = new Float64Array(n);
  const openTimes = new Float64Array(n);
  const first = new Int32Array(n);
  const last = new Int32Array(n);
  const rows: PacketRow[] = [];
  let count = 0;
  for (let a = 0; a < n; ) {
    const b = countBelow(minuteTimes, (Math.floor(minuteTimes[a]! / DAY) + 1) * DAY, a);
    const bars = resample(p.minutes.slice(a, b), s.granularity, true);
    const perBar = bars.length && s.granularity !== "1m" ? (bars[0]!.closeTime + 1 - bars[0]!.openTime) / M : 1;
    let j = a;
    for (const bar of bars) {
      // a complete bar's minutes are its perBar consecutive minutes from its open
      while (minuteTimes[j]! < bar.openTime) j++;
      first[count] = j;
      last[count] = j + perBar - 1;
      closes[count] = bar.close;
      openTimes[count] = bar.openTime;
      rows.push(barPoint(bar, s));
      count++;
    }
    a = b;
  }
  let ascending = true;
  for (let i = 1; i < count && ascending; i++) ascending = openTimes[i]! > openTimes[i - 1]!;
  return {
    minutes: candleMinutes(s), source: p, granularity: s.granularity, ascending, rows,
    closes: closes.slice(0, count), openTimes: openTimes.slice(0, count), first: first.slice(0, count), last: last.slice(0, count),
  };
}

/**
 * One decision's complete bars of a stream, [lo, hi) of the prepared ones: their
 * rows, and their closes and open times read in place in the prepared columns; the
 * bars themselves are resampled again only if something reads them (an indicator
 * other than an EMA): the same bars, from the same minutes.
 */
class WindowAt implements CandleWindow {
  readonly points: PacketRow[];
  readonly closes: Float64Array;
  readonly openTimes: Float64Array;
  readonly from: number;
  readonly to: number;
  readonly ascending: boolean;
  private resampled: Candle[] | null = null;

  constructor(
    private readonly prepared: StreamBars,
    lo: number,
    hi: number,
    depth: number,
  ) {
    this.points = prepared.rows.slice(Math.max(lo, hi - depth), hi);
    this.closes = prepared.closes;
    this.openTimes = prepared.openTimes;
    this.from = lo;
    this.to = hi;
    this.ascending = prepared.ascending;
  }

  get bars(): readonly Candle[] {
    const { source, granularity, first, last } = this.prepared;
    return (this.resampled ??= this.to > this.from ? resample(source.minutes.slice(first[this.from], last[this.to - 1]! + 1), granularity, true) : []);
  }
}

export interface SeriesMarket {
  /** the packet's market at T */
  at(T: number): PacketMarket;
}

/** Each perp's streams, resampled once: by the perp's series, then by the stream block itself. */
type Prepared = Map<PerpSeries, Map<DataStreamBlock, StreamBars>>;

/** @param reads what the graph reads (packetReads): how deep funding and contexts go */
export function seriesMarket(series: MarketSeries, reads: PacketReads): SeriesMarket {
  const prepared: Prepared = new Map();
  return { at: (T) => new MarketAt(series, reads, prepared, T) };
}

// classes rather than object literals of closures: one of each is made per decision
class MarketAt implements PacketMarket {
  // the first perp asked for in a field, any other in a map: most graphs read one perp
  private firstSymbol: string | undefined;
  private firstPerp: PerpAt | null = null;
  private others: Map<string, PerpAt | null> | undefined;

  constructor(
    private readonly series: MarketSeries,
    private readonly reads: PacketReads,
    private readonly prepared: Prepared,
    private readonly T: number,
  ) {}

  perp(symbol: string): PerpAt | null {
    if (symbol === this.firstSymbol) return this.firstPerp;
    let perp = this.others?.get(symbol);
    if (perp === undefined) {
      const p = this.series.perps.get(symbol);
      perp = p ? new PerpAt(p, this.reads.perps.get(symbol), this.prepared, this.T) : null;
      if (this.firstSymbol === undefined) {
        this.firstSymbol = symbol;
        this.firstPerp = perp;
      } else {
        (this.others ??= new Map()).set(symbol, perp);
      }
    }
    return perp;
  }

  prediction(slug: string) {
    const found = this.series.predictions.get(slug);
    if (!found) return null;
    const T = this.T;
    const snapshot = found.snapshot && found.snapshot.updatedAt < T ? { volume: found.snapshot.volume, liquidity: found.snapshot.liquidity } : null;
    return { prices: newestOf(found.prices, countBefore(found.prices, T), this.reads.predictions.get(slug) ?? 0), snapshot };
  }

  macro(name: string) {
    const points = this.series.macro.get(name);
    return points ? newestOf(points, countBefore(points, this.T), this.reads.macro.get(name) ?? 0) : null;
  }
}

class PerpAt implements PerpAtT {
  readonly lastMinute: Candle | null;
  readonly book: PerpAtT["book"];
  readonly funding: PerpAtT["funding"];
  readonly contexts: PerpAtT["contexts"];
  private readonly closed: number;

  constructor(
    private readonly p: PerpSeries,
    depth: { funding: number; contexts: number } | undefined,
    private readonly prepared: Prepared,
    T: number,
  ) {
    this.closed = minutesClosedBy(p.minutes, T);
    this.lastMinute = this.closed > 0 ? p.minutes[this.closed - 1]! : null;
    const bookAt = countBefore(p.books, T);
    this.book = bookAt > 0 ? p.books[bookAt - 1]! : null;
    // as deep as the graph's deepest stream reads; the builder keeps each stream's own
    this.funding = depth?.funding ? newestOf(p.funding, countBefore(p.funding, T), depth.funding) : NONE;
    this.contexts = depth?.contexts ? newestOf(p.contexts, countBefore(p.contexts, T), depth.contexts) : NONE;
  }

  candles(s: DataStreamBlock): CandleWindow {
    let streams = this.prepared.get(this.p);
    if (!streams) this.prepared.set(this.p, (streams = new Map()));
    let prepared = streams.get(s);
    if (!prepared) streams.set(s, (prepared = streamBars(this.p, s)));
    const start = Math.max(0, this.closed - prepared.minutes);
    const lo = countBelow(prepared.first, start);
    const hi = countBelow(prepared.last, this.closed, lo);
    return new WindowAt(prepared, lo, hi, s.retrievalDepth);
  }
}
