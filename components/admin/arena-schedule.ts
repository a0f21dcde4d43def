/** The race schedule as words, for the admin Arena page (server and client alike). */
import { formatDuration } from "@/components/arena/format";
import { wallMs, type RaceSchedule } from "@/lib/domain/race/schedule";

/** How long a schedule waits on the wall clock: "accumulates 2 min, races 8 min". */
export function wallClockSummary(s: RaceSchedule): string {
  return `accumulates ${formatDuration(wallMs(s.accumulateMinutes, s.timeScale))}, races ${formatDuration(wallMs(s.liveMinutes, s.timeScale))}`;
}
