/** How the Arena shows its figures: every number comes from the API; these only format it. */
import { formatCredits } from "@/lib/domain/money";

/** "$10,123.45" / "−$12.00" from integer USD cents */
export const usdCents = (cents: number) => `${cents < 0 ? "−" : ""}$${formatCredits(Math.abs(Math.round(cents)))}`;

/** "+$123.45" / "−$12.00" / "$0.00" */
export const signedUsdCents = (cents: number) => (cents > 0 ? `+${usdCents(cents)}` : usdCents(cents));

/** "+1.23%" / "−0.045%" / "0.00%": a loss never reads as "0.00%" */
export function formatReturnPct(pct: number): string {
  const digits = Math.abs(pct) >= 0.01 || pct === 0 ? 2 : 3;
  return `${pct > 0 ? "+" : pct < 0 ? "−" : ""}${Math.abs(pct).toFixed(digits)}%`;
}

export const toneOf = (v: number | null) => (v === null || v === 0 ? "text-fg-muted" : v > 0 ? "text-positive" : "text-negative");

/** A payout per credit as a multiplier: "×3.42", "×12.5", "×140" */
export function multiplier(x: number): string {
  if (x >= 100) return `×${Math.round(x).toLocaleString("en-US")}`;
  if (x >= 10) return `×${x.toFixed(1)}`;
  return `×${x.toFixed(2)}`;
}

/** 0..1 as "12.3%" (one decimal; "<0.1%" for a sliver) */
export function sharePct(share: number): string {
  if (share > 0 && share < 0.001) return "<0.1%";
  return `${(share * 100).toFixed(1)}%`;
}

export const ordinal = (n: number) => {
  const s = ["th", "st", "nd", "rd"];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
};

/** Time left as a clock: "0:07", "4:05", "1:02:03", "2 d 3 h" */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3_600);
  const m = Math.floor((total % 3_600) / 60);
  const s = total % 60;
  if (d > 0) return `${d} d ${h} h`;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** A duration in words: "30 s", "4 min", "1 h 30 min", "1 d" */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  // under ten minutes the seconds count ("1 min 30 s", not "2 min")
  if (s < 600) return s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s / 60} min`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  const rest = min % 60;
  if (h < 24) return rest ? `${h} h ${rest} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** "14:05:09 UTC" (today's times) with the date when it is not today's */
export function formatClock(ms: number, withDate = false): string {
  const iso = new Date(ms).toISOString();
  return withDate ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : `${iso.slice(11, 19)} UTC`;
}

export const price = (p: number | null | undefined) => (p === null || p === undefined ? "–" : p.toLocaleString("en-US", { maximumSignificantDigits: 6 }));
export const baseSize = (s: number) => s.toLocaleString("en-US", { maximumFractionDigits: 6 });

/** "$12.34" from micro-dollars, to the cent */
export const usdMicro = (micro: number) => usdCents(Math.round(micro / 10_000));

/** Eight colours that stay apart on the dark canvas, one per Arena slot: a clone keeps its colour on every chart. */
export const SLOT_COLORS = ["#f3b73a", "#58a6ff", "#22c77f", "#f2555d", "#b48cff", "#2dd4bf", "#ff9f43", "#f472b6"] as const;
export const slotColor = (slot: number) => SLOT_COLORS[(((slot - 1) % SLOT_COLORS.length) + SLOT_COLORS.length) % SLOT_COLORS.length]!;

export const label = (word: string) => word.toLowerCase().replaceAll("_", " ");
