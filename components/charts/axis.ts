/** Shared by the equity charts: round axis ticks and signed dollar labels. */

/** A dollar amount with a real minus sign, e.g. −$12.50. */
export const money = (usd: number, digits = 2) =>
  `${usd < 0 ? "−" : ""}$${Math.abs(usd).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;

/** Round ticks (1, 2, 2.5 or 5 × a power of ten) around the values, about four of them. */
export function niceAxis(values: number[]) {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const raw = Math.max(hi - lo, 0.04) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const first = Math.floor(lo / step) * step;
  const last = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let i = 0; first + i * step <= last + step / 2; i++) ticks.push(Number((first + i * step).toFixed(6)));
  return { domain: [first, last] as [number, number], ticks, step };
}
