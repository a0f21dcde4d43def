/**
 * The words a clone graph is written in: sources, datasets, datapoints, time
 * steps, strategies, actions and avatars. Kept apart from the schemas so the
 * Studio's pickers, the context resolver and the validation messages all list
 * exactly the same choices.
 */

export const BLOCK_TYPES = ["data-stream", "asset", "trading-prompt", "trading-clone"] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

/** The logical source a stream reads; replay market memory stands in for all three offline. */
export const STREAM_SOURCES = ["hyperliquid", "polymarket", "defillama"] as const;
export type StreamSource = (typeof STREAM_SOURCES)[number];

export const STREAM_DATASETS = ["candles", "funding", "open-interest", "book", "prediction-market", "macro"] as const;
export type StreamDataset = (typeof STREAM_DATASETS)[number];

export const DATASETS_BY_SOURCE: Readonly<Record<StreamSource, readonly StreamDataset[]>> = {
  hyperliquid: ["candles", "funding", "open-interest", "book"],
  polymarket: ["prediction-market", "book"],
  defillama: ["macro"],
};

export const DATAPOINTS_BY_DATASET = {
  candles: ["open", "high", "low", "close", "volume", "trades"],
  funding: ["funding", "premium"],
  "open-interest": ["openInterest", "markPrice", "oraclePrice", "dayVolume"],
  book: ["bestBid", "bestAsk", "spread", "bidDepth", "askDepth"],
  "prediction-market": ["price", "volume", "liquidity"],
  macro: ["value", "change"],
} as const satisfies Record<StreamDataset, readonly string[]>;

export type Datapoint = (typeof DATAPOINTS_BY_DATASET)[StreamDataset][number];
export const DATAPOINTS = [...new Set(Object.values(DATAPOINTS_BY_DATASET).flat())] as [Datapoint, ...Datapoint[]];

/** DefiLlama series: capital base (TVL, stablecoins) and throughput (DEX volume, fees). */
export const MACRO_SERIES = ["tvl", "stablecoins", "dex-volume", "fees"] as const;
export type MacroSeries = (typeof MACRO_SERIES)[number];

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export const GRANULARITY_MS = {
  "1m": MINUTE_MS,
  "5m": 5 * MINUTE_MS,
  "15m": 15 * MINUTE_MS,
  "1h": HOUR_MS,
  "4h": 4 * HOUR_MS,
  "1d": DAY_MS,
} as const;
export type Granularity = keyof typeof GRANULARITY_MS;
export const GRANULARITIES = Object.keys(GRANULARITY_MS) as [Granularity, ...Granularity[]];

/**
 * The finest step each dataset is recorded at: asking for finer bars would only
 * repeat the same value, so the schema refuses it.
 */
export const FINEST_GRANULARITY: Readonly<Record<StreamDataset, Granularity>> = {
  candles: "1m",
  funding: "1h",
  "open-interest": "1m",
  book: "1m",
  "prediction-market": "1m",
  macro: "1d",
};

export const LOOKBACK_UNIT_MS = { minutes: MINUTE_MS, hours: HOUR_MS, days: DAY_MS } as const;
export type LookbackUnit = keyof typeof LOOKBACK_UNIT_MS;
export const LOOKBACK_UNITS = Object.keys(LOOKBACK_UNIT_MS) as [LookbackUnit, ...LookbackUnit[]];
/** Market memory keeps a month of minute data hot; deeper history belongs to backtests. */
export const MAX_LOOKBACK_MS = 30 * DAY_MS;

export const MAX_RETRIEVAL_DEPTH = 1000;

export const VENUES = ["HYPERLIQUID", "POLYMARKET"] as const;
export type GraphVenue = (typeof VENUES)[number];

export const STRATEGIES = ["momentum", "mean-reversion", "volume-spike", "funding-carry", "discretionary"] as const;
export type Strategy = (typeof STRATEGIES)[number];
export type RuleStrategy = Exclude<Strategy, "discretionary">;

export const CADENCES = ["1m", "5m", "15m", "1h", "4h"] as const;
export type Cadence = (typeof CADENCES)[number];

export const ACTIONS = ["open_long", "open_short", "close", "hold"] as const;
export type ActionKind = (typeof ACTIONS)[number];

export const PROVIDERS = ["anthropic", "rules", "scripted"] as const;
export type Provider = (typeof PROVIDERS)[number];

export const GRAPH_MODES = ["basic", "custom", "power"] as const;
export type GraphMode = (typeof GRAPH_MODES)[number];

/** Built-in avatars the UI draws itself; any single emoji is accepted as well. */
export const AVATAR_IDS = [
  "bull", "bear", "robot", "rocket", "owl", "shark", "fox", "wolf", "whale", "octopus", "falcon", "tiger",
] as const;
export type AvatarId = (typeof AVATAR_IDS)[number];

/** The exact ids a graph may use for its blocks: safe in URLs, DOM ids and log lines. */
export const BLOCK_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
