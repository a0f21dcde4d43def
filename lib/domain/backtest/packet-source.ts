/**
 * The packet's market at any T of a backtest, over series loaded once. What the
 * live resolver recomputes per decision is computed once per window here, and
 * each decision takes a slice:
 *
 * - A stream's complete bars: the window's minutes aggregated once (eachBucket,
 *   resample's own). A decision reads the complete bars of its newest
 *   candleMinutes(s) minutes; those are exactly the once-made complete bars whose
 *   minutes all lie among them (a bucket cut by the window's start is incomplete
 *   there and dropped, a bucket with a hole is incomplete in both), with the very
 *   same values, built by the same additions in the same order.
 * - Kept as columns (StreamBars): closes and open times in typed arrays, which an
 *   EMA reads in place; a bar's packet row (barPoint) made when a window first reads
 *   it and shared by the windows that follow; the bars themselves resampled again
 *   from a window's minutes only if something reads them.
 * - Funding, contexts and the rest: the newest N before T, by binary search.
 * Indicators stay per decision: an EMA seeded at the window's first bar differs
 * from one seeded a bar later, so nothing is carried from one window to the next.
 */
import { barPoint, candleMinutes, type CandleWindow, type PacketMarket, type PacketReads, type PacketRow, type PerpAtT } from "@/lib/domain/decisions/build-packet";
import type { DataStreamBlock } from "@/lib/domain/graph/schema";
import { barOf, eachBucket, INTERVALS, resample } from "@/lib/domain/market/resample";
import { candleAt, candlesOf } from "@/lib/domain/market/minute-columns";
import type { Candle } from "@/lib/domain/market/types";
import { countBefore, countBelow, minutesClosedBy, newestOf, type MarketSeries, type PerpSeries } from "./series";

/** no rows: read-only, so one list serves every decision that reads none */
const NONE: readonly never[] = Object.freeze([]);

/**
 * A stream's complete bars over the perp's minutes, read once (eachBucket, resample's
 * own aggregation) into columns, without making the bars: their open times and closes
 * (typed, for EMAs and the order), their minutes, and the fields each bar takes from
 * them. A bar's packet row is made from those (barPoint of the very bar resample would
 * make) when a window first reads it, and let go once the windows have moved past it:
 * a year's ~100,000 bars and rows kept whole cost ~100 ms of copying in the GC.
 */
class StreamBars {
  /** candleMinutes(stream): the newest minutes a decision's bars come from */
  readonly minutes: number;
  readonly count: number;
  readonly closes: Float64Array;
  readonly openTimes: Float64Array;
  /** the bars are in strictly ascending order (checked once: so is every run of them) */
  readonly ascending: boolean;
  /** index (in the perp's minutes) of each bar's first and last minute */
  readonly first: Int32Array;
  readonly last: Int32Array;
  /** the fields a bar takes from all its minutes, as aggregated */
  private readonly highs: Float64Array;
  private readonly lows: Float64Array;
  private readonly volumes: Float64Array;
  private readonly trades: Float64Array;
  private readonly rows: (PacketRow | undefined)[];
  /** the rows of bars [kept, made) are made; those before `kept` were let go */
  private kept = 0;
  private made = 0;

  constructor(
    readonly source: PerpSeries,
    readonly stream: DataStreamBlock,
  ) {
    const minutes = source.minutes;
    this.minutes = candleMinutes(stream);
    if (stream.granularity === "1m") {
      // resample's 1-minute bars are the minutes themselves: their columns, read in place (the series never changes)
      const index = new Int32Array(minutes.length);
      for (let i = 0; i < index.length; i++) index[i] = i;
      this.count = minutes.length;
      this.first = this.last = index;
      ({ close: this.closes, openTime: this.openTimes, high: this.highs, low: this.lows, volume: this.volumes, trades: this.trades } = minutes);
    } else {
      // complete bars only: each takes a whole bucket of minutes, so there are at most this many
      const most = Math.ceil(minutes.length / (INTERVALS[stream.granularity] / 60_000));
      const [closes, openTimes, highs, lows, volumes, trades] = Array.from({ length: 6 }, () => new Float64Array(most));
      const first = new Int32Array(most);
      const last = new Int32Array(most);
      let count = 0;
      eachBucket(minutes, stream.granularity, true, (b) => {
        first[count] = b.from;
        last[count] = b.to - 1;
        closes![count] = b.close;
        openTimes![count] = b.openTime;
        highs![count] = b.high;
        lows![count] = b.low;
        volumes![count] = b.volume;
        trades![count] = b.trades;
        count++;
      });
      this.count = count;
      this.closes = closes!.subarray(0, count);
      this.openTimes = openTimes!.subarray(0, count);
      this.highs = highs!.subarray(0, count);
      this.lows = lows!.subarray(0, count);
      this.volumes = volumes!.subarray(0, count);
      this.trades = trades!.subarray(0, count);
      this.first = first.subarray(0, count);
      this.last = last.subarray(0, count);
    }
    let ascending = true;
    for (let i = 1; i < this.count && ascending; i++) ascending = this.openTimes[i]! > this.openTimes[i - 1]!;
    this.ascending = ascending;
    this.rows = new Array<PacketRow | undefined>(this.count);
  }

