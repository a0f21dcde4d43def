/**
 * The race lifecycle (PRODUCT.md §7) as a pure state machine:
 *
 *   ACCUMULATING -> LAUNCHED -> LIVE -> SETTLING -> SETTLED -> ARCHIVED
 *   ACCUMULATING | LAUNCHED | LIVE -> CANCELLED (every ticket refunded in full)
 *
 * `nextRaceStep` says what a race needs next at a time, so every runner (the
 * embedded scheduler, an Inngest function per race) drives it the same way, and
 * each step checks the status it starts from: running a step twice does nothing.
 */
import { DomainError } from "../errors";

export const RACE_STATUSES = ["ACCUMULATING", "LAUNCHED", "LIVE", "SETTLING", "SETTLED", "ARCHIVED", "CANCELLED"] as const;
export type RaceStatus = (typeof RACE_STATUSES)[number];

export const ARENA_SLOTS = 8;
/** A race needs two entrants; with fewer at launch it is cancelled and refunded. */
export const MIN_ENTRANTS = 2;
/** Each entrant races on a fresh paper account of this many USD. */
export const RACE_START_USD = 10_000;

const NEXT: Record<RaceStatus, readonly RaceStatus[]> = {
  ACCUMULATING: ["LAUNCHED", "CANCELLED"],
  LAUNCHED: ["LIVE", "CANCELLED"],
  LIVE: ["SETTLING", "CANCELLED"],
  SETTLING: ["SETTLED"],
  SETTLED: ["ARCHIVED"],
  ARCHIVED: [],
  CANCELLED: [],
};

export function canTransition(from: RaceStatus, to: RaceStatus): boolean {
  return NEXT[from].includes(to);
}

export function assertTransition(from: RaceStatus, to: RaceStatus): void {
  if (!canTransition(from, to)) throw new DomainError("CONFLICT", `A ${from} race cannot become ${to}`, "status");
}

/** Statuses a race is still in play in (the runner and the lifecycle look at these). */
export const OPEN_STATUSES: readonly RaceStatus[] = ["ACCUMULATING", "LAUNCHED", "LIVE", "SETTLING"];

export function isFinished(status: RaceStatus): boolean {
  return status === "SETTLED" || status === "ARCHIVED" || status === "CANCELLED";
}

export interface RaceClockView {
  status: RaceStatus;
  launchAtMs: number;
  endsAtMs: number | null;
  entrants: number;
}

export type RaceStep =
  | { kind: "launch" }
  | { kind: "cancel"; reason: string }
  | { kind: "go-live" }
  | { kind: "end" }
  | { kind: "settle" }
  | { kind: "wait"; untilMs: number }
  | { kind: "none" };

/** What the race needs next at `now`. */
export function nextRaceStep(race: RaceClockView, now: number): RaceStep {
  switch (race.status) {
    case "ACCUMULATING":
      if (now < race.launchAtMs) return { kind: "wait", untilMs: race.launchAtMs };
      return race.entrants < MIN_ENTRANTS
        ? { kind: "cancel", reason: `Only ${race.entrants} entrant${race.entrants === 1 ? "" : "s"} at launch; a race needs ${MIN_ENTRANTS}` }
        : { kind: "launch" };
    case "LAUNCHED":
      return { kind: "go-live" };
    case "LIVE":
      if (race.endsAtMs === null) throw new DomainError("INVARIANT_VIOLATED", "A live race has no end time");
      return now < race.endsAtMs ? { kind: "wait", untilMs: race.endsAtMs } : { kind: "end" };
    case "SETTLING":
      return { kind: "settle" };
    default:
      return { kind: "none" };
  }
}
