/**
 * The race schedule: how long a race accumulates tickets and how long it runs, in
 * race minutes, and a time scale that compresses both for demos (PRODUCT.md §10:
 * the rules do not change, only how long the wall clock waits).
 */
import { DomainError } from "../errors";

export interface RaceSchedule {
  accumulateMinutes: number;
  liveMinutes: number;
  /** 1 = real time; 30 = thirty race minutes per wall-clock minute */
  timeScale: number;
}

/** PRODUCT.md §7: 1 hour accumulating, 24 hours live. */
export const DEFAULT_SCHEDULE: RaceSchedule = { accumulateMinutes: 60, liveMinutes: 24 * 60, timeScale: 1 };

export const SCHEDULE_LIMITS = {
  accumulateMinutes: { min: 1, max: 7 * 24 * 60 },
  liveMinutes: { min: 1, max: 30 * 24 * 60 },
  timeScale: { min: 1, max: 10_000 },
} as const;

/** The schedule, checked field by field; a DomainError names the first field out of range. */
export function checkSchedule(s: RaceSchedule): RaceSchedule {
  for (const field of ["accumulateMinutes", "liveMinutes", "timeScale"] as const) {
    const { min, max } = SCHEDULE_LIMITS[field];
    const v = s[field];
    if (!Number.isFinite(v) || (field !== "timeScale" && !Number.isInteger(v)) || v < min || v > max) {
      const unit = field === "timeScale" ? "" : " minutes";
      throw new DomainError("VALIDATION_FAILED", `${field} must be ${field === "timeScale" ? "a number" : "a whole number"} from ${min} to ${max.toLocaleString("en-US")}${unit}`, field);
    }
  }
  return s;
}

/** Race minutes as wall-clock milliseconds under the schedule's time scale (at least one second). */
export function wallMs(raceMinutes: number, timeScale: number): number {
  return Math.max(1_000, Math.round((raceMinutes * 60_000) / timeScale));
}