  /**
   * The rows of bars [from, to). Windows move forward: rows before `from` are let go,
   * and only the bars new to this window get theirs made (made again if asked for after
   * being let go).
   */
  rowsOf(from: number, to: number): PacketRow[] {
    if (from > this.kept) {
      for (let b = this.kept; b < Math.min(from, this.made); b++) this.rows[b] = undefined;
      this.kept = from;
      this.made = Math.max(this.made, from);
    }
    if (from < this.kept) {
      for (let b = from; b < Math.min(to, this.kept); b++) this.rows[b] ??= barPoint(this.bar(b), this.stream);
    }
    for (; this.made < to; this.made++) this.rows[this.made] = barPoint(this.bar(this.made), this.stream);
    return this.rows.slice(from, to) as PacketRow[];
  }

  /** Bar b as resample makes it: its first minute's fields, with those it takes from all its minutes. */
  private bar(b: number): Candle {
    const minutes = this.source.minutes;
    if (this.stream.granularity === "1m") return candleAt(minutes, this.first[b]!);
    const openTime = this.openTimes[b]!;
    return barOf(candleAt(minutes, this.first[b]!), {
      from: this.first[b]!, to: this.last[b]! + 1, openTime, closeTime: openTime + INTERVALS[this.stream.granularity] - 1,
      high: this.highs[b]!, low: this.lows[b]!, close: this.closes[b]!, volume: this.volumes[b]!, trades: this.trades[b]!,
    });
  }
}

/**
 * One decision's complete bars of a stream, [lo, hi) of the prepared ones: their
 * rows (made when read), and their closes and open times read in place in the prepared columns; the
 * bars themselves are resampled again only if something reads them (an indicator
 * other than an EMA): the same bars, from the same minutes.
 */
class WindowAt implements CandleWindow {
  readonly closes: Float64Array;
  readonly openTimes: Float64Array;
  readonly from: number;
  readonly to: number;
  readonly ascending: boolean;
  private rows: PacketRow[] | null = null;
  private resampled: Candle[] | null = null;

  constructor(
    private readonly prepared: StreamBars,
    lo: number,
    hi: number,
    private readonly depth: number,
  ) {
    this.closes = prepared.closes;
    this.openTimes = prepared.openTimes;
    this.from = lo;
    this.to = hi;
    this.ascending = prepared.ascending;
  }

  /** the rows of the newest `depth` bars, made when first read (a lazy packet may never read them) */
  get points(): PacketRow[] {
    return (this.rows ??= this.prepared.rowsOf(Math.max(this.from, this.to - this.depth), this.to));
  }

  get bars(): readonly Candle[] {
    const { source, stream, first, last } = this.prepared;
    return (this.resampled ??= this.to > this.from ? resample(candlesOf(source.minutes, first[this.from], last[this.to - 1]! + 1), stream.granularity, true) : []);
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
    this.lastMinute = this.closed > 0 ? candleAt(p.minutes, this.closed - 1) : null;
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
    if (!prepared) streams.set(s, (prepared = new StreamBars(this.p, s)));
    const start = Math.max(0, this.closed - prepared.minutes);
    const lo = countBelow(prepared.first, start);
    const hi = countBelow(prepared.last, this.closed, lo);
    return new WindowAt(prepared, lo, hi, s.retrievalDepth);
  }
}
