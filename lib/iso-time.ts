/**
 * Strict ISO dates and date-times for command-line arguments. Date.parse rolls
 * 2026-02-30 over to March and reads offset-less times as local: a mistyped day is
 * refused here, and a time without an offset is UTC.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

export function parseIsoTime(value: string): number | null {
  const m = ISO.exec(value);
  if (!m) return null;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  const day = new Date(Date.UTC(y!, mo! - 1, d!));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo! - 1 || day.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.parse(/T[^Z+-]*$/.test(value) ? `${value}Z` : value);
  return Number.isNaN(ms) ? null : ms;
}
