/**
 * A candle stream's indicators in the packet: the latest value of each, by key,
 * computed over the stream's complete bars by computeIndicators (the one rule).
 *
 * Lazy (a backtest's packets): each value other than an EMA is computed the first
 * time it is read, over the same bars with the same arithmetic (LatestIndicators),
 * so it is the same number; serialising or comparing the packet reads every one. A
 * backtest's rules read one or two of a stream's indicators at thousands of
 * decisions, so the others are never computed for nothing. An EMA is a plain value
 * from the start: from a source's typed closes it costs less than the getter would.
 *
 * The getters (one per key, accessorOf) find their state on the object itself, in a
 * private field (Stamp, ./stamp.ts), and their entry in the stream's layout.
 */
import type { DataStreamBlock } from "@/lib/domain/graph/schema";
import { GRANULARITY_MS } from "@/lib/domain/graph/vocabulary";
import { computeIndicators, indicatorKey, LatestIndicators, type CandleRun, type IndicatorConfig } from "@/lib/domain/indicators/compute";
import { Stamp } from "./stamp";

/** A lazy indicators object's state: its values (as far as read) and its stream's layout. */
interface State {
  /** changed in place when a reused object is rewritten for the next decision */
  latest: LatestIndicators;
  readonly layout: Layout;
}

/**
 * Lazy indicators objects to rewrite rather than make, one per stream block (see
 * BuildOptions.reuse): defining a lazy object's getters costs ~1 µs a decision.
 */
export type IndicatorObjects = Map<DataStreamBlock, { out: Record<string, unknown>; state: State }>;

interface Entry {
  key: string;
  /** the config's index in the block (LatestIndicators keeps its value there) */
  slot: number;
  config: IndicatorConfig;
  /** read through a getter, or set at once (an EMA) */
  lazy: boolean;
}

interface Layout {
  options: { seriesLength: number; barMs: number };
  /** one entry per distinct key, in the keys' order */
  entries: Entry[];
  byKey: Map<string, Entry>;
}

/**
 * One getter per key for every stream and every backtest, finding its entry through
 * the object's layout: V8 shares the objects' hidden classes only while a key's
 * accessor is the same function. A getter per stream block made every packet after
 * the first backtest's a slow dictionary object (~2 µs more each).
 */
const accessors = new Map<string, PropertyDescriptor>();

function accessorOf(key: string): PropertyDescriptor {
  let accessor = accessors.get(key);
  if (!accessor) {
    accessor = {
      enumerable: true,
      configurable: true,
      get(this: object) {
        const { latest, layout } = Stamp.of<State>(this);
        const entry = layout.byKey.get(key)!;
        return latest.get(entry.slot, entry.config);
      },
    };
    accessors.set(key, accessor);
  }
  return accessor;
}

const layouts = new WeakMap<DataStreamBlock, Layout>();

function layoutOf(s: DataStreamBlock): Layout {
  let kept = layouts.get(s);
  if (kept) return kept;
  // a repeated key keeps its first place and its last config, as Object.fromEntries does
  const byKey = new Map<string, Entry>();
  s.indicators.forEach((config, slot) => {
    const key = indicatorKey(config);
    byKey.set(key, { key, slot, config, lazy: config.kind !== "ema" });
  });
  kept = { options: { seriesLength: 0, barMs: GRANULARITY_MS[s.granularity] }, entries: [...byKey.values()], byKey };
  // a stream block of a saved version never changes; a draft's might, so only frozen ones are kept
  if (Object.isFrozen(s)) layouts.set(s, kept);
  return kept;
}

/**
 * @param window the stream's complete bars (with their typed closes and open times when the source keeps them)
 * @param reuse (lazy only) this stream's object from an earlier call is rewritten and returned: the
 *   same keys in the same order, the values of this window (the earlier values are gone)
 */
export function streamIndicators(window: CandleRun, s: DataStreamBlock, lazy: boolean, reuse?: IndicatorObjects): Record<string, unknown> {
  if (!lazy) {
    const options = { seriesLength: 0, barMs: GRANULARITY_MS[s.granularity] };
    return Object.fromEntries(computeIndicators(window.bars, s.indicators, options).map((r) => [r.key, r.latest]));
  }
  const layout = layoutOf(s);
  const latest = new LatestIndicators(window, layout.options, s.indicators);
  const kept = reuse?.get(s);
  if (kept && kept.state.layout === layout) {
    kept.state.latest = latest;
    for (const { key, slot, config, lazy } of layout.entries) if (!lazy) kept.out[key] = latest.get(slot, config);
    return kept.out;
  }
  const out: Record<string, unknown> = {};
  const state: State = { latest, layout };
  let pending = false;
  for (const { key, slot, config, lazy } of layout.entries) {
    if (!lazy) {
      // a data property, as Object.fromEntries makes it in the eager packet
      out[key] = latest.get(slot, config);
      continue;
    }
    if (!pending) {
      Stamp.stamp(out, state);
      pending = true;
    }
    Object.defineProperty(out, key, accessorOf(key));
  }
  reuse?.set(s, { out, state });
  return out;
}
