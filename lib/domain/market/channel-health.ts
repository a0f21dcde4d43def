/**
 * A channel's colour on the Ingestion health page, and the alert it raises.
 * green: the last success is fresh; yellow: older than its stale threshold;
 * red: older than twice that, failing repeatedly, or never succeeded since it
 * was set up (missing).
 */
export type ChannelColour = "GREEN" | "YELLOW" | "RED";
export type AlertKind = "STALE" | "FAILING" | "MISSING";

export const FAILURES_FOR_RED = 3;

export interface ChannelState {
  createdAt: number;
  lastSuccessAt: number | null;
  consecutiveFailures: number;
  staleAfterMs: number;
}

export interface ChannelHealth {
  colour: ChannelColour;
  /** age of the last success, ms (null when there never was one) */
  ageMs: number | null;
  alert: AlertKind | null;
  reason: string;
}

export function channelHealth(c: ChannelState, now: number): ChannelHealth {
  const ageMs = c.lastSuccessAt === null ? null : Math.max(0, now - c.lastSuccessAt);
  if (c.consecutiveFailures >= FAILURES_FOR_RED) {
    return { colour: "RED", ageMs, alert: "FAILING", reason: `${c.consecutiveFailures} failures in a row` };
  }
  if (ageMs === null) {
    const waited = now - c.createdAt;
    return waited > 2 * c.staleAfterMs
      ? { colour: "RED", ageMs, alert: "MISSING", reason: "no data has arrived since the channel was set up" }
      : { colour: "YELLOW", ageMs, alert: null, reason: "waiting for the first data" };
  }
  if (ageMs > 2 * c.staleAfterMs) return { colour: "RED", ageMs, alert: "STALE", reason: "no fresh data for over twice the stale threshold" };
  if (ageMs > c.staleAfterMs) return { colour: "YELLOW", ageMs, alert: null, reason: "data is getting old" };
  return { colour: "GREEN", ageMs, alert: null, reason: c.consecutiveFailures > 0 ? "fresh, but the last attempt failed" : "fresh" };
}
