/** How the trading history shows figures: exact micro-dollars stay in the data; people read cents. */
import { formatCredits } from "@/lib/domain/money";

/** "$1,234.56" / "−$12.00" (whole cents) */
export const usd = (micro: number) => `${micro < 0 ? "−" : ""}$${formatCredits(Math.round(Math.abs(micro) / 10_000))}`;

/** small amounts (model cost, fees) to a tenth of a cent or better: "$0.00125" */
export const usdFine = (micro: number) => {
  if (micro === 0) return "$0";
  const digits = Math.abs(micro) < 10_000 ? 5 : 2;
  return `${micro < 0 ? "−" : ""}$${(Math.abs(micro) / 1_000_000).toFixed(digits)}`;
};

export const tone = (micro: number | null) => (micro === null ? "" : micro > 0 ? "text-positive" : micro < 0 ? "text-negative" : "text-fg-muted");

export const price = (p: number | null) => (p === null ? "–" : p.toLocaleString("en-US", { maximumSignificantDigits: 6 }));

export const size = (s: number) => s.toLocaleString("en-US", { maximumFractionDigits: 8 });

export const label = (word: string) => word.toLowerCase().replaceAll("_", " ");

/** "2026-07-01 10:30:05 UTC": the history needs the seconds a decision time carries */
export function formatTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
