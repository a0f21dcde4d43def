/**
 * The datasets of market memory, their spacing (for regular series, where missing
 * points are gaps) and how old a channel's last success may get before it is stale.
 */
export const DATASETS = {
  candles: { label: "1m candles", stepMs: 60_000, staleAfterMs: 3 * 60_000 },
  mids: { label: "Mid prices", stepMs: null, staleAfterMs: 2 * 60_000 },
  contexts: { label: "Asset contexts", stepMs: null, staleAfterMs: 5 * 60_000 },
  funding: { label: "Funding", stepMs: 3_600_000, staleAfterMs: 2 * 3_600_000 },
  book: { label: "Order book", stepMs: null, staleAfterMs: 2 * 60_000 },
  "prediction-markets": { label: "Prediction markets", stepMs: null, staleAfterMs: 30 * 60_000 },
  "prediction-prices": { label: "Prediction prices", stepMs: 60_000, staleAfterMs: 10 * 60_000 },
  macro: { label: "Macro series", stepMs: 86_400_000, staleAfterMs: 36 * 3_600_000 },
} as const satisfies Record<string, { label: string; stepMs: number | null; staleAfterMs: number }>;

export type Dataset = keyof typeof DATASETS;

export function channelId(source: string, dataset: Dataset, assetKey: string): string {
  return `${source}:${dataset}:${assetKey}`;
}
