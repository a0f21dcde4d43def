/**
 * A candle stream's indicators in the packet: the latest value of each, by key,
 * computed over the stream's complete bars by computeIndicators (the one rule).
 *
 * Lazy: each value is computed the first time it is read, by the same call over
 * the same bars, so it is the same number; serialising or comparing the packet
 * reads every one. A backtest's rules read one or two of a stream's indicators at
 * thousands of decisions, so the others are never computed for nothing. The
 * getters are made once per stream and find their bars on the object itself, under
 * a symbol key that is not enumerable (so no JSON, key list or comparison sees it).
 * Not in a WeakMap: the young-generation GC keeps a WeakMap's entries alive, so each
 * decision's bars were promoted and the heap grew by ~300 MB over a year's backtest.
 */
import type { DataStreamBlock } from "@/lib/domain/graph/schema";
import { GRANULARITY_MS } from "@/lib/domain/graph/vocabulary";
import { computeIndicators, indicatorKey } from "@/lib/domain/indicators/compute";
import type { Candle } from "@/lib/domain/market/types";

interface Pending {
  bars: readonly Candle[];
  values: unknown[];
  known: boolean[];
}

const PENDING = Symbol("pending indicators");
type WithPending = { [PENDING]: Pending };
const getters = new WeakMap<DataStreamBlock, PropertyDescriptorMap & { [PENDING]: PropertyDescriptor }>();

function gettersOf(s: DataStreamBlock): PropertyDescriptorMap & { [PENDING]: PropertyDescriptor } {
  let map = getters.get(s);
  if (map) return map;
  const options = { seriesLength: 0, barMs: GRANULARITY_MS[s.granularity] };
  // a repeated key keeps its first place and its last config, as Object.fromEntries does
  map = Object.fromEntries(
    s.indicators.map((config, i) => [
      indicatorKey(config),
      {
        enumerable: true,
        configurable: true,
        get(this: WithPending) {
          const p = this[PENDING];
          if (!p.known[i]) {
            p.values[i] = computeIndicators(p.bars, [config], options)[0]!.latest;
            p.known[i] = true;
          }
          return p.values[i];
        },
      },
    ]),
  ) as PropertyDescriptorMap & { [PENDING]: PropertyDescriptor };
  // the object's own pending state: its value is set just before each use (one defineProperties per packet)
  map[PENDING] = { value: null, enumerable: false };
  // a stream block of a saved version never changes; a draft's might, so only frozen ones are kept
  if (Object.isFrozen(s)) getters.set(s, map);
  return map;
}

export function streamIndicators(bars: readonly Candle[], s: DataStreamBlock, lazy: boolean): Record<string, unknown> {
  if (!lazy) {
    const options = { seriesLength: 0, barMs: GRANULARITY_MS[s.granularity] };
    return Object.fromEntries(computeIndicators(bars, s.indicators, options).map((r) => [r.key, r.latest]));
  }
  const descriptors = gettersOf(s);
  descriptors[PENDING].value = { bars, values: [], known: [] } satisfies Pending;
  return Object.defineProperties({}, descriptors) as Record<string, unknown>;
}
